/** A field's description closer to another field's property than to its own describes that other property. */
import { similarity } from '../../../generator/diff/similarity.js';
import type { ConnectorFinding } from './finding.js';
import type { ConnectorCheck } from './connector-check.js';
import { sourceRef } from '../../../generator/ir/source-ref.js';
import type { Mapped } from './field-map.js';

export const descriptionMismatch: ConnectorCheck = {
  id: 'description-mismatch',
  scope: 'operation',
  check({ fields }) {
    const mapped = fields.flatMap((r) => (r.kind === 'mapped' ? [{ field: r.field, m: r.mapped }] : []));
    const out: ConnectorFinding[] = [];
    for (const { field, m } of mapped) {
      const own = similarity(field.description, m.property.description);
      let best: { other: Mapped; score: number } | undefined;
      for (const { field: otherField, m: other } of mapped) {
        if (otherField === field || other.path === m.path) continue;
        const score = similarity(field.description, other.property.description);
        if (!best || score > best.score) best = { other, score };
      }
      if (best && best.score >= 0.3 && best.score > 2 * own)
        out.push({
          rule: 'description-mismatch',
          field: field.label,
          property: m.path,
          severity: 'warning',
          message: `the description reads like ${best.other.path} (word overlap ${best.score.toFixed(2)}), not ${m.path} (${own.toFixed(2)}): "${field.description.slice(0, 100)}…"`,
          source: sourceRef(field.source),
          docs: sourceRef(best.other.property.source),
        });
    }
    return out;
  },
};
