/**
 * Pages no rule was written for, from the 2021 reference: the generated validator accepts and refuses
 * exactly at each documented boundary, and every refusal cites the line that states the rule.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContract } from '../../generator/emit/contract.js';
import { validateWith } from '../../generator/emit/runtime.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { bundled, CORPUS, generateFile, lineOf, ROOT } from '../support/pages.js';

const API = join(CORPUS, 'graph-docs-2021-07/api-reference/v1.0/api');
const hasCorpus = existsSync(API);
const page = (name: string) => generateFile(join(API, name), resolve(API)) as OperationSpec;

/** Built on first use: a skipped block (no corpus beside the clone) still runs its body to collect tests. */
function validator(spec: () => OperationSpec) {
  let contract: ReturnType<typeof buildContract> | undefined;
  return (body: unknown) => {
    contract ??= buildContract(spec());
    return validateWith(contract, body);
  };
}

/** The errors of one body, each with the text of the line it cites. */
function refusals(v: ReturnType<typeof validator>, body: unknown) {
  const r = v(body);
  if (r.valid) return [];
  return r.errors.map((e) => {
    const [file, line] = [e.source.slice(0, e.source.lastIndexOf(':')), Number(e.source.slice(e.source.lastIndexOf(':') + 1))];
    return { ...e, line: lineOf(file.startsWith('/') ? file : join(ROOT, file), line) };
  });
}

describe.skipIf(!hasCorpus)('group-post-groups (v1.0, 2021)', () => {
  const spec = () => page('group-post-groups.md');
  const v = validator(spec);
  const base = { displayName: 'Library', mailEnabled: false, mailNickname: 'library', securityEnabled: true };

  it('is a POST whose four Required properties must be sent', () => {
    expect(spec().http.method).toBe('POST');
    expect(v(base)).toEqual({ valid: true });
    for (const name of Object.keys(base)) {
      const { [name]: _, ...rest } = base as Record<string, unknown>;
      const errs = refusals(v, rest);
      expect(
        errs.map((e) => [e.path, e.rule]),
        name,
      ).toEqual([[`/${name}`, 'required']]);
      expect(errs[0]!.line, name).toMatch(new RegExp(`^\\|\\s*${name}\\s*\\|.*Required\\.`));
    }
  });

  it('holds displayName to 256, description to 1024 and mailNickname to 64 characters', () => {
    for (const [name, max, stated] of [
      ['displayName', 256, /Maximum length: 256 characters/],
      ['description', 1024, /Max\. length: 1024 characters/],
      ['mailNickname', 64, /Max\. length: 64 characters/],
    ] as const) {
      expect(v({ ...base, [name]: 'x'.repeat(max) }), name).toEqual({ valid: true });
      const errs = refusals(v, { ...base, [name]: 'x'.repeat(max + 1) });
      expect(
        errs.map((e) => [e.path, e.rule]),
        name,
      ).toEqual([[`/${name}`, 'max-length']]);
      expect(errs[0]!.line).toMatch(stated);
    }
  });

  it('refuses each character the mailNickname row lists, SPACE included, and nothing else', () => {
    for (const ch of ['@', '(', ')', '\\', '[', ']', '"', ';', ':', '.', '<', '>', ',', ' ']) {
      const errs = refusals(v, { ...base, mailNickname: `lib${ch}rary` });
      expect(
        errs.map((e) => e.rule),
        JSON.stringify(ch),
      ).toEqual(['forbidden-chars']);
      expect(errs[0]!.line).toMatch(/These characters cannot be used in the mailNickName/);
    }
    expect(v({ ...base, mailNickname: 'lib-rary_2' })).toEqual({ valid: true });
  });

  it('visibility: Private, Public, HiddenMembership or empty', () => {
    for (const visibility of ['Private', 'Public', 'HiddenMembership', '', null]) {
      expect(v({ ...base, visibility }), String(visibility)).toEqual({ valid: true });
    }
    const errs = refusals(v, { ...base, visibility: 'Secret' });
    expect(errs.map((e) => e.rule)).toEqual(['allowed-values']);
    expect(errs[0]!.line).toMatch(/Possible values are: `Private`, `Public`, `HiddenMembership`, or empty/);
  });
});

describe.skipIf(!hasCorpus)('calendarpermission-update (v1.0, 2021)', () => {
  const v = validator(() => page('calendarpermission-update.md'));

  it('takes the calendarRoleType values from the "calendarRoleType values" section of enums.md', () => {
    expect(v({ role: 'read' })).toEqual({ valid: true });
    const errs = refusals(v, { role: 'owner-ish' });
    expect(errs.map((e) => [e.path, e.rule])).toEqual([['/role', 'enum-type']]);
    expect(errs[0]!.source).toMatch(/resources\/enums\.md:\d+$/);
    expect(errs[0]!.line).toMatch(/^\|Member\|/);
  });
});

describe('the resource page fills what the request row leaves out', () => {
  const v = validator(() => bundled('v1.0'));

  it('city: 128 characters pass, 129 are refused citing resources/user.md', () => {
    expect(v({ city: 'x'.repeat(128) })).toEqual({ valid: true });
    const errs = refusals(v, { city: 'x'.repeat(129) });
    expect(errs.map((e) => [e.path, e.rule])).toEqual([['/city', 'max-length']]);
    expect(errs[0]!.source).toMatch(/resources\/user\.md:\d+$/);
    expect(errs[0]!.line).toMatch(/^\|city\|String\|.*Maximum length is 128 characters/);
  });

  it('a row that states its own limit keeps it (employeeId: 16 from the request table)', () => {
    const errs = refusals(v, { employeeId: 'x'.repeat(17) });
    expect(errs[0]!.source).toMatch(/user-update\.txt:\d+$/);
  });
});

describe.skipIf(!hasCorpus)('every documented status, with its condition', () => {
  const statuses = (name: string) => page(name).responses.map(({ source: _, ...r }) => r);

  it('group-update: 204, and 200 OK only when updating the Exchange properties', () => {
    const spec = page('group-update.md');
    expect(statuses('group-update.md')).toEqual([
      { status: 204, statusText: 'No Content' },
      {
        status: 200,
        statusText: 'OK',
        condition:
          'when updating the following properties: allowExternalSenders, autoSubscribeNewMembers, hideFromAddressLists, hideFromOutlookClients, isSubscribedByMail, unseenCount',
      },
    ]);
    expect(lineOf(spec.responses[1]!.source.file, spec.responses[1]!.source.line)).toMatch(/except a `200 OK` response code/);
  });

  it('group-post-members: the 400 and 404 failures and when they happen', () => {
    expect(statuses('group-post-members.md')).toEqual([
      { status: 204, statusText: 'No Content' },
      { status: 400, statusText: 'Bad Request', condition: 'when the object is already a member of the group' },
      { status: 404, statusText: 'Not Found', condition: "when the object being added doesn't exist" },
    ]);
  });

  it('a list operation returns a collection; "user: assignLicense" is user-assignlicense', () => {
    expect(statuses('group-list.md')).toEqual([{ status: 200, statusText: 'OK', bodyType: 'group', bodyCollection: true }]);
    const assign = page('user-assignlicense.md');
    expect([assign.operation, assign.http.method]).toEqual(['user-assignlicense', 'POST']);
  });
});

describe.skipIf(!hasCorpus)('every method, every path parameter', () => {
  it("group-delete-members: DELETE, and the two {id}s take the example's names", async () => {
    const spec = page('group-delete-members.md');
    expect(spec.http.method).toBe('DELETE');
    expect(spec.http.paths.map((p) => [p.template, p.params.map((x) => [x.name, x.example])])).toEqual([
      [
        '/groups/{id}/members/{id}/$ref',
        [
          ['group-id', 'group-id'],
          ['directory-object-id', 'directory-object-id'],
        ],
      ],
    ]);
    const { openApiDocument } = await import('../../generator/emit/openapi.js');
    const doc = openApiDocument(spec) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(['/groups/{group-id}/members/{directory-object-id}/$ref']);
  });
});

describe.skipIf(!hasCorpus)('response types from resource pages', () => {
  it('beta device-get: a resource row listed twice (model, manufacturer) gives one property', () => {
    const api = join(CORPUS, 'graph-docs-2021-07/api-reference/beta/api');
    const spec = generateFile(join(api, 'device-get.md'), resolve(api)) as OperationSpec;
    const device = spec.types.device;
    expect(device?.kind).toBe('complex');
    if (device?.kind !== 'complex') return;
    const names = device.properties.map((p) => p.name);
    expect(names.filter((n) => n === 'model')).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe.skipIf(!hasCorpus)('a page without a property table', () => {
  it('group-post-members: the body shape and its placeholder come from the example', () => {
    const spec = page('group-post-members.md');
    expect(spec.requestBody.properties.map((p) => [p.name, p.type])).toEqual([['@odata.id', { kind: 'primitive', name: 'String', collection: false }]]);
    expect(spec.requestBody.fromExample).toMatchObject({ example: 'add_member_to_group', placeholders: [{ path: '/@odata.id', name: 'id' }] });
    const v = validator(() => spec);
    expect(v({ '@odata.id': 'https://graph.microsoft.com/v1.0/directoryObjects/5d6d6ed0' })).toEqual({ valid: true });
    expect(refusals(v, { '@odata.id': 42 }).map((e) => e.rule)).toEqual(['type']);
  });
});

describe.skipIf(!hasCorpus)('the request line', () => {
  const beta = join(CORPUS, 'graph-docs-2021-07/api-reference/beta/api');
  const betaPage = (name: string) => generateFile(join(beta, name), resolve(beta)) as OperationSpec;

  it('send-device-command: "POST me/devices/{id}/commands" without its leading slash', () => {
    const spec = betaPage('send-device-command.md');
    expect([spec.http.method, spec.http.paths.map((p) => p.template)]).toEqual(['POST', ['/me/devices/{id}/commands']]);
    expect(spec.diagnostics.map((d) => d.rule)).not.toContain('method-unstated');
  });

  it('a page with no request line and no example says that PATCH is assumed', () => {
    const spec = betaPage('identityproviderbase.md');
    expect(spec.http).toEqual({ method: 'PATCH', paths: [] });
    expect(spec.diagnostics.filter((d) => d.rule === 'method-unstated')).toHaveLength(1);
  });
});
