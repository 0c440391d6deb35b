/** A connector finding (DESIGN: `{ rule, field, property?, severity, message }`), with both lines behind it. */
export interface ConnectorFinding {
  rule: string;
  /** The connector field's label. */
  field: string;
  /** The documented property path it maps to (`ageGroup`, `passwordProfile.password`). */
  property?: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** `file:line` of the field in the connector page. */
  source?: string;
  /** `file:line` of the property's row (or the sentence) in the docs. */
  docs?: string;
}
