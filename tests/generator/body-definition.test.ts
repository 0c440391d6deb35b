/**
 * Bodies as the page defines them: "supply a JSON representation of a [servicePrincipal] object" means the
 * resource's writable properties with its page's rules, and "The request body must contain **appId**" makes
 * appId required. Pages from the 2021 v1.0 reference.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { validBody } from '../../harness/arbitraries/body.js';
import { buildContract } from '../../generator/emit/contract.js';
import { validateWith } from '../../generator/emit/runtime.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { API_REFERENCE_2021, generateFile, hasApiReference, lineOf } from '../support/pages.js';

const API = join(API_REFERENCE_2021, 'v1.0/api');
const spec = (page: string) => generateFile(join(API, `${page}.md`), API, 'v1.0', API_REFERENCE_2021) as OperationSpec;
const required = (s: OperationSpec) =>
  s.requestBody.properties.filter((p) => p.constraints.some((c) => c.kind === 'required' && !c.condition)).map((p) => p.name);

describe.skipIf(!hasApiReference)('a body the page defines as a resource', () => {
  it('servicePrincipal: its writable properties, appId required by the prose, cited', () => {
    const s = spec('serviceprincipal-post-serviceprincipals');
    expect(s.requestBody.fromResource).toMatchObject({
      resource: 'servicePrincipal',
      sentence: expect.stringContaining('JSON representation of a servicePrincipal object'),
    });
    const names = s.requestBody.properties.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['appId', 'displayName', 'tags', 'servicePrincipalNames']));
    // Read-only on the resource page: not part of a body.
    expect(names).not.toContain('id');
    expect(required(s)).toEqual(['appId']);
    const appId = s.requestBody.properties.find((p) => p.name === 'appId')!.constraints.find((c) => c.kind === 'required')!;
    expect(lineOf(join(API_REFERENCE_2021, appId.source.file), appId.source.line)).toContain('must contain  **appId**');
    const contract = buildContract(s);
    expect(validateWith(contract, { displayName: 'x' })).toMatchObject({ valid: false, errors: [{ path: '/appId', rule: 'required' }] });
    expect(validateWith(contract, { appId: '65415bb1-9267-4313-bbf5-ae259732ee12' })).toEqual({ valid: true });
  });

  it('channel: its enum typed from the enums page, its relationships nested, its examples checked against it', () => {
    const s = spec('channel-post');
    const membership = s.requestBody.properties.find((p) => p.name === 'membershipType')!;
    expect(membership.type).toMatchObject({ name: 'channelMembershipType', resolution: 'enum' });
    expect(s.types.channelMembershipType).toMatchObject({ kind: 'enum', values: ['standard', 'private', 'unknownFutureValue'] });
    const contract = buildContract(s);
    expect(validateWith(contract, { displayName: 'x', membershipType: 'private', members: [{ roles: ['owner'] }] })).toEqual({ valid: true });
    expect(validateWith(contract, { displayName: 'x', membershipType: 'secret' }).valid).toBe(false);
    // The migration example sends `createdDateTime`, which the resource page marks read-only.
    expect(s.diagnostics.filter((d) => d.rule === 'example-unknown-property').map((d) => d.message)).toEqual([
      expect.stringContaining('`createdDateTime`, which the channel resource page does not list as a writable property'),
    ]);
  });

  it('administrativeUnit: the writable properties, none required', () => {
    const s = spec('administrativeunit-post-administrativeunits');
    expect(s.requestBody.properties.map((p) => p.name)).toEqual(['description', 'displayName', 'visibility']);
    expect(required(s)).toEqual([]);
  });

  it('group create: "Specify other writable properties" opens the table to the group resource page', () => {
    const s = spec('group-post-groups');
    expect(s.requestBody.fromResource).toMatchObject({ resource: 'group', sentence: expect.stringContaining('Specify other writable properties') });
    const groupTypes = s.requestBody.properties.find((p) => p.name === 'groupTypes')!;
    expect(groupTypes.via).toBe('resource');
    // Table rows stay the table's, and stay first.
    expect(s.requestBody.properties.slice(0, 4).every((p) => p.via === undefined)).toBe(true);
    const example = s.examples.find((e) => e.name === 'create_group')!.request!.body;
    expect(validateWith(buildContract(s), example)).toEqual({ valid: true });
    // Accepted, never drawn: whether a create takes a property only the resource page names is not stated.
    const names = new Set(fc.sample(validBody(s), { numRuns: 200, seed: 3 }).flatMap((b) => Object.keys(b)));
    expect(names.has('groupTypes')).toBe(false);
    expect(names.has('displayName')).toBe(true);
  });

  it('attachment: an example of a derived type (fileAttachment) is no doc bug and passes its validator', () => {
    const s = spec('event-post-attachments');
    expect(s.requestBody.fromResource?.resource).toBe('attachment');
    expect(s.diagnostics.filter((d) => d.rule === 'example-unknown-property')).toEqual([]);
    const file = s.examples.find((e) => (e.request?.body as Record<string, unknown> | undefined)?.['@odata.type'] === '#microsoft.graph.fileAttachment')!;
    expect(validateWith(buildContract(s), file.request!.body)).toEqual({ valid: true });
    expect(validateWith(buildContract(s), { name: 'x', contentBytes: 'AAAA' }).valid).toBe(false);
  });

  it('a note outside the table that forbids updating a property is a rule with its line', () => {
    const s = spec('channel-patch');
    const membership = s.requestBody.properties.find((p) => p.name === 'membershipType')!;
    const c = membership.constraints.find((x) => x.kind === 'readOnly')!;
    expect(c.sentence).toBe('Note: You cannot update the membershipType value for an existing channel.');
    expect(lineOf(join(API_REFERENCE_2021, c.source.file), c.source.line)).toContain('You cannot update the `membershipType` value');
    expect(validateWith(buildContract(s), { membershipType: 'private' })).toMatchObject({ valid: false, errors: [{ rule: 'read-only' }] });
    // Scoped notes are not rules of every request: Update user's application-only note leaves aboutMe writable.
    const user = spec('user-update');
    expect(user.requestBody.properties.find((p) => p.name === 'aboutMe')!.constraints.some((x) => x.kind === 'readOnly')).toBe(false);
  });

  it('a reference add sends @odata.id, whatever resource its sentence names', () => {
    const s = spec('group-post-owners');
    expect(s.requestBody.fromResource).toBeUndefined();
    expect(s.requestBody.properties.map((p) => p.name)).toEqual(['@odata.id']);
  });

  it('a page with a table keeps its table', () => {
    const s = spec('identityuserflowattribute-post');
    expect(s.requestBody.fromResource).toBeUndefined();
    expect(s.requestBody.properties.map((p) => p.name)).toContain('dataType');
  });
});

describe.skipIf(!hasApiReference)('an Intune create: "the properties that are required when you create"', () => {
  // Read when the tests run, not when they are collected: without the corpus the block is skipped and reads nothing.
  let s: OperationSpec;
  beforeAll(() => {
    s = spec('intune-tem-telecomexpensemanagementpartner-create');
  });

  it('requires, as advice, each row the page example sends, and not the id it leaves out', () => {
    const advised = s.requestBody.properties.filter((p) => p.constraints.some((c) => c.kind === 'required' && c.strength === 'advisory'));
    expect(advised.map((p) => p.name)).toEqual(['displayName', 'url', 'appAuthorized', 'enabled', 'lastConnectionDateTime']);
    const c = advised[0]!.constraints.find((x) => x.kind === 'required')!;
    expect(lineOf(join(API_REFERENCE_2021, c.source.file), c.source.line)).toContain('properties that are required when you create');
    expect(s.requestBody.properties.find((p) => p.name === 'id')!.constraints.some((x) => x.kind === 'required')).toBe(false);
  });

  it('valid bodies name every advised row and never the key; leaving one out is refused only strictly', () => {
    for (const body of fc.sample(validBody(s), { numRuns: 100, seed: 5 })) {
      expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['appAuthorized', 'displayName', 'enabled', 'lastConnectionDateTime', 'url']));
      expect(body).not.toHaveProperty('id');
    }
    const contract = buildContract(s);
    expect(validateWith(contract, { displayName: 'x' })).toEqual({ valid: true });
    expect(validateWith(contract, { displayName: 'x' }, { strict: true })).toMatchObject({
      valid: false,
      errors: expect.arrayContaining([expect.objectContaining({ path: '/url', rule: 'required' })]),
    });
  });

  it("the response's type is read from the page its link names (Intune's are named after their area)", () => {
    expect(s.types.telecomExpenseManagementPartner).toMatchObject({ kind: 'complex' });
    const get = spec('intune-tem-telecomexpensemanagementpartner-get');
    expect(Object.keys(get.types)).toEqual(['telecomExpenseManagementPartner']);
  });

  it('an update page with the same sentence requires nothing: it speaks of the create', () => {
    const update = spec('intune-tem-telecomexpensemanagementpartner-update');
    expect(update.requestBody.properties.some((p) => p.constraints.some((c) => c.kind === 'required'))).toBe(false);
  });
});
