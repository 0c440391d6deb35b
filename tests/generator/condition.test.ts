/** Conditions a sentence gives its rule: kept as data, never enforced. Sentences are from the Graph docs. */
import { describe, expect, it } from 'vitest';
import { conditionOf } from '../../generator/extract/condition.js';
import { mineConstraints } from '../../generator/extract/constraints.js';
import { propertyContract } from '../../generator/emit/contract.js';
import { bindingRequired } from '../../generator/ir/enforced.js';
import type { Property } from '../../generator/ir/ir.js';

const at = { file: 'page.md', line: 7, column: 1 };

describe('conditionOf', () => {
  it.each([
    ['For Azure AD B2C accounts, this property can be updated up to only 10 times with unique SMTP addresses.', 'For Azure AD B2C accounts'],
    ['For a B2B scenario, possible values are Allow and Block.', 'For a B2B scenario'],
    [
      'To update sensitive user properties, such as accountEnabled, mobilePhone, and otherMails for users with privileged administrator roles:',
      'for users with privileged administrator roles',
    ],
    [
      'A global administrator assigned the Directory.AccessAsUser.All delegated permission can update the accountEnabled status of all administrators in the tenant.',
      'A global administrator',
    ],
  ])('%s → %s', (sentence, condition) => {
    expect(conditionOf(sentence)).toBe(condition);
  });

  it.each([
    ['Required if **type** is `weekly`, `relativeMonthly`, or `relativeYearly`.', 'if type is weekly, relativeMonthly, or relativeYearly'],
    ['This property is required only for keys of type `X509CertAndPassword`.', 'only for keys of type X509CertAndPassword'],
    ['Required when **consentType** is *Principal*.', 'when consentType is Principal'],
    ['Read-only when isBuiltIn is true.', 'when isBuiltIn is true'],
    ['Read-only for users synced from on-premises directory.', 'for users synced from on-premises directory'],
    // The whole clause, colon and all.
    ['Required when the type is one of: daily, weekly.', 'when the type is one of: daily, weekly'],
  ])('a rule whose own clause scopes it: %s → %s', (sentence, condition) => {
    expect(conditionOf(sentence)).toBe(condition);
  });

  it.each([
    'In delegated scenarios, the app must be assigned the Directory.AccessAsUser.All delegated permission.',
    'In app-only scenarios with Microsoft Graph permissions, the app must be granted the User.Read.All permission.',
    'When updating the passwordProfile property, the following permission is required: Directory.AccessAsUser.All.',
    'For example, jeff@contoso.com.',
    'For more information, see Limits.',
    'If true, the group is hidden from the address list.',
    'The maximum length is 64 characters.',
    'This property is required when a user is created.',
    'Required.',
  ])('no condition: %s', (sentence) => {
    expect(conditionOf(sentence)).toBeUndefined();
  });
});

describe('a conditional constraint', () => {
  const description = {
    text: 'Must be an SMTP address. For a B2B scenario, the maximum length is 10 characters.',
    pos: at,
    links: [],
  } as unknown as Parameters<typeof mineConstraints>[2];
  const constraints = mineConstraints('mail', { kind: 'primitive', name: 'String', collection: false }, description, at);

  it('keeps its condition; the unscoped sentence before it stays unconditional', () => {
    expect(constraints).toEqual([
      expect.objectContaining({ kind: 'maxLength', max: 10, condition: 'For a B2B scenario' }),
      expect.objectContaining({ kind: 'format', format: 'email', sentence: 'Must be an SMTP address.' }),
    ]);
    expect(constraints[1]).not.toHaveProperty('condition');
  });

  it('is not enforced by the validator contract; the same rule without a condition is', () => {
    const property = (cs: typeof constraints) =>
      ({ name: 'mail', type: { kind: 'primitive', name: 'String', collection: false }, description: '', constraints: cs, source: at }) as Property;
    const kinds = (cs: typeof constraints) => propertyContract(property(cs), { types: {} }).checks.map((c) => c.kind);
    expect(kinds(constraints)).toEqual(['format']);
    expect(kinds(constraints.map(({ condition: _, ...c }) => c as (typeof constraints)[number]))).toEqual(['maxLength', 'format']);
  });
});

describe('a conditional presence or read-only rule', () => {
  const at2 = { file: 'page.md', line: 3, column: 1 };
  const mined = (text: string) =>
    mineConstraints(
      'p',
      { kind: 'primitive', name: 'String', collection: false },
      { text, pos: at2, links: [] } as unknown as Parameters<typeof mineConstraints>[2],
      at2,
    );

  it('is kept with its whole clause, and neither a create body nor the validator enforces it', () => {
    const [required] = mined('Required if **type** is `weekly`.');
    expect(required).toMatchObject({ kind: 'required', condition: 'if type is weekly' });
    const [readOnly] = mined('Read-only when isBuiltIn is true.');
    expect(readOnly).toMatchObject({ kind: 'readOnly', condition: 'when isBuiltIn is true' });
    const property = (cs: ReturnType<typeof mined>) =>
      ({ name: 'p', type: { kind: 'primitive', name: 'String', collection: false }, description: '', constraints: cs, source: at2 }) as Property;
    expect(bindingRequired(property([required!]), 'POST')).toBeUndefined();
    expect(propertyContract(property([readOnly!]), { types: {} }).checks).toEqual([]);
  });
});

describe('a rule in a bullet under a conditional lead', () => {
  // objectIdentity's issuerAssignedId (v1.0 resources/objectidentity.md:24), its `<ul>` as the reader gives it.
  const text = [
    'Specifies the unique identifier assigned to the user by the issuer.',
    'When **signInType** is set to:',
    '• `emailAddress`, (or a custom string that starts with `emailAddress` like `emailAddress1`) **issuerAssignedId** must be a valid email address',
    '• `userName`, **issuerAssignedId** must be a valid local part of an email address',
    'Supports `$filter`. 100 character limit.',
  ].join('\n');
  const constraints = mineConstraints(
    'issuerAssignedId',
    { kind: 'primitive', name: 'String', collection: false },
    { text, pos: at, links: [] } as unknown as Parameters<typeof mineConstraints>[2],
    at,
  );

  it('holds only under the lead, completed by the bullet: shown, not enforced', () => {
    expect(constraints.find((c) => c.kind === 'format')).toMatchObject({ format: 'email', condition: 'When signInType is set to emailAddress' });
    // The line after the list is no longer under the lead.
    expect(constraints.find((c) => c.kind === 'maxLength')).not.toHaveProperty('condition');
  });

  it('a bullet under a lead that states no condition has none', () => {
    const [c] = mineConstraints(
      'p',
      { kind: 'primitive', name: 'String', collection: false },
      { text: 'Possible values are:\n• Must be a valid email address', pos: at, links: [] } as unknown as Parameters<typeof mineConstraints>[2],
      at,
    );
    expect(c).toMatchObject({ kind: 'format' });
    expect(c).not.toHaveProperty('condition');
  });
});
