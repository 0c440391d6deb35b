/**
 * The generated validators (the committed files in generated/) enforce the docs: boundary values pass and
 * fail with the rule and source line of the sentence that states them; the docs' own examples pass.
 */
import { describe, expect, it } from 'vitest';
import * as beta from '../../generated/user-update/beta.js';
import * as intune from '../../generated/user-update/intune.js';
import * as localtest from '../../generated/user-update/localtest.js';
import * as v1 from '../../generated/user-update/v1.0.js';
import type { ValidationIssue, ValidationResult } from '../../generated/runtime.js';
import { type Contract, type PropertyContract, validateWith } from '../../generator/emit/runtime.js';
import { bundled, lineOf } from '../support/pages.js';

function errors(r: ValidationResult): ValidationIssue[] {
  return r.valid ? [] : r.errors;
}

/** The one error of a result, whose source line holds the given words. */
function expectOneError(r: ValidationResult, rule: string, path: string, words: RegExp): void {
  const e = errors(r);
  expect(e, JSON.stringify(e)).toHaveLength(1);
  expect(e[0]).toMatchObject({ rule, path });
  const [file, line] = e[0]!.source.split(/:(?=\d+$)/);
  expect(lineOf(file!, Number(line))).toMatch(words);
}

describe('v1.0 boundaries', () => {
  const v = v1.validateRequestBody;
  it('companyName: 64 characters pass, 65 fail at the "maximum length is 64" sentence', () => {
    expect(v({ companyName: 'x'.repeat(64) })).toEqual({ valid: true });
    expectOneError(v({ companyName: 'x'.repeat(65) }), 'max-length', '/companyName', /maximum length is 64 characters/);
  });
  it('employeeId: 16 pass, 17 fail', () => {
    expect(v({ employeeId: '1'.repeat(16) })).toEqual({ valid: true });
    expectOneError(v({ employeeId: '1'.repeat(17) }), 'max-length', '/employeeId', /maximum length is 16 characters/);
  });
  it('businessPhones: 1 item passes, 2 fail', () => {
    expect(v({ businessPhones: ['+1 425 555 0109'] })).toEqual({ valid: true });
    expectOneError(v({ businessPhones: ['1', '2'] }), 'max-items', '/businessPhones', /only one number can be set/);
  });
  it('usageLocation: US passes, USA fails', () => {
    expect(v({ usageLocation: 'US' })).toEqual({ valid: true });
    expectOneError(v({ usageLocation: 'USA' }), 'country-code', '/usageLocation', /two letter country code/);
  });
  it('ageGroup: NotAdult and null pass, Teen fails', () => {
    expect(v({ ageGroup: 'NotAdult' })).toEqual({ valid: true });
    expect(v({ ageGroup: null })).toEqual({ valid: true });
    expectOneError(v({ ageGroup: 'Teen' }), 'allowed-values', '/ageGroup', /Allowed values/);
  });
  it('displayName: null fails', () => {
    expectOneError(v({ displayName: null }), 'not-nullable', '/displayName', /can't be cleared/);
  });
  it('aboutMe alone passes, with city it fails', () => {
    expect(v({ aboutMe: 'hi' })).toEqual({ valid: true });
    expectOneError(v({ aboutMe: 'hi', city: 'Oslo' }), 'own-request', '/city', /in their own PATCH request/);
    expect(v({ aboutMe: 'hi', skills: ['x'] })).toEqual({ valid: true });
  });
  it('types, formats, characters and unknown properties', () => {
    expectOneError(v({ accountEnabled: 'yes' }), 'type', '/accountEnabled', /accountEnabled/);
    // "is always in UTC" (prose-format) replaces the type column's date-time: one error, not two.
    expectOneError(v({ birthday: '2014-13-01T00:00:00Z' }), 'prose-format', '/birthday', /birthday/);
    expectOneError(v({ birthday: '2014-01-01T00:00:00+01:00' }), 'prose-format', '/birthday', /birthday/);
    expect(v({ birthday: '2014-01-01T00:00:00Z' })).toEqual({ valid: true });
    expectOneError(v({ onPremisesImmutableId: 'a$b' }), 'forbidden-chars', '/onPremisesImmutableId', /characters can't be used/);
    expectOneError(v({ userPrincipalName: 'jé@contoso.com' }), 'allowed-chars', '/userPrincipalName', /Only the following characters/);
    expect(v({ userPrincipalName: "o'neil.#1@contoso.com" })).toEqual({ valid: true });
    expectOneError(v({ passwordPolicies: 'DisableStrongPassword, Nope' }), 'flag-set', '/passwordPolicies', /enumeration/);
    expect(v({ passwordPolicies: 'DisablePasswordExpiration, DisableStrongPassword' })).toEqual({ valid: true });
    expect(errors(v({ nope: 1 }))).toMatchObject([{ rule: 'unknown-property', path: '/nope' }]);
    expect(v({ ext55gb1l09_msLearnCourses: { courseType: 'Admin' }, extension_0123456789abcdef0123456789abcdef_x: null })).toEqual({ valid: true });
    expect(errors(v({ passwordProfile: { password: 1, bogus: true } })).map((e) => `${e.rule} ${e.path}`)).toEqual([
      'type /passwordProfile/password',
      'unknown-property /passwordProfile/bogus',
    ]);
  });
  it('collects every error and never throws on hostile input', () => {
    expect(errors(v({ companyName: 'x'.repeat(65), usageLocation: 'USA', displayName: null }))).toHaveLength(3);
    for (const bad of [null, 1, 'x', [], JSON.parse('{"__proto__": {"polluted": 1}}'), { constructor: 1 }, { toString: 1 }]) {
      expect(v(bad).valid).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('example bodies on each page', () => {
  const validators = {
    beta: beta.validateRequestBody,
    'v1.0': v1.validateRequestBody,
    localtest: localtest.validateRequestBody,
    intune: intune.validateRequestBody,
  };
  for (const [variant, validate] of Object.entries(validators)) {
    it(`${variant}: every example passes, except the ones diagnosed as doc errors`, () => {
      const spec = bundled(variant as 'beta');
      const diagnosedLines = new Set(spec.diagnostics.filter((d) => d.rule.startsWith('example-')).map((d) => d.line));
      let checked = 0;
      for (const ex of spec.examples) {
        if (!ex.request || ex.request.body === undefined) continue;
        checked++;
        const r = validate(ex.request.body);
        const keyLines = Object.values(ex.request.bodyKeyLines ?? {});
        if (keyLines.some((l) => diagnosedLines.has(l))) {
          expect(r.valid, ex.name).toBe(false);
        } else {
          expect(r, ex.name).toEqual({ valid: true });
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it('beta example 2 fails on authorizationInfo, as an unknown property', () => {
    const ex = bundled('beta').examples.find((e) => e.name === 'update_other_user')!;
    expect(errors(beta.validateRequestBody(ex.request!.body))).toMatchObject([{ rule: 'unknown-property', path: '/authorizationInfo' }]);
  });
});

describe('own-request groups in the compiled runtime', () => {
  // Two groups that share `b`: a body breaks a group rule as soon as it names one group's member beside a
  // documented property outside that group, whatever the order of its keys.
  const prop: PropertyContract = { type: { kind: 'string' }, collection: false, checks: [], source: 'p.md:1' };
  const contract: Contract = {
    properties: ['a', 'b', 'c', 'd'].map((n) => [n, prop] as const),
    types: [],
    groups: [
      { kind: 'own-request', members: ['a', 'b'], rule: 'own-request', source: 'p.md:2' },
      { kind: 'own-request', members: ['b', 'c'], rule: 'own-request', source: 'p.md:3' },
    ],
    extensionPatterns: [],
    source: 'p.md:1',
  };
  const rulesOf = (body: Record<string, string>) => errors(validateWith(contract, body)).map((e) => `${e.path} ${e.source}`);
  it('members of one group, or of none, pass', () => {
    for (const body of [{ a: 'x' }, { b: 'x' }, { c: 'x' }, { d: 'x' }, {}] as Record<string, string>[])
      expect(rulesOf(body), JSON.stringify(body)).toEqual([]);
  });
  it('a member beside an outsider fails, citing the group it breaks', () => {
    expect(rulesOf({ a: 'x', d: 'x' })).toEqual(['/d p.md:2']);
    expect(rulesOf({ d: 'x', c: 'x' })).toEqual(['/d p.md:3']);
    // `b` is in both groups: beside `a` it breaks the second, beside `c` the first.
    expect(rulesOf({ b: 'x', a: 'x' })).toEqual(['/a p.md:3']);
    expect(rulesOf({ b: 'x', c: 'x' })).toEqual(['/c p.md:2']);
    expect(rulesOf({ a: 'x', c: 'x' })).toEqual(['/c p.md:2', '/a p.md:3']);
  });
});
