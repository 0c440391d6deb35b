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
    expect(classes('This must be https.')).toEqual([['This must be https.', 'binding']]);
    // A rule about something else under a condition (`conditional-rule`): kept, shown, never enforced.
    expect(classes('The app cannot be assigned unless the app is published.')).toEqual([
      ['The app cannot be assigned unless the app is published.', 'conditional'],
    ]);
  });

  it('a sentence shaped like a rule that produced nothing is unrecognised', () => {
    for (const text of ['Devices must not be jailbroken or rooted.', 'These must match the actionName that is defined as part of the rolePermission.'])
      expect(classes(text), text).toEqual([[text, 'unrecognised']]);
  });

  it('a sentence whose demand is about what the value means, not what it may be, is informational', () => {
    for (const text of [
      // beta intune-mam-*, v1.0 intune-deviceconfig-*, beta ediscovery-sourcecollection-*, beta intune-deviceconfig-*
      'Indicates whether managed-app data should be encrypted.',
      'true to specify that only security groups that the user is a member of should be returned; false otherwise.',
      'Number of character sets a password must contain.',
      'Maximum number of printers that should be queried from a discovery endpoint.',
      'The mailbox folders that should be mined.',
      'Minimum Windows 10 version.',
      'Indicates if trusted certificates are required for TLS printing communication (iOS 11.0 and later).',
      'If set to Not Allowed, uppercase letters will not be permitted.',
    ])
      expect(classes(text), text).toEqual([[text, 'informational']]);
    // The demand reaches a number, or opens the sentence: still rule-like.
    expect(classes('Sets the PIN length, which must be between 4 and 16 digits long in the new format.')[0]![1]).toBe('unrecognised');
    expect(classes('The number of days that a password must be kept, between 1 and 30 days.')[0]![1]).not.toBe('informational');
    expect(classes('The value must be a valid hostname that the tenant owns.')[0]![1]).toBe('unrecognised');
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
