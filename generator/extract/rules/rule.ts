import type { ConstraintValue, TypeRef } from '../../ir/ir.js';

/** What a property rule sees: one sentence of a description, and the property it describes. */
export interface PropertyContext {
  name: string;
  type: TypeRef;
  /** The whole description, for rules whose evidence spans sentences (flag sets). */
  description: string;
}

/**
 * A named mining rule. `sentence` rules look at one sentence at a time; `type` rules derive a constraint
 * from the type column (the row is their source). Rules return values; the extractor adds id and source.
 */
export type PropertyRule =
  | {
      id: string;
      scope: 'sentence';
      summary: string;
      /** A sentence from the docs the rule matches (used in docs and tests). */
      example: string;
      /** Reads a sentence only when no other rule found anything in it. */
      fallback?: true;
      mine(sentence: string, ctx: PropertyContext): ConstraintValue[];
    }
  | {
      id: string;
      scope: 'type';
      summary: string;
      example: string;
      mine(type: TypeRef): ConstraintValue[];
    };

/** Page-level rules find property groups and extension support in notes and paragraphs. */
export interface PageRule<T> {
  id: string;
  summary: string;
  example: string;
  mine(sentence: string): T | undefined;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** "64", "one", "ten" → number. */
export function parseCount(word: string): number | undefined {
  const n = NUMBER_WORDS[word.toLowerCase()];
  if (n !== undefined) return n;
  return /^\d+$/.test(word) ? Number(word) : undefined;
}

/** Splits "a, b, and c" / "a, b or c" into items. */
export function splitList(text: string): string[] {
  return text
    .split(/\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A sentence's words without markdown emphasis or code marks, spaces collapsed: a condition as shown. */
export function plainText(text: string): string {
  return text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}
