import type { PropertyRule } from './rule.js';

/** "Currently only "/" is supported", "The only supported value is `Windows10`": a one-value enumeration. */
const PATTERNS = [
  /^(?:Currently,? )?only (`[^`]+`|"[^"]+"|'[^']+'|\*\*[^*]+\*\*|[A-Za-z0-9_#.-]+) is (?:currently )?(?:supported|allowed|accepted)\b/i,
  /\bthe only (?:supported|allowed|accepted|valid) value (?:is|for this property is)\s+(`[^`]+`|"[^"]+"|'[^']+'|\*\*[^*]+\*\*|[A-Za-z0-9_#-]+)/i,
  // "This value must be mailbox, site is not supported for legalHolds at this time."
  /^This value must be (`[^`]+`|"[^"]+"|\*\*[^*]+\*\*|[A-Za-z0-9_#-]+)(?:[,;]|\.?$)/i,
  // "Type of owned objects to return; Group is currently the only supported value."
  /(?:^|[;:]\s*)(`[^`]+`|"[^"]+"|\*\*[^*]+\*\*|[A-Za-z0-9_#-]+) is (?:currently )?the only (?:supported|allowed|accepted|valid) value\b/i,
];

export const onlyValueRule: PropertyRule = {
  id: 'only-value',
  scope: 'sentence',
  summary: 'A single allowed value ("Currently only "/" is supported", "The only supported value is …")',
  example: 'Currently only "/" is supported.',
  mine(sentence, ctx) {
    const t = ctx.type;
    if (!((t.kind === 'primitive' && t.name === 'String') || (t.kind === 'named' && t.resolution === 'enum'))) return [];
    for (const p of PATTERNS) {
      const m = p.exec(sentence);
      if (m) return [{ kind: 'enum', values: [m[1]!.replace(/^[`"'*]+|[`"'*]+$/g, '')] }];
    }
    return [];
  },
};
