/**
 * Sentence accounting: every sentence of a property's description, classified by what the rules made of it.
 * A sentence shaped like a rule that produced nothing is `unrecognised`: the corpus-wide list of
 * them, grouped by wording, is the backlog the rules are written from, and needs no labelled sample.
 */
import { isEnforced } from '../ir/enforced.js';
import type { Constraint, Property } from '../ir/ir.js';
import { mineSentence } from './constraints.js';
import { isRuleLike } from './rules/rule-like.js';
import { sentencesOf } from './sentences.js';

export type SentenceClass = 'binding' | 'advisory' | 'conditional' | 'informational' | 'unrecognised';
export const SENTENCE_CLASSES: readonly SentenceClass[] = ['binding', 'advisory', 'conditional', 'informational', 'unrecognised'];

/** A count of 0 for every class. */
export const noSentences = (): Record<SentenceClass, number> => Object.fromEntries(SENTENCE_CLASSES.map((c) => [c, 0])) as Record<SentenceClass, number>;

export interface AccountedSentence {
  text: string;
  line: number;
  class: SentenceClass;
}

/**
 * The sentences of a property's description, each with its class (the type column is not a sentence). Each
 * is mined as `mineConstraints` mines it, so a rule another sentence already stated ("Not nullable" twice,
 * kept once) is recognised here too.
 */
export function accountSentences(p: Property): AccountedSentence[] {
  const inline = { text: p.description, links: [], strong: [], pos: { ...p.source } };
  const ctx = { name: p.name, type: p.type, description: p.description };
  return sentencesOf(inline).map((s): AccountedSentence => {
    const found = mineSentence(s, ctx, p.source.file);
    const cls: SentenceClass = found.length ? classOf(found) : isRuleLike(s.text) ? 'unrecognised' : 'informational';
    return { text: s.text, line: s.line, class: cls };
  });
}

function classOf(cs: readonly Constraint[]): SentenceClass {
  if (cs.some(isEnforced)) return 'binding';
  return cs.some((c) => c.condition !== undefined) ? 'conditional' : 'advisory';
}

/**
 * The wording an unrecognised sentence shares with others: lower case, numbers as `#`, quoted and code values
 * as `…`, its first eight words. "Maximum 10 items." and "Maximum 64 items." are one group.
 */
export function wordingOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/["“”'‘’`][^"“”'‘’`]{0,60}["“”'‘’`]/g, '…')
    .replace(/\d+(?:[.,]\d+)*/g, '#')
    .replace(/[.:;,!?]+$/, '')
    .split(/\s+/)
    .slice(0, 8)
    .join(' ');
}
