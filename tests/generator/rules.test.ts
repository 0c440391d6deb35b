/**
 * Every rule of the registry matches its own documented example sentence, and does not fire on sentences
 * that only look alike (negative cases from real docs text).
 */
import { describe, expect, it } from 'vitest';
import { PARTIAL_UPDATE_RULE, PROPERTY_RULES, GROUP_RULES, ruleCatalogue } from '../../generator/extract/rules/registry.js';
import type { PropertyContext } from '../../generator/extract/rules/rule.js';
import type { TypeRef } from '../../generator/spec/ir.js';

const string: TypeRef = { kind: 'primitive', name: 'String', collection: false };
const strings: TypeRef = { kind: 'primitive', name: 'String', collection: true };
const ctx = (type: TypeRef, description = ''): PropertyContext => ({ name: 'p', type, description });
const rule = (id: string) => PROPERTY_RULES.find((r) => r.id === id)!;
const mine = (id: string, sentence: string, type: TypeRef = string, description = sentence) => {
  const r = rule(id);
  return r.scope === 'sentence' ? r.mine(sentence, ctx(type, description)) : r.mine(type);
};

describe('rule registry', () => {
  it('has unique ids and every rule matches its own example', () => {
    const ids = ruleCatalogue().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of PROPERTY_RULES) {
      const type: TypeRef =
        r.id === 'primitive-format'
          ? { kind: 'primitive', name: 'DateTimeOffset', collection: false }
          : ['max-items', 'item-max-length'].includes(r.id)
            ? strings
            : string;
      const found = r.scope === 'sentence' ? r.mine(r.example, ctx(type, `${r.example} The two can be specified together.`)) : r.mine(type);
      expect(found, r.id).not.toEqual([]);
    }
    for (const r of GROUP_RULES) expect(r.mine(r.example.replace('…', 'skills.')), r.id).toBeDefined();
  });
});

describe('page rules', () => {
  it('partial-update in the v1.0 wording and the older include wording, and not for a full replacement', () => {
    for (const s of [
      "Existing properties that aren't included in the request body maintain their previous values or are recalculated based on changes to other property values.",
      'Existing properties that are not included in the request body will maintain their previous values or be recalculated based on changes to other property values.',
    ]) {
      expect(PARTIAL_UPDATE_RULE.mine(s), s).toEqual({ keepsOthers: true });
    }
    expect(PARTIAL_UPDATE_RULE.mine('In the request body, supply a JSON representation for the user object.')).toBeUndefined();
    expect(PARTIAL_UPDATE_RULE.mine('Properties not included in the request body are reset to their default values.')).toBeUndefined();
  });
});

describe('sentence rules', () => {
  it('max-length', () => {
    expect(mine('max-length', 'The maximum length is 64 characters.')).toEqual([{ kind: 'maxLength', max: 64 }]);
    expect(mine('max-length', 'Supports `$filter`. 512 character limit.')).toEqual([{ kind: 'maxLength', max: 512 }]);
    expect(mine('max-length', 'Can store up to 250 values, each with a limit of 250 characters.', strings)).toEqual([]);
    expect(mine('max-length', 'The name of the company.')).toEqual([]);
  });

  it('allowed-values keeps null and numbers, and ignores prose after a colon', () => {
    expect(mine('allowed-values', 'Allowed values: `null`, `Minor`, `NotAdult` and `Adult`.')).toEqual([
      { kind: 'enum', values: [null, 'Minor', 'NotAdult', 'Adult'] },
    ]);
    expect(mine('allowed-values', 'Allowed values are 5 or 1000.', { kind: 'primitive', name: 'Int32', collection: false })).toEqual([
      { kind: 'enum', values: [5, 1000] },
    ]);
    expect(mine('allowed-values', 'Possible values are: `notConfigured`, `blocked`, `allowed`.')).toEqual([
      { kind: 'enum', values: ['notConfigured', 'blocked', 'allowed'] },
    ]);
    expect(mine('allowed-values', 'Allowed values: see the table of legal age group property definitions for details.')).toEqual([]);
  });

  it('not-nullable in its three wordings, and not for "nullable"', () => {
    for (const s of ['Not nullable.', "It can't be cleared during updates.", "Can't be updated to `null`.", 'Cannot be updated to `null`.']) {
      expect(mine('not-nullable', s), s).toEqual([{ kind: 'notNullable' }]);
    }
    expect(mine('not-nullable', 'Nullable.')).toEqual([]);
  });

  it('max-items only on collections', () => {
    expect(mine('max-items', 'Although this is a string collection, only one number can be set for this property.', strings)).toEqual([
      { kind: 'maxItems', max: 1 },
    ]);
    expect(mine('max-items', 'Can store up to 250 values, each with a limit of 250 characters.', strings)).toEqual([{ kind: 'maxItems', max: 250 }]);
    expect(mine('max-items', 'only one number can be set', string)).toEqual([]);
  });

  it('forbidden-chars and allowed-chars', () => {
    expect(mine('forbidden-chars', "The $ and _ characters can't be used when specifying this property.")).toEqual([
      { kind: 'forbiddenChars', chars: ['$', '_'] },
    ]);
    const allowed = mine(
      'allowed-chars',
      "Only the following characters are allowed A - Z, a - z, 0 - 9, ' . - _ ! # ^ ~.",
      string,
      'The general format is alias@domain.',
    );
    expect(allowed).toHaveLength(1);
    const c = allowed[0]!;
    expect(c.kind === 'allowedChars' && c.chars.length).toBe(26 + 26 + 10 + 8);
    expect(c.kind === 'allowedChars' && c.scope).toBe('local-part');
  });

  it('flag-set reads its values from the whole description', () => {
    const d =
      'This value is an enumeration with one possible value being `DisableStrongPassword`, which allows weaker passwords. `DisablePasswordExpiration` can also be specified. The two can be specified together.';
    expect(
      mine('flag-set', 'This value is an enumeration with one possible value being `DisableStrongPassword`, which allows weaker passwords.', string, d),
    ).toEqual([{ kind: 'flagSet', values: ['DisableStrongPassword', 'DisablePasswordExpiration'], separator: ',' }]);
  });

  it('requires-permission finds permission names, the scenario, any-of vs all-of and least-privileged wording', () => {
    expect(mine('requires-permission', '*User-Phone.ReadWrite.All* is the least privileged permission to update this property.')).toEqual([
      { kind: 'requiresPermission', permissions: ['User-Phone.ReadWrite.All'], scenario: 'any', combine: 'any-of', least: true },
    ]);
    expect(
      mine(
        'requires-permission',
        'In delegated scenarios, the app must be granted the User.Read.All and User-LifeCycleInfo.ReadWrite.All delegated permissions.',
      ),
    ).toEqual([
      {
        kind: 'requiresPermission',
        permissions: ['User.Read.All', 'User-LifeCycleInfo.ReadWrite.All'],
        scenario: 'delegated',
        combine: 'all-of',
        least: false,
      },
    ]);
    // v1.0 user-update (2024): "A or B" is one of them, and "(least privilege)" marks the lower one.
    expect(
      mine(
        'requires-permission',
        'In application-only access, the calling app must be assigned the User.ReadWrite.All (least privilege) or Directory.ReadWrite.All (higher privilege) application permission and at least the User Administrator role.',
      ),
    ).toEqual([
      { kind: 'requiresPermission', permissions: ['User.ReadWrite.All', 'Directory.ReadWrite.All'], scenario: 'application', combine: 'any-of', least: true },
    ]);
  });

  it('requires-permission: a restriction or a sentence about reading is no update requirement', () => {
    // 2021 v1.0 user-update, a note of its Permissions section.
    expect(
      mine(
        'requires-permission',
        "Updating another user's businessPhones, mobilePhone, or otherMails property is only allowed on users who are non-administrators or assigned one of the following roles: Directory Readers, Guest Inviter, Message Center Reader, and Reports Reader. This is the case for apps granted either the User.ReadWrite.All or Directory.ReadWrite.All delegated or application permissions.",
      ),
    ).toEqual([]);
    expect(mine('requires-permission', 'To read this property, the calling app must be assigned the User.Read.All permission.')).toEqual([]);
  });

  it('read-only only for unconditional statements', () => {
    expect(mine('read-only', 'Read-only.')).toEqual([{ kind: 'readOnly' }]);
    expect(mine('read-only', 'This property is read-only')).toEqual([{ kind: 'readOnly' }]);
    // The 2021 user resource page says this of businessPhones and mobilePhone, which are updatable.
    expect(mine('read-only', 'Read-only for users synced from on-premises directory.')).toEqual([]);
    expect(
      mine('read-only', 'For an onPremisesSyncEnabled user, the source of authority for this set of properties is the on-premises and is read-only.'),
    ).toEqual([]);
  });
});

describe('README rule table', () => {
  it('lists every rule id of the registry', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const { id } of ruleCatalogue()) expect(readme, id).toContain(`| \`${id}\` |`);
  });
});
