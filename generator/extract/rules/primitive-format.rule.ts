import type { ConstraintValue } from '../../ir/ir.js';
import type { PropertyRule } from './rule.js';

const FORMATS: Record<string, Extract<ConstraintValue, { kind: 'format' }>['format']> = {
  DateTimeOffset: 'date-time',
  Date: 'date',
  TimeOfDay: 'time',
  Duration: 'duration',
  Guid: 'uuid',
};

export const primitiveFormatRule: PropertyRule = {
  id: 'primitive-format',
  scope: 'type',
  summary: 'String formats implied by the type column (DateTimeOffset → ISO 8601 date-time, Guid → UUID, Date, Duration)',
  example: 'birthday | DateTimeOffset',
  mine(type) {
    if (type.kind !== 'primitive') return [];
    const format = FORMATS[type.name];
    return format ? [{ kind: 'format', format }] : [];
  },
};
