/**
 * Seed 004 (a connector's "Update User" action) certified against the v1.0 page, with beta consulted for
 * "updatable elsewhere": the findings the docs support, each pointing at both lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectorSpec, OperationSpec } from '../../generator/ir/ir.js';
import { certifyConnector } from '../../harness/run/certify-connector.js';
import { formatConnectorReport } from '../../harness/report/connector.js';
import { bundled, ROOT } from '../support/pages.js';

const load = <T>(name: string) => JSON.parse(readFileSync(join(ROOT, 'spec', name), 'utf8')) as T;
const v1 = load<OperationSpec>('user-update.v1.0.json');
const beta = load<OperationSpec>('user-update.beta.json');
const connector = load<ConnectorSpec>('user-update.connector.json');
const report = certifyConnector(v1, connector, [beta]);
const of = (rule: string) => report.findings.filter((f) => f.rule === rule);

describe('seed 004 against v1.0', () => {
  it('fields with no updatable v1.0 property', () => {
    expect(of('not-updatable').map((f) => f.field)).toEqual([
      'Assigned Licenses',
      'Fax Number',
      'Hire Date',
      'Is Resource Account',
      'Preferred Data Location',
      'Preferred Name',
      'Show In Address List',
    ]);
    expect(of('not-updatable').find((f) => f.field === 'Assigned Licenses')!.message).toContain('it is updatable in beta');
    for (const f of of('not-updatable')) expect(f.severity).toBe('error');
  });

  it('the lower-case enum values of age group and consent for minor', () => {
    expect(of('enum-mismatch').map((f) => [f.field, f.property])).toEqual([
      ['Age Group', 'ageGroup'],
      ['Consent Provided For Minor', 'consentProvidedForMinor'],
    ]);
    expect(of('enum-mismatch')[0]!.message).toBe(
      'allowed values differ from the docs: minor (docs: Minor, differs in case), notAdult (docs: NotAdult, differs in case), adult (docs: Adult, differs in case)',
    );
    expect(of('enum-mismatch')[0]!.docs).toBe('spec/sources/v1.0/user-update.txt:57');
  });

  it('the password field whose description talks about password policies', () => {
    expect(of('description-mismatch')).toEqual([
      expect.objectContaining({
        field: 'Password',
        property: 'passwordProfile.password',
        message: expect.stringMatching(/^the description reads like passwordPolicies/),
      }),
    ]);
  });

  it('type mismatches: a single text field for a collection, a bare "2 char" for a country code', () => {
    expect(of('type-mismatch').map((f) => [f.field, f.property])).toEqual([['Other Mails', 'otherMails']]);
    expect(of('type-weaker').map((f) => f.field)).toEqual(['Usage Location']);
  });

  it('maps fields by name, nested ones through the complex types, and agrees on status 204', () => {
    const maps = new Map(of('field-maps').map((f) => [f.field, f.property]));
    expect(maps.get('Show In Address List')).toBeUndefined();
    expect(maps.get('Password')).toBe('passwordProfile.password');
    expect(maps.get('Force Change Password Next Sign In With MFA')).toBe('passwordProfile.forceChangePasswordNextSignInWithMfa');
    expect(maps.get('Extension Attribute 15')).toBe('onPremisesExtensionAttributes.extensionAttribute15');
    expect(of('status-code')).toEqual([expect.objectContaining({ severity: 'info', message: 'agrees with the docs: success is 204 No Content' })]);
  });

  it('lists documented properties the connector lacks', () => {
    expect(of('missing-field').map((f) => f.property)).toEqual([
      'accountEnabled',
      'customSecurityAttributes',
      'employeeType',
      'employeeHireDate',
      'employeeLeaveDateTime',
      'employeeOrgData',
      'mail',
    ]);
  });

  it('fails on error findings, and every finding names a line', () => {
    expect(report.verdict).toBe('fail');
    for (const f of report.findings) expect(f.source ?? f.docs, `${f.rule} ${f.field}`).toMatch(/:\d+$/);
    expect(formatConnectorReport(report)).toMatch(/10 errors, 9 warnings, 52 fields mapped/);
  });

  it('a connector that says success is 200 disagrees with v1.0 and agrees with Intune', () => {
    const wrong = structuredClone(connector);
    const out = wrong.fields.find((f) => f.direction === 'output')!;
    out.description = 'A value of 200 indicates the user was updated.';
    expect(certifyConnector(v1, wrong).findings.find((f) => f.rule === 'status-code')).toMatchObject({
      severity: 'error',
      message: 'says success is 200; the docs say 204 No Content',
    });
    expect(certifyConnector(bundled('intune'), wrong).findings.find((f) => f.rule === 'status-code')?.severity).toBe('info');
  });
});

describe('renames drift knows', () => {
  const localtest = load<OperationSpec>('user-update.localtest.json');
  const withOlder = certifyConnector(v1, connector, [beta, localtest]);
  const on = (rule: string) => withOlder.findings.filter((f) => f.rule === rule);

  it('"Hire Date" maps to hireDate in the older localtest page, which v1.0 renamed employeeHireDate', () => {
    expect(localtest.requestBody.properties.some((p) => p.name === 'hireDate')).toBe(true);
    expect(on('renamed')).toEqual([
      expect.objectContaining({
        field: 'Hire Date',
        property: 'employeeHireDate',
        severity: 'error',
        message: expect.stringMatching(/maps to hireDate in localtest \(spec\/sources\/localtest\/user-update\.md:\d+\), which v1\.0 calls employeeHireDate/),
        docs: expect.stringMatching(/v1\.0\/user-update\.txt:\d+$/),
      }),
    ]);
    // Reported once: neither "not updatable" nor a missing field any more.
    expect(on('not-updatable').map((f) => f.field)).not.toContain('Hire Date');
    expect(on('missing-field').map((f) => f.property)).not.toContain('employeeHireDate');
  });

  it('without the older page there is nothing to tell a rename from a missing property', () => {
    expect(of('renamed')).toEqual([]);
    expect(of('not-updatable').map((f) => f.field)).toContain('Hire Date');
  });
});
