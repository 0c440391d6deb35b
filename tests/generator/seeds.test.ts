/**
 * Acceptance of the generator on the five bundled pages: property counts, the constraints the issue names,
 * and that each constraint's source line really holds the sentence it came from.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Constraint, OperationSpec, Property } from '../../generator/ir/ir.js';
import { bundled, lineOf } from '../support/pages.js';

function prop(spec: OperationSpec, name: string): Property {
  const p = spec.requestBody.properties.find((q) => q.name === name);
  if (!p) throw new Error(`no property ${name} in ${spec.variant}`);
  return p;
}

function constraint(spec: OperationSpec, name: string, kind: Constraint['kind']): Constraint {
  const c = prop(spec, name).constraints.find((x) => x.kind === kind);
  if (!c) throw new Error(`no ${kind} on ${name} in ${spec.variant}`);
  return c;
}

/** The docs line the constraint points at contains the words it was mined from. */
function expectSourceHas(c: Constraint, words: RegExp): void {
  expect(c.sentence, `sentence of ${c.rule}`).toMatch(words);
  expect(lineOf(c.source.file, c.source.line), `${c.source.file}:${c.source.line}`).toMatch(words);
}

describe('property counts', () => {
  it.each([
    ['beta', 44],
    ['v1.0', 42],
    ['localtest', 63],
    ['intune', 1],
  ] as const)('%s has %i properties', (variant, count) => {
    expect(bundled(variant).requestBody.properties).toHaveLength(count);
  });

  it('the connector spec has every field of the page, mapped to Graph property names', () => {
    const spec = bundled('connector');
    const inputs = spec.fields.filter((f) => f.direction === 'input');
    const properties = inputs.filter((f) => f.group.join('/') === 'Input/Properties');
    const extensions = inputs.filter((f) => f.group.join('/') === 'Input/On Premises Extension Attributes');
    expect(properties).toHaveLength(43);
    expect(extensions).toHaveLength(15);
    expect(spec.fields.find((f) => f.direction === 'output')?.label).toBe('Status Code');
    expect(inputs.find((f) => f.label === 'Id or Username')?.pathParameter).toBe(true);
    const byLabel = Object.fromEntries(inputs.map((f) => [f.label, f]));
    expect(byLabel['Show In Address List']?.normalizedName).toBe('showInAddressList');
    expect(byLabel['Show In Address List']?.type).toMatchObject({ kind: 'primitive', name: 'Boolean' });
    expect(byLabel['Business Phones']?.type).toMatchObject({ name: 'String', collection: true });
    expect(byLabel['Usage Location']?.typeHint).toBe('2 char');
    expect(byLabel['Force Change Password Next Sign In With MFA']?.graphPath).toBe('passwordProfile.forceChangePasswordNextSignInWithMfa');
    expect(byLabel.Password?.graphPath).toBe('passwordProfile.password');
    expect(byLabel['Hire Date']?.graphPath).toBe('hireDate');
    expect(byLabel['Extension Attribute 15']?.graphPath).toBe('onPremisesExtensionAttributes.extensionAttribute15');
    const mapped = [...properties, ...extensions].filter((f) => f.graphPath);
    // Only "Preferred Data Location" is missing from the 2021 v1.0 user resource page of the corpus.
    expect(mapped.length).toBe(57);
  });
});

describe.each(['beta', 'v1.0'] as const)('constraints of %s', (variant) => {
  let spec: OperationSpec;
  beforeAll(() => {
    spec = bundled(variant);
  });

  it('companyName max length 64 and employeeId max length 16', () => {
    const company = constraint(spec, 'companyName', 'maxLength');
    expect(company).toMatchObject({ max: 64, rule: 'max-length' });
    expectSourceHas(company, /maximum length is 64 characters/);
    const employee = constraint(spec, 'employeeId', 'maxLength');
    expect(employee).toMatchObject({ max: 16 });
    expectSourceHas(employee, /maximum length is 16 characters/);
  });

  it('ageGroup and consentProvidedForMinor are enums that include null', () => {
    const age = constraint(spec, 'ageGroup', 'enum');
    expect(age).toMatchObject({ values: [null, 'Minor', 'NotAdult', 'Adult'], rule: 'allowed-values' });
    expectSourceHas(age, /Allowed values/);
    expect(prop(spec, 'ageGroup').type).toMatchObject({ kind: 'named', resolution: 'enum' });
    const consent = constraint(spec, 'consentProvidedForMinor', 'enum');
    expect(consent).toMatchObject({ values: [null, 'Granted', 'Denied', 'NotRequired'] });
    expectSourceHas(consent, /Allowed values/);
  });

  it('displayName, mail and usageLocation are not nullable', () => {
    expectSourceHas(constraint(spec, 'displayName', 'notNullable'), /can't be cleared/);
    expectSourceHas(constraint(spec, 'mail', 'notNullable'), /Can't be updated to `?null/);
    expectSourceHas(constraint(spec, 'usageLocation', 'notNullable'), /Not nullable/);
  });

  it('usageLocation is a two-letter country code', () => {
    const c = constraint(spec, 'usageLocation', 'countryCode');
    expect(c.rule).toBe('country-code');
    expectSourceHas(c, /two letter country code/);
  });

  it('businessPhones holds at most 1 item', () => {
    const c = constraint(spec, 'businessPhones', 'maxItems');
    expect(c).toMatchObject({ max: 1, rule: 'max-items' });
    expectSourceHas(c, /only one number can be set/);
  });

  it('onPremisesImmutableId forbids $ and _', () => {
    const c = constraint(spec, 'onPremisesImmutableId', 'forbiddenChars');
    expect(c).toMatchObject({ chars: ['$', '_'] });
    expectSourceHas(c, /characters can't be used/);
  });

  it('userPrincipalName allows only the listed characters before the @', () => {
    const c = constraint(spec, 'userPrincipalName', 'allowedChars');
    expect(c).toMatchObject({ scope: 'local-part' });
    expect(c.kind === 'allowedChars' && [...c.chars].sort().join('')).toBe(
      [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.-_!#^~"].sort().join(''),
    );
    expectSourceHas(c, /Only the following characters are allowed/);
  });

  it('passwordPolicies is a comma-separated flag set and DateTimeOffset properties are date-times', () => {
    expect(constraint(spec, 'passwordPolicies', 'flagSet')).toMatchObject({ values: ['DisableStrongPassword', 'DisablePasswordExpiration'] });
    // The type column says date-time; the description's "is always in UTC" is stricter and replaces it.
    const formats = spec.requestBody.properties.find((p) => p.name === 'birthday')!.constraints.filter((c) => c.kind === 'format');
    expect(formats).toMatchObject([{ format: 'utc-date-time', rule: 'prose-format' }]);
  });

  it('the own-request group has the 8 properties and 9 properties are closed to app-only callers', () => {
    const own = spec.requestBody.groups.find((g) => g.kind === 'own-request')!;
    expect(own.members).toEqual(['aboutMe', 'birthday', 'interests', 'mySite', 'pastProjects', 'responsibilities', 'schools', 'skills']);
    expect(lineOf(own.source.file, own.source.line)).toMatch(/in their own PATCH request/);
    const app = spec.requestBody.groups.find((g) => g.kind === 'app-only-forbidden')!;
    expect(app.members).toEqual(['aboutMe', 'birthday', 'employeeHireDate', 'interests', 'mySite', 'pastProjects', 'responsibilities', 'schools', 'skills']);
    expect(lineOf(app.source.file, app.source.line)).toMatch(/only application permissions/);
  });

  it('extension properties are allowed and null removes them', () => {
    expect(spec.requestBody.extensions).toMatchObject({ allowed: true, nullRemoves: true });
    expect(spec.requestBody.extensions.namePatterns.some((p) => new RegExp(p).test('ext55gb1l09_msLearnCourses'))).toBe(true);
  });

  it('PATCH on /users/{id | userPrincipalName} and /me, 204 No Content, Authorization required', () => {
    expect(spec.http.method).toBe('PATCH');
    expect(spec.http.paths.map((p) => p.template)).toEqual(['/users/{id | userPrincipalName}', '/me']);
    expect(spec.http.paths[0]!.params).toEqual([{ name: 'id|userPrincipalName', alternatives: ['id', 'userPrincipalName'] }]);
    expect(spec.http.paths[1]!.origin).toBe('example');
    expect(spec.responses).toMatchObject([{ status: 204, statusText: 'No Content' }]);
    expect(spec.headers.find((h) => h.name === 'Authorization')).toMatchObject({ required: true, stated: true });
    expect(spec.examples).toHaveLength(5);
    expect(spec.examples.every((e) => e.request?.method === 'PATCH' && e.response?.status === 204)).toBe(true);
  });

  it('per-property permission requirements are traced', () => {
    const perms = prop(spec, 'employeeLeaveDateTime').constraints.filter((c) => c.kind === 'requiresPermission');
    expect(perms.flatMap((c) => (c.kind === 'requiresPermission' ? c.permissions : []))).toContain('User-LifeCycleInfo.ReadWrite.All');
  });
});

describe('beta only', () => {
  it('otherMails holds at most 250 items of at most 250 characters', () => {
    const spec = bundled('beta');
    const items = constraint(spec, 'otherMails', 'maxItems');
    const length = constraint(spec, 'otherMails', 'itemMaxLength');
    expect(items).toMatchObject({ max: 250 });
    expect(length).toMatchObject({ max: 250 });
    expectSourceHas(items, /Can store up to 250 values/);
    expect(
      bundled('v1.0')
        .requestBody.properties.find((p) => p.name === 'otherMails')!
        .constraints.some((c) => c.kind === 'maxItems'),
    ).toBe(false);
  });

  it('example 2 sending authorizationInfo is diagnosed at the line of the key', () => {
    const d = bundled('beta').diagnostics.find((x) => x.rule === 'example-unknown-property');
    expect(d?.message).toMatch(/authorizationInfo/);
    expect(lineOf(d!.file, d!.line)).toMatch(/"authorizationInfo"/);
  });

  it('complex types are resolved from the resource pages and the permissions include is read', () => {
    const spec = bundled('beta');
    expect(Object.keys(spec.types)).toEqual([
      'assignedLicense',
      'customSecurityAttributeValue',
      'employeeOrgData',
      'objectIdentity',
      'onPremisesExtensionAttributes',
      'passwordProfile',
    ]);
    const custom = spec.types.customSecurityAttributeValue;
    expect(custom).toMatchObject({ kind: 'complex', open: true });
    const password = spec.types.passwordProfile;
    expect(password?.kind === 'complex' && password.properties.map((p) => p.name)).toEqual([
      'forceChangePasswordNextSignIn',
      'forceChangePasswordNextSignInWithMfa',
      'password',
    ]);
    expect(spec.permissions.map((p) => p.leastPrivileged)).toEqual([['User.ReadUpdate.All'], ['User.ReadWrite'], ['User.ReadUpdate.All']]);
    expect(spec.page.includes.find((i) => i.target.includes('user-update-permissions'))?.resolved).toBe(true);
  });
});

describe('localtest and intune', () => {
  it('localtest: placeholder permissions, 200 with a user body, string ageGroup, empty descriptions', () => {
    const spec = bundled('localtest');
    expect(spec.diagnostics.filter((d) => d.rule === 'placeholder-permission')).toHaveLength(2);
    expect(spec.permissions.filter((p) => p.placeholder)).toHaveLength(2);
    expect(spec.responses).toMatchObject([{ status: 200, bodyType: 'user' }]);
    expect(prop(spec, 'ageGroup').type).toEqual({ kind: 'primitive', name: 'String', collection: false });
    expect(prop(spec, 'id').inheritedFrom).toBe('entity');
    expect(spec.diagnostics.find((d) => d.rule === 'empty-description')?.message).toMatch(/^60 of 63 rows/);
    expect(spec.http.paths.map((p) => p.template)).toEqual(['/me', '/users/{usersId}']);
    expect(constraint(spec, 'deviceEnrollmentLimit', 'enum')).toMatchObject({ values: [5, 1000] });
  });

  it('localtest: flags the rows its user resource page marks read-only, and only those', () => {
    const spec = bundled('localtest');
    const flagged = spec.diagnostics.filter((d) => d.rule === 'read-only-in-request');
    const names = flagged.map((d) => /`(\w+)`/.exec(d.message)![1]);
    expect(names).toEqual(expect.arrayContaining(['id', 'assignedPlans', 'provisionedPlans', 'proxyAddresses', 'onPremisesSyncEnabled']));
    // "Read-only for users synced from on-premises directory" is conditional: these stay updatable.
    expect(names).not.toContain('businessPhones');
    expect(names).not.toContain('mobilePhone');
    for (const d of flagged) {
      const statement = spec.requestBody.resourceReadOnly!.find((r) => r.property === /`(\w+)`/.exec(d.message)![1])!;
      expect(lineOf(statement.source.file, statement.source.line)).toMatch(/Read-only/);
      expect(lineOf(d.file, d.line)).toContain(`|${statement.property}|`);
    }
    expect(bundled('v1.0').diagnostics.filter((d) => d.rule === 'read-only-in-request')).toEqual([]);
  });

  it('intune: one property, Accept header, 200 OK', () => {
    const spec = bundled('intune');
    expect(spec.requestBody.properties.map((p) => p.name)).toEqual(['id']);
    expect(spec.headers.map((h) => h.name)).toEqual(['Authorization', 'Accept']);
    expect(spec.headers[0]!.value).toBe('Bearer <token> Required.');
    expect(spec.responses).toMatchObject([{ status: 200, bodyType: 'user' }]);
    expect(spec.variant).toBe('intune');
  });
});

describe('rendered text', () => {
  it('reports the obfuscated e-mails of the rendered page', () => {
    const d = bundled('v1.0').diagnostics.filter((x) => x.rule === 'obfuscated-value');
    expect(d.map((x) => x.line)).toEqual([79, 86, 86]);
    for (const x of d) expect(lineOf(x.file, x.line).slice(x.column - 1)).toMatch(/^\[email\u00a0protected\]/);
  });

  it('keeps a row glued to a bullet of the previous cell', () => {
    const spec = bundled('v1.0');
    const names = spec.requestBody.properties.map((p) => p.name);
    expect(names.slice(names.indexOf('customSecurityAttributes'), names.indexOf('customSecurityAttributes') + 2)).toEqual([
      'customSecurityAttributes',
      'department',
    ]);
    expect(prop(spec, 'customSecurityAttributes').description).toMatch(/\n• To update this property in app-only scenarios/);
    expect(prop(spec, 'pastProjects').type).toMatchObject({ name: 'String', collection: true });
  });
});
