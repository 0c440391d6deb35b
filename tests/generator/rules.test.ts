/**
 * Every rule of the registry matches its own documented example sentence, and does not fire on sentences
 * that only look alike (negative cases from real docs text).
 */
import { describe, expect, it } from 'vitest';
import { conditionOf } from '../../generator/extract/condition.js';
import { PARTIAL_UPDATE_RULE, PROPERTY_RULES, GROUP_RULES, ruleCatalogue } from '../../generator/extract/rules/registry.js';
import type { PropertyContext } from '../../generator/extract/rules/rule.js';
import type { TypeRef } from '../../generator/ir/ir.js';
import { mineConstraints } from '../../generator/extract/constraints.js';
import { describeConstraint } from '../../generator/ir/describe-constraint.js';
import { isEnforced } from '../../generator/ir/enforced.js';
import { FORMATS } from '../../generator/emit/runtime.js';
import { diffConstraints } from '../../generator/diff/constraint-diff.js';

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
            : r.id === 'numeric-range'
              ? { kind: 'primitive', name: 'Int32', collection: false }
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
    // Every wording the rule read before format 2 still reads the same.
    for (const [sentence, max] of [
      ['The name cannot exceed 64 characters.', 64],
      ["It can't be longer than 64 characters.", 64],
      ['There is a 512 character limit.', 512],
      ['Up to 64 characters.', 64],
      ['Limited to 100 characters.', 100],
      ['At most 10 characters.', 10],
      ['The maximum length of 256 characters applies.', 256],
    ] as const) {
      expect(mine('max-length', sentence), sentence).toEqual([{ kind: 'maxLength', max }]);
    }
    expect(mine('max-length', 'Supports `$filter`. 512 character limit.')).toEqual([{ kind: 'maxLength', max: 512 }]);
    expect(mine('max-length', 'Can store up to 250 values, each with a limit of 250 characters.', strings)).toEqual([]);
    expect(mine('max-length', 'The name of the company.')).toEqual([]);
  });

  it('allowed-values names no values of a Json property: they are what its cells hold (range valueTypes)', () => {
    const sentence = 'Possible values are: Unknown, Empty, String, Integer, Double, Boolean, Error.';
    expect(mine('allowed-values', sentence, { kind: 'named', name: 'Json', collection: false, resolution: 'unresolved' })).toEqual([]);
    expect(mine('allowed-values', sentence)).not.toEqual([]);
  });

  it('prose-format: no email format when the page shows addresses it would refuse (group proxyAddresses)', () => {
    const proxy =
      'Email addresses for the group that direct to the same group mailbox. For example: `["SMTP: bob@contoso.com", "smtp: bob@sales.contoso.com"]`.';
    expect(mine('prose-format', 'Email addresses for the group that direct to the same group mailbox.', string, proxy)).toEqual([]);
    expect(mine('prose-format', 'The email address of the group.', string, 'The email address of the group. For example: "bob@contoso.com".')).toEqual([
      { kind: 'format', format: 'email' },
    ]);
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
    for (const s of ['Not nullable.', "Can't be updated to `null`.", 'Cannot be updated to `null`.']) {
      expect(mine('not-nullable', s), s).toEqual([{ kind: 'notNullable' }]);
    }
    // Clearing a string also means sending "": that is refused too, for strings only.
    expect(mine('not-nullable', "It can't be cleared during updates.")).toEqual([{ kind: 'notNullable' }, { kind: 'minLength', min: 1 }]);
    expect(mine('not-nullable', "It can't be cleared during updates.", { kind: 'primitive', name: 'Int32', collection: false })).toEqual([
      { kind: 'notNullable' },
    ]);
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

  it('read-only: statements of the property, a scoped one kept for its condition', () => {
    expect(mine('read-only', 'Read-only.')).toEqual([{ kind: 'readOnly' }]);
    expect(mine('read-only', 'This property is read-only')).toEqual([{ kind: 'readOnly' }]);
    // The 2021 user resource page says this of businessPhones and mobilePhone, which are updatable: the
    // extractor keeps it with its condition, never enforced (condition.test.ts).
    expect(mine('read-only', 'Read-only for users synced from on-premises directory.')).toEqual([{ kind: 'readOnly' }]);
    expect(mine('read-only', 'Read-only for now.')).toEqual([]);
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

/** Real sentences from the 2021 reference (page in the comment), each rule's new wordings and near misses. */
describe('wordings from across the corpus', () => {
  const int32: TypeRef = { kind: 'primitive', name: 'Int32', collection: false };
  const double: TypeRef = { kind: 'primitive', name: 'Double', collection: false };
  const dto: TypeRef = { kind: 'primitive', name: 'DateTimeOffset', collection: false };
  const bool: TypeRef = { kind: 'primitive', name: 'Boolean', collection: false };
  const min = (value: number, exclusive = false) => ({ kind: 'minimum', value, exclusive });
  const max = (value: number, exclusive = false) => ({ kind: 'maximum', value, exclusive });

  it('numeric-range: both bounds, one bound, exclusive bounds; only on numbers', () => {
    // intune-deviceconfig-*-update: passwordMinimumLength
    expect(mine('numeric-range', 'Valid values 4 to 16', int32)).toEqual([min(4), max(16)]);
    // plannertask-update: priority
    expect(mine('numeric-range', 'Valid range of values is between 0 and 10 (inclusive), with increasing value being lower priority.', int32)).toEqual([
      min(0),
      max(10),
    ]);
    // calendar-getschedule: availabilityViewInterval
    expect(mine('numeric-range', 'The default is 30 minutes, minimum is 5, maximum is 1440.', int32)).toEqual([min(5), max(1440)]);
    expect(mine('numeric-range', 'Specify maximum authentication timeout (in seconds). Valid range: 1-120', int32)).toEqual([min(1), max(120)]);
    expect(mine('numeric-range', 'Specifies the minimum disk size in GB to use Peer Caching (1-100000).', int32)).toEqual([min(1), max(100000)]);
    expect(mine('numeric-range', 'This must be set between 0 and 50, inclusive, and the current PIN of the user is included in that count.', int32)).toEqual([
      min(0),
      max(50),
    ]);
    expect(mine('numeric-range', 'The value must be greater than 0.', double)).toEqual([min(0, true)]);
    expect(mine('numeric-range', 'Valid values 0 to 1.79769313486232E+308', double)).toEqual([min(0)]);
    expect(mine('numeric-range', 'Valid values 4 to 16', string)).toEqual([]);
    expect(mine('numeric-range', 'Minimum Android version.', int32)).toEqual([]);
    expect(mine('numeric-range', 'Positive values are offset downward, and negative values are offset upward.', int32)).toEqual([]);
  });

  it('max-length: the other wordings, and not a display limit', () => {
    // group-post-groups
    expect(mine('max-length', 'Maximum length: 256 characters.')).toEqual([{ kind: 'maxLength', max: 256 }]);
    expect(mine('max-length', 'Max. length: 1024 characters.')).toEqual([{ kind: 'maxLength', max: 1024 }]);
    // user-update 2021
    expect(mine('max-length', 'The maximum length of the company name is 64 characters.')).toEqual([{ kind: 'maxLength', max: 64 }]);
    expect(mine('max-length', 'Max limit is 256 chars.')).toEqual([{ kind: 'maxLength', max: 256 }]);
    // externalconnectors-externalconnection-update: name (the wording the first version of these patterns read)
    expect(mine('max-length', 'Maximum length of 128 characters.')).toEqual([{ kind: 'maxLength', max: 128 }]);
    expect(mine('max-length', 'Must be unicode and not exceed 1024 characters.')).toEqual([{ kind: 'maxLength', max: 1024 }]);
    expect(mine('max-length', "The value can't be more than 256 characters.")).toEqual([{ kind: 'maxLength', max: 256 }]);
    expect(mine('max-length', 'A short description (100 characters or less) of the threat.')).toEqual([{ kind: 'maxLength', max: 100 }]);
    expect(mine('max-length', 'Microsoft Teams will only show first 50 characters of the preview.')).toEqual([]);
    // application-post-extensionproperty: a bullet about the values of type String, not about dataType.
    expect(mine('max-length', 'String - 256 characters maximum')).toEqual([]);
  });

  it('required: "Required." and "Required if …" (kept with its condition), not "required password type"', () => {
    expect(mine('required', 'Required.')).toEqual([{ kind: 'required' }]);
    expect(mine('required', '(Required)')).toEqual([{ kind: 'required' }]);
    expect(mine('required', 'Required if justificationRequiredOnApproval is true.')).toEqual([{ kind: 'required' }]);
    expect(mine('required', 'The required password type.')).toEqual([]);
    expect(mine('required', 'This property is required when a user is created.')).toEqual([]);
  });

  it('prose-format: the value named as a URL, email address, language tag, GUID or UTC time', () => {
    const f = (format: string) => [{ kind: 'format', format }];
    expect(mine('prose-format', 'The privacy statement Url.')).toEqual(f('uri'));
    expect(mine('prose-format', "URL of the partner's onboarding portal, where an administrator can configure their Remote Assistance service.")).toEqual(
      f('uri'),
    );
    expect(mine('prose-format', 'The email address of the user you are inviting.')).toEqual(f('email'));
    expect(
      mine('prose-format', 'A collection of SMTP addresses of users, distribution lists, or resources to get availability information for.', strings),
    ).toEqual(f('email'));
    expect(mine('prose-format', 'Should follow ISO 639-1 Code; for example, "en-US".')).toEqual(f('language-tag'));
    expect(mine('prose-format', 'User unique identifier, must be Guid')).toEqual(f('uuid'));
    // virtualendpoint-post-onpremisesconnections: adDomainUsername
    expect(mine('prose-format', 'Required format: admin@contoso.com.')).toEqual(f('alias@domain'));
    expect(mine('prose-format', 'The GUID for the object.')).toEqual(f('uuid'));
    expect(mine('prose-format', 'The Timestamp type represents date and time information using ISO 8601 format and is always in UTC time.', dto)).toEqual(
      f('utc-date-time'),
    );
    // Mentions are not formats.
    expect(mine('prose-format', 'Updating the channel URL is not allowed after the assignment has been published.')).toEqual([]);
    expect(mine('prose-format', 'Exchange location that (URL) that the native mail app connects to.')).toEqual([]);
    expect(mine('prose-format', 'The relative URL of the page.')).toEqual([]);
    expect(mine('prose-format', 'The privacy statement Url.', bool)).toEqual([]);
  });

  it('allowed-values: "The value can be", "in the collection", "or empty", bullets, words in a row; never "etc."', () => {
    const e = (...values: unknown[]) => [{ kind: 'enum', values }];
    expect(mine('allowed-values', 'The value can be Eligible and Active.')).toEqual(e('Eligible', 'Active'));
    expect(mine('allowed-values', 'Allowed values in the collection are: askMeAbout, ableToMentor, wantsToLearn, wantsToImprove.', strings)).toEqual(
      e('askMeAbout', 'ableToMentor', 'wantsToLearn', 'wantsToImprove'),
    );
    // group-post-groups: visibility
    expect(mine('allowed-values', 'Possible values are: `Private`, `Public`, `HiddenMembership`, or empty (which is interpreted as `Public`).')).toEqual(
      e('Private', 'Public', 'HiddenMembership', '', null),
    );
    expect(mine('allowed-values', 'Possible values are: Approve Deny NotReviewed DontKnow.')).toEqual(e('Approve', 'Deny', 'NotReviewed', 'DontKnow'));
    const bullets =
      'Supported values are:\n• AzureADMyOrg: Users with a Microsoft work or school account in my organization\n• AzureADMultipleOrgs: Users in any organization';
    expect(mine('allowed-values', 'Supported values are:', string, bullets)).toEqual(e('AzureADMyOrg', 'AzureADMultipleOrgs'));
    expect(
      mine('allowed-values', 'Following values are supported.', strings, 'Following values are supported. Not nullable.\n• User\n• Group\n• Device'),
    ).toEqual(e('User', 'Group', 'Device'));
    expect(mine('allowed-values', 'Possible values are: Windows, iOS, etc.')).toEqual([]);
    expect(mine('allowed-values', 'The value can be set to true to hide the group.', bool)).toEqual([]);
    expect(mine('allowed-values', 'The value can be set by an administrator.')).toEqual([]);
    expect(mine('allowed-values', 'Allowed values: see the table of legal age group property definitions.')).toEqual([]);
  });

  it('allowed-values: a unit after the last value; not a single string that may hold several values', () => {
    const int32: TypeRef = { kind: 'primitive', name: 'Int32', collection: false };
    // intune-deviceconfig-windowsupdateforbusinessconfiguration-create: scheduleImminentRestartWarningInMinutes
    expect(mine('allowed-values', 'Supported values: 15, 30 or 60 (minutes).', int32)).toEqual([{ kind: 'enum', values: [15, 30, 60] }]);
    // workforceintegration-update: supportedEntities
    const text =
      'Possible values are: none, shift, swapRequest, openshift. If selecting more than one value, all values must start with the first letter in uppercase.';
    expect(mine('allowed-values', 'Possible values are: none, shift, swapRequest, openshift.', string, text)).toEqual([]);
  });

  it('allowed-values: one lower-case value, and "Either A or B." (found by the held-out sample)', () => {
    // windowsupdates-updatableasset-unenrollassets: updateCategory
    expect(mine('allowed-values', 'Possible values are: feature.')).toEqual([{ kind: 'enum', values: ['feature'] }]);
    // driveitem-createlink: scope
    expect(mine('allowed-values', 'Either anonymous or organization.')).toEqual([{ kind: 'enum', values: ['anonymous', 'organization'] }]);
    expect(mine('allowed-values', 'Either view, edit, or embed.')).toEqual([{ kind: 'enum', values: ['view', 'edit', 'embed'] }]);
    expect(mine('allowed-values', 'Either way, the value is kept.')).toEqual([]);
  });

  it('exact-length: "It is 28 characters long" (plannertask-update: bucketId)', () => {
    expect(mine('exact-length', 'It is 28 characters long and case-sensitive.')).toEqual([
      { kind: 'minLength', min: 28 },
      { kind: 'maxLength', max: 28 },
    ]);
    expect(mine('exact-length', 'It is 28 characters long.', strings)).toEqual([]);
  });

  it('only-value: a constant', () => {
    expect(mine('only-value', 'Type of owned objects to return; Group is currently the only supported value.')).toEqual([{ kind: 'enum', values: ['Group'] }]);
    expect(mine('only-value', 'Currently only "/" is supported.')).toEqual([{ kind: 'enum', values: ['/'] }]);
    expect(mine('only-value', 'The only supported value is `Windows10`.')).toEqual([{ kind: 'enum', values: ['Windows10'] }]);
    expect(mine('only-value', 'Only administrators can set this.')).toEqual([]);
  });

  it('read-only: "This is read-only", "Key, not nullable, Read-only."; not a history or another subject', () => {
    for (const s of ['This is read-only and automatically generated.', 'This is a read-only attribute.', 'Key, not nullable, Read-only.']) {
      expect(mine('read-only', s), s).toEqual([{ kind: 'readOnly' }]);
    }
    for (const s of ['Once set, this property is read-only and cannot be changed.', 'Proprietary scripts are read-only.']) {
      expect(mine('read-only', s), s).toEqual([]);
    }
  });

  it('forbidden-chars: a run of characters with SPACE spelled out, in code or as plain text', () => {
    const chars = [' ', '@', '(', ')', '\\', '[', ']', '"', ';', ':', '.', '<', '>', ','];
    expect(mine('forbidden-chars', 'These characters cannot be used in the mailNickName: `@()\\[]";:.<>,SPACE`.')).toEqual([{ kind: 'forbiddenChars', chars }]);
    // group-post-groups as the table cell reads once markup is gone.
    expect(mine('forbidden-chars', 'These characters cannot be used in the mailNickName: @()\\[]";:.<>,SPACE.')).toEqual([{ kind: 'forbiddenChars', chars }]);
  });

  it('max-items: "A maximum of N … can be specified"', () => {
    expect(mine('max-items', 'A maximum of 100 owners can be specified.', strings)).toEqual([{ kind: 'maxItems', max: 100 }]);
    // call-playprompt: prompts (found by the held-out sample)
    expect(mine('max-items', 'The maximum supported MediaPrompt collection size is 20.', strings)).toEqual([{ kind: 'maxItems', max: 20 }]);
    // user-translateexchangeids: inputIds
    expect(mine('max-items', 'Maximum size of this collection is 1000 strings.', strings)).toEqual([{ kind: 'maxItems', max: 1000 }]);
  });
});

describe('sentence splitting', () => {
  const split = async (text: string) => {
    const { sentencesOf } = await import('../../generator/extract/sentences.js');
    return sentencesOf({ text, pos: { file: 'p.md', line: 1, column: 1 }, links: [] } as never).map((s) => s.text);
  };

  it('ends a sentence after "etc." before a capital, and before a lower-case start; not after "e.g." or "i.e."', async () => {
    expect(await split('Operating system of the device. Windows, iOS, etc. This property is read-only.')).toEqual([
      'Operating system of the device.',
      'Windows, iOS, etc.',
      'This property is read-only.',
    ]);
    expect(await split('Possible values are: none, everyone. everyone is the default setting.')).toEqual([
      'Possible values are: none, everyone.',
      'everyone is the default setting.',
    ]);
    expect(await split('A language, e.g. en-US, i.e. a tag. Next.')).toEqual(['A language, e.g. en-US, i.e. a tag.', 'Next.']);
    expect(await split('Values such as foo, bar, etc. and more.')).toEqual(['Values such as foo, bar, etc. and more.']);
    expect(await split('A description for the group. Max. length: 1024 characters.')).toEqual([
      'A description for the group.',
      'Max. length: 1024 characters.',
    ]);
  });
});

/** Wordings from pages drawn after the rules above were written (2021 v1.0 and beta), verbatim. */
describe('rules on wordings they were not first written for', () => {
  const int32: TypeRef = { kind: 'primitive', name: 'Int32', collection: false };

  it('"Possible value are", "The property values are: A=0, B=1", a bulleted list "for B2C Scenarios:"', () => {
    expect(mine('allowed-values', 'Possible value are: audio, video, videoBasedScreenSharing.')).toEqual([
      { kind: 'enum', values: ['audio', 'video', 'videoBasedScreenSharing'] },
    ]);
    expect(mine('allowed-values', 'The property values are: LightBlue=0, LightGreen=1, Auto=-1.')).toEqual([
      { kind: 'enum', values: ['LightBlue', 'LightGreen', 'Auto'] },
    ]);
    const description = 'It must be one of the following values for B2C Scenarios:\n• Microsoft\n• Google\n• Facebook';
    expect(mine('allowed-values', 'It must be one of the following values for B2C Scenarios:', string, description)).toEqual([
      { kind: 'enum', values: ['Microsoft', 'Google', 'Facebook'] },
    ]);
    expect(conditionOf('It must be one of the following values for B2C Scenarios:')).toBe('for B2C Scenarios');
    expect(conditionOf('This is used in most scenarios for delegated apps.')).toBeUndefined();
  });

  it('"Minimum 10, Maximum 43200" and "Min = 1 second, Max = 120 seconds"', () => {
    const range = (min: number, max: number) => [
      { kind: 'minimum', value: min, exclusive: false },
      { kind: 'maximum', value: max, exclusive: false },
    ];
    expect(mine('numeric-range', 'Minimum 10, Maximum 43200', int32)).toEqual(range(10, 43200));
    expect(mine('numeric-range', 'Default = 5 seconds, Min = 1 second, Max = 120 seconds', int32)).toEqual(range(1, 120));
    // Not a number's bounds: a string's length is another rule's.
    expect(mine('numeric-range', 'Minimum 10, Maximum 43200')).toEqual([]);
  });

  it('"You can specify up to 20 objects." on a collection', () => {
    expect(mine('max-items', 'You can specify up to 20 objects.', strings)).toEqual([{ kind: 'maxItems', max: 20 }]);
    expect(mine('max-items', 'You can specify up to 20 objects.')).toEqual([]);
  });

  it('"two-character country code"', () => {
    expect(mine('country-code', 'The two-character country code of the location.')).toEqual([{ kind: 'countryCode', standard: 'ISO 3166-1 alpha-2' }]);
  });
  it('update-limit: a value fixed once created is an update limit of zero; "cannot be changed" alone is not', () => {
    const fixed = [{ kind: 'updateLimit', times: 0 }];
    // beta intune-apps-windowsmobilemsi-create `useDeviceContext`, schemaextension-post-schemaextensions `id`,
    // identityuserflowattribute-post `dataType`
    expect(mine('update-limit', 'Cannot be changed after initial creation of the application.')).toEqual(fixed);
    expect(mine('update-limit', 'This property cannot be changed after creation.')).toEqual(fixed);
    expect(mine('update-limit', 'This cannot be modified once the custom user flow attribute is created.')).toEqual(fixed);
    // beta mailfolder-post-childfolders `isHidden`, schemaextension-post-schemaextensions `owner`, intune-apps-webapp-create `appUrl`
    expect(mine('update-limit', 'Once set, you cannot update this property.')).toEqual(fixed);
    expect(mine('update-limit', 'Once set, this property is read-only and cannot be changed.')).toEqual(fixed);
    expect(mine('update-limit', 'This property cannot be PATCHed.')).toEqual(fixed);
    expect(mine('update-limit', 'This property can only be set while creating the group and is immutable.')).toEqual(fixed);
    expect(mine('update-limit', 'Policy settings JSON string in binary format, these values cannot be changed by the user.')).toEqual([]);
    expect(mine('update-limit', 'Guest users are automatically stamped with guest role and this value cannot be updated.')).toEqual([]);
  });

  // beta ediscovery-legalhold-post-usersources `includedSources` (a flags enum); the alias wording is a later
  // page's, not in the 2021 tree.
  it('only-value: "This value must be mailbox, site is not supported"; forbidden-chars: one character per code span', () => {
    const sources: TypeRef = { kind: 'named', name: 'ediscovery.sourceType', collection: false, resolution: 'enum' };
    expect(mine('only-value', 'This value must be mailbox, site is not supported for legalHolds at this time.', sources)).toEqual([
      { kind: 'enum', values: ['mailbox'] },
    ]);
    expect(mine('only-value', 'This value must be a valid URL.', sources)).toEqual([]);
    expect(mine('forbidden-chars', 'These characters cannot be used in the alias: `@`, `/`, `SPACE`.')).toEqual([
      { kind: 'forbiddenChars', chars: ['@', '/', ' '] },
    ]);
  });

  // beta user-update and user-post-users `onPremisesImmutableId`
  it('required: "must be specified when …" and "Only needs to be specified when …" keep their clause as the condition', () => {
    const federated = "when creating a new user account if you are using a federated domain for the user's userPrincipalName (UPN) property";
    expect(mine('required', `Only needs to be specified ${federated}.`)).toEqual([{ kind: 'required' }]);
    expect(conditionOf(`Only needs to be specified ${federated}.`)).toBe(federated);
    expect(conditionOf(`This property must be specified ${federated}.`)).toBe(federated);
    expect(mine('required', 'The value must be specified in ISO 8601 format.')).toEqual([]);
  });

  // beta call-redirect `targets`, teamworktag-post `members`
  it('max-items: "We support up to 25 targets", "count shouldn\'t be more than 25"; not on a single value', () => {
    const targets: TypeRef = { kind: 'named', name: 'invitationParticipantInfo', collection: true, resolution: 'complex' };
    expect(mine('max-items', 'We support up to 25 targets for simulring.', targets)).toEqual([{ kind: 'maxItems', max: 25 }]);
    expect(mine('max-items', "Members count shouldn't be more than 25.", targets)).toEqual([{ kind: 'maxItems', max: 25 }]);
    expect(mine('max-items', 'We support up to 25 targets for simulring.', string)).toEqual([]);
  });

  // beta intune-deviceconfig-windows10generalconfiguration-create, tiindicator-update `confidence`
  it('numeric-range: "Supported values are 11-1800", "Acceptable values are 0 – 100"', () => {
    const int32: TypeRef = { kind: 'primitive', name: 'Int32', collection: false };
    const range = (lo: number, hi: number) => [
      { kind: 'minimum', value: lo, exclusive: false },
      { kind: 'maximum', value: hi, exclusive: false },
    ];
    expect(mine('numeric-range', 'Supported values are 11-1800.', int32)).toEqual(range(11, 1800));
    expect(mine('numeric-range', 'Supported values are 1-500, where 100 = default, and 500 = low frequency.', int32)).toEqual(range(1, 500));
    expect(mine('numeric-range', 'Acceptable values are 0 – 100 with 100 being the highest.', int32)).toEqual(range(0, 100));
  });

  // beta channel-post-members `roles`, intune-deviceconfig-windows10endpointprotectionconfiguration-create, chart-setdata `seriesBy`
  it('allowed-values: "Must be owner or empty", "Only states A and B are supported", "(default)" after a member', () => {
    expect(mine('allowed-values', 'Must be owner or empty.', strings)).toEqual([{ kind: 'enum', values: ['owner'] }]);
    expect(mine('allowed-values', 'Must be "owner" or empty.', strings)).toEqual([{ kind: 'enum', values: ['owner'] }]);
    expect(mine('allowed-values', 'Must be owner or empty.', string)).toEqual([{ kind: 'enum', values: ['owner', '', null] }]);
    const rights: TypeRef = { kind: 'named', name: 'deviceManagementUserRightsState', collection: false, resolution: 'enum' };
    expect(mine('allowed-values', 'Only states NotConfigured and Allowed are supported', rights)).toEqual([
      { kind: 'enum', values: ['NotConfigured', 'Allowed'] },
    ]);
    expect(mine('allowed-values', 'Can be one of the following: Auto (default), Rows, Columns.')).toEqual([
      { kind: 'enum', values: ['Auto', 'Rows', 'Columns'] },
    ]);
    // Another value the description demands elsewhere (beta conversationmember-update `roles`): the list holds
    // for members only.
    expect(
      mine(
        'allowed-values',
        'Must be "owner" or empty.',
        strings,
        'The roles for that user. Must be "owner" or empty. Guest users must always have role "guest" and cannot change.',
      ),
    ).toEqual([]);
    // Qualities, not values; one word is no choice.
    expect(mine('allowed-values', 'Must be unique or null.')).toEqual([]);
    expect(mine('allowed-values', 'Must be unique.')).toEqual([]);
  });

  it('allowed-values: a list of flags is a flag set (user-getmailtips `MailTipsOptions`)', () => {
    const text =
      'A enumeration of flags that represents the requested mailtips. Possible values are: `automaticReplies`, `customMailTip`, and `mailboxFullStatus`.';
    expect(mine('allowed-values', 'Possible values are: `automaticReplies`, `customMailTip`, and `mailboxFullStatus`.', string, text)).toEqual([
      { kind: 'flagSet', values: ['automaticReplies', 'customMailTip', 'mailboxFullStatus'], separator: ',' },
    ]);
  });

  it('"Possible values are: 0 - Not Ready, 1 - Ready, 2 - Processing." on an integer: the numbers', () => {
    expect(mine('allowed-values', 'Possible values are: 0 - Not Ready, 1 - Ready, 2 - Processing.', int32)).toEqual([{ kind: 'enum', values: [0, 1, 2] }]);
    // A range is not a number with its meaning.
    expect(mine('allowed-values', 'Possible values are: 1-5, 10', int32)).toEqual([]);
  });
});

describe('formats by noun phrase', () => {
  it('"This must be https." is an https URL; "should be a base-64 encoded …" base64, advised', () => {
    // v1.0 call-answer `callbackUri`; identityapiconnector-uploadclientcertificate `pkcs12Value`
    expect(mine('prose-format', 'This must be https.')).toEqual([{ kind: 'format', format: 'https-uri' }]);
    expect(mine('prose-format', 'Must be an HTTPS URL.')).toEqual([{ kind: 'format', format: 'https-uri' }]);
    expect(mine('prose-format', 'The value should be a base-64 encoded version of the actual certificate content.')).toEqual([
      { kind: 'format', format: 'base64' },
    ]);
    expect(mine('prose-format', 'The value should be a UTF-8 Base64 encoded byte array.')).toEqual([{ kind: 'format', format: 'base64' }]);
    expect(mine('prose-format', 'The certificate is sent base-64 encoded by the client.')).toEqual([]);
  });

  it('the validator holds them: https only, padded base64', () => {
    expect(FORMATS['https-uri']!.test('https://contoso.com/callback')).toBe(true);
    expect(FORMATS['https-uri']!.test('http://contoso.com/callback')).toBe(false);
    expect(FORMATS.base64!.test('TWFu')).toBe(true);
    expect(FORMATS.base64!.test('TWE=')).toBe(true);
    expect(FORMATS.base64!.test('TWE')).toBe(false);
    expect(FORMATS.base64!.test('not base64!')).toBe(false);
  });
});

describe('rules under a condition the request does not settle', () => {
  const conditional = (sentence: string) => mine('conditional-rule', sentence);

  it.each([
    // beta intune-deviceconfig-androidcustomconfiguration-create.md, and 221 pages like it
    [
      'Assigning to the ScopeTags property is not allowed when this value is false and entities will not be visible to scoped users.',
      'Assigning to the ScopeTags property is not allowed',
      'when this value is false and entities will not be visible to scoped users',
    ],
    ['The app cannot be assigned unless the app is published.', 'The app cannot be assigned', 'unless the app is published'],
    [
      'When this property is configured, ManagedBrowserToOpenLinksRequired should be true.',
      'ManagedBrowserToOpenLinksRequired should be true',
      'When this property is configured',
    ],
    ['Updatable only if isDraft = true.', 'Updatable', 'only if isDraft = true'],
    ['Only applicable in shared iPad mode.', 'Only applicable', 'in shared iPad mode'],
    ['This can only be set for a chat with a chatType value of group.', 'This can only be set', 'for a chat with a chatType value of group'],
    ['Use only when copying to a Microsoft 365 group.', 'Use', 'only when copying to a Microsoft 365 group'],
    // v1.0 resources/group.md `visibility`
    [
      'Hiddenmembership can be set only for Microsoft 365 groups, when the groups are created.',
      'Hiddenmembership can be set only for Microsoft 365 groups',
      'when the groups are created',
    ],
  ])('%s', (sentence, statement, condition) => {
    expect(conditional(sentence)).toEqual([{ kind: 'conditional', statement, condition }]);
  });

  it.each([
    'If true, the group is hidden from the address list.',
    'If set to Not Allowed, uppercase letters will not be permitted.',
    'The date and time when the user was created.',
    'The maximum length is 64 characters.',
    // What the value means or does (beta intune-deviceconfig-* pages), not a rule under a condition.
    'Specify whether the wifi connection should connect automatically even when the SSID is not broadcasting.',
    'A TPM provides an additional security benefit in that data stored on it cannot be used on other devices.',
    'Value indicating whether this policy only applies to Windows Phone 8.1.',
    'If this policy is set to 0, then storage of previous PINs is not required.',
  ])('not a conditional rule: %s', (sentence) => {
    expect(conditional(sentence)).toEqual([]);
  });

  it('drift: another condition is a change that breaks nobody; another statement is a rule removed and one added', () => {
    const at = { file: 'p.md', line: 1, column: 1 };
    const c = (statement: string, condition: string) =>
      ({ kind: 'conditional', statement, condition, rule: 'conditional-rule', sentence: `${statement} ${condition}.`, source: at }) as const;
    const changed = diffConstraints(
      'p',
      [c('The app cannot be assigned', 'unless the app is published')],
      [c('The app cannot be assigned', 'unless the app is approved')],
    );
    expect(changed.map((x) => [x.kind, x.breaking])).toEqual([['constraint-changed', { client: false, server: false }]]);
    expect(
      diffConstraints('p', [c('The app cannot be assigned', 'unless it is published')], [c('The app cannot be assigned', 'unless it is published')]),
    ).toEqual([]);
    const other = diffConstraints('p', [c('The app cannot be assigned', 'unless it is published')], [c('The app cannot be deleted', 'unless it is published')]);
    expect(other.map((x) => x.kind).sort()).toEqual(['constraint-added', 'constraint-removed']);
  });

  it('reads only what no other rule read, and is never enforced', () => {
    const at = { file: 'p.md', line: 1, column: 1 };
    const mined = (text: string) => mineConstraints('p', string, { text, pos: at, links: [] } as unknown as Parameters<typeof mineConstraints>[2], at);
    expect(mined('Required if **type** is `weekly`.').map((c) => c.kind)).toEqual(['required']);
    const [c] = mined('Cannot be used when NetworkSingleSignOnType is set to Disabled.');
    expect(c).toMatchObject({ kind: 'conditional', rule: 'conditional-rule', condition: 'when NetworkSingleSignOnType is set to Disabled' });
    expect(describeConstraint(c!)).toBe('Cannot be used. Condition: "when NetworkSingleSignOnType is set to Disabled" (shown, not enforced).');
    expect(isEnforced(c!)).toBe(false);
  });
});
