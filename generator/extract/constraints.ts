/** Runs the property rules of the registry over a description and the type column. */
import type { Inline } from '../read/page-model.js';
import type { Constraint, SourceRef, TypeRef } from '../ir/ir.js';
import { CONSTRAINT_KINDS, kindOf } from '../ir/constraint-kinds.js';
import { bulletCondition, conditionOf } from './condition.js';
import { isEnforced } from '../ir/enforced.js';
import { PROPERTY_RULES } from './rules/registry.js';
import type { PropertyContext } from './rules/rule.js';
import { type Sentence, sentencesOf } from './sentences.js';
import { strengthOf } from './strength.js';

export function mineConstraints(name: string, type: TypeRef, description: Inline, row: SourceRef): Constraint[] {
  const out: Constraint[] = [];
  const seen = new Set<string>();
  const add = (c: Constraint) => {
    // One constraint per kind and value: "Not nullable" said twice is still one rule.
    const key = JSON.stringify({ ...c, rule: undefined, sentence: undefined, source: undefined });
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  const ctx = { name, type, description: description.text };
  const mined = sentencesOf(description).map((s) => mineSentence(s, ctx, description.pos.file));
  // Rule by rule, so a property's constraints come in the registry's order.
  for (const rule of PROPERTY_RULES) {
    if (rule.scope === 'type') for (const v of rule.mine(type)) add({ ...v, rule: rule.id, sentence: '', source: row });
    else for (const found of mined) for (const c of found) if (c.rule === rule.id) add(c);
  }
  return withoutImplied(out);
}

/**
 * What the sentence rules find in one sentence, each constraint with the sentence's condition and strength
 * and its line. Sentence accounting reads a sentence the same way.
 */
export function mineSentence(s: Sentence, ctx: PropertyContext, file: string): Constraint[] {
  const out: Constraint[] = [];
  let condition: string | undefined | null = null;
  for (const rule of PROPERTY_RULES) {
    if (rule.scope !== 'sentence' || (rule.fallback && out.length)) continue;
    for (const v of rule.mine(s.text, ctx)) {
      if (condition === null) condition = conditionOf(s.text) ?? (s.lead ? bulletCondition(s.lead, s.text) : undefined);
      out.push({
        ...v,
        rule: rule.id,
        sentence: s.text,
        // A conditional rule's own clause is its condition.
        ...(v.kind !== 'conditional' && condition ? { condition } : {}),
        ...(strengthOf(v, s.text) === 'advisory' ? { strength: 'advisory' as const } : {}),
        source: { file, line: s.line, column: s.column },
      });
    }
  }
  return out;
}

/**
 * Two enforced constraints of one kind where one allows strictly less ("always in UTC" and the type
 * column's date-time; two lengths in two sentences): the looser says nothing more, and would only repeat the
 * same refusal under a second rule.
 */
function withoutImplied(cs: Constraint[]): Constraint[] {
  return cs.filter(
    (a) =>
      !isEnforced(a) ||
      CONSTRAINT_KINDS[a.kind].applies !== 'value' ||
      !cs.some((b) => b !== a && b.kind === a.kind && isEnforced(b) && (kindOf(a).direction as (x: Constraint, y: Constraint) => number)(a, b) === -1),
  );
}
