/** Every sentence of a description cell gets a class; sentences are from the 2021 Graph docs. */
import { describe, expect, it } from 'vitest';
import { mineConstraints } from '../../generator/extract/constraints.js';
import { accountSentences, wordingOf } from '../../generator/extract/sentence-account.js';
import type { Property, TypeRef } from '../../generator/ir/ir.js';

const at = { file: 'v1.0/api/x.md', line: 9, column: 1 };
const str: TypeRef = { kind: 'primitive', name: 'String', collection: false };
const property = (text: string): Property => ({
  name: 'p',
  type: str,
  description: text,
  constraints: mineConstraints('p', str, { text, pos: at, links: [], strong: [] }, at),
  source: at,
});
const classes = (text: string) => accountSentences(property(text)).map((s) => [s.text, s.class]);

describe('accountSentences', () => {
  it('binding, advisory, conditional and informational sentences', () => {
    expect(classes('The city of the user. Maximum length is 128 characters.')).toEqual([
      ['The city of the user.', 'informational'],
      ['Maximum length is 128 characters.', 'binding'],
    ]);
    expect(classes('The preferred language for the user. Should follow ISO 639-1 Code; for example en-US.')).toEqual([
      ['The preferred language for the user.', 'informational'],
      ['Should follow ISO 639-1 Code; for example en-US.', 'advisory'],
    ]);
    expect(classes('Required if **type** is `weekly`.')).toEqual([['Required if **type** is `weekly`.', 'conditional']]);
  });

  it('a sentence shaped like a rule that produced nothing is unrecognised', () => {
    expect(classes('Must be owner or empty.')).toEqual([['Must be owner or empty.', 'unrecognised']]);
    expect(classes('You can specify up to 20 objects.')).toEqual([['You can specify up to 20 objects.', 'unrecognised']]);
  });

  it("a sentence that only names a rule's subject is informational", () => {
    for (const text of ['Minimum length of passwords.', 'Indicates whether an app-level pin is required.', 'The required password type.', '(Android only)'])
      expect(classes(text), text).toEqual([[text, 'informational']]);
  });

  it('a rule stated twice is recognised both times, though kept once', () => {
    expect(classes('Not nullable. This property is not nullable.').map(([, c]) => c)).toEqual(['binding', 'binding']);
  });

  it('wordingOf folds numbers and quoted values, and keeps eight words', () => {
    expect(wordingOf('You can specify up to 20 objects.')).toBe('you can specify up to # objects');
    expect(wordingOf('Set to "false" for every one of the items in this list.')).toBe('set to … for every one of the');
  });
});
