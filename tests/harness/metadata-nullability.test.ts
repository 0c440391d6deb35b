/**
 * Microsoft's metadata on `null`: a body property the CSDL declares `Nullable="false"` is never sent as `null`
 * as valid, and a server accepting `null` there is warned, not failed; the docs do not forbid it. Read from
 * a small CSDL file beside the bundled Update user spec, and through the command line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsdl } from '../../generator/read/csdl.js';
import { brokenFamilies, toleratedFamilies, validBody } from '../../harness/arbitraries/body.js';
import { withMetadata } from '../../harness/model/metadata-nullability.js';
import { certifyServer } from '../../harness/run/certify-server.js';
import { createUserService, REFERENCE_USER_ID } from '../implementations/servers/reference.js';
import { runCli } from '../support/cli.js';
import { bundled } from '../support/pages.js';

const CSDL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="user" OpenType="true">
        <Property Name="birthday" Type="Edm.DateTimeOffset" Nullable="false" />
        <Property Name="jobTitle" Type="Edm.String" />
      </EntityType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;
const model = readCsdl({ file: 'v1.0.csdl', text: CSDL });
const spec = withMetadata(bundled('v1.0'), model);
const birthday = spec.requestBody.properties.find((p) => p.name === 'birthday')!;

describe('a property the metadata declares Nullable="false"', () => {
  it('gets an advised not-nullable rule citing the metadata line; one it leaves nullable gets none', () => {
    expect(birthday.constraints).toContainEqual(
      expect.objectContaining({ kind: 'notNullable', strength: 'advisory', source: { file: 'v1.0.csdl', line: 6, column: expect.any(Number) } }),
    );
    expect(spec.requestBody.properties.find((p) => p.name === 'jobTitle')!.constraints.some((c) => c.kind === 'notNullable')).toBe(false);
    // Without the metadata, birthday is sent as null now and then.
    expect(fc.sample(validBody(bundled('v1.0')), { numRuns: 300, seed: 7 }).some((b) => b.birthday === null)).toBe(true);
  });

  it('is never sent as null as valid, and sending null is a tolerance', () => {
    expect(fc.sample(validBody(spec), { numRuns: 300, seed: 7 }).some((b) => b.birthday === null)).toBe(false);
    expect(brokenFamilies(spec).some((f) => f.target === 'birthday' && f.rule === 'not-nullable')).toBe(false);
    const family = toleratedFamilies(spec).find((f) => f.target === 'birthday' && f.rule === 'not-nullable');
    expect(family?.tolerance).toBe('advisory');
  });

  it('a server taking null there passes with a warning; a strict run fails it', async () => {
    const service = createUserService();
    const run = (strict: boolean) =>
      certifyServer({
        spec: bundled('v1.0'),
        metadata: model,
        handler: (r) => service.handle(r),
        params: { id: REFERENCE_USER_ID },
        seed: 3,
        runs: 10,
        strict,
        checks: ['rejects-invalid/birthday'],
      });
    const lenient = await run(false);
    expect(lenient.verdict).toBe('pass');
    expect(lenient.checks.find((c) => c.id === 'rejects-invalid/birthday/not-nullable/advisory')?.status).toBe('warning');
    expect((await run(true)).verdict).toBe('fail');
  });
});

describe('certify server --metadata', () => {
  const work = mkdtempSync(join(tmpdir(), 'docspec-metadata-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('refuses a file that is not CSDL, naming its line, before any request', async () => {
    const bad = join(work, 'bad.csdl');
    writeFileSync(bad, '<edmx:Edmx>\n  <Schema>\n</edmx:Edmx>\n');
    const r = await runCli(['certify', 'server', '--spec', 'spec/user-update.v1.0.json', '--base-url', 'http://127.0.0.1:9/v1.0', '--metadata', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.csdl:\d+:\d+: not CSDL metadata/);
  });
});
