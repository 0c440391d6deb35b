import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'docspec-export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[]) => runCli(args);

describe('docspec openapi / json-schema', () => {
  it('prints the OpenAPI document and writes the JSON Schema with --out', async () => {
    const oas = await run(['openapi', '--spec', 'spec/user-update.beta.json']);
    expect(oas.code, oas.stderr).toBe(0);
    expect(JSON.parse(oas.stdout)).toMatchObject({ openapi: '3.1.0', paths: { '/users/{id}': { patch: { operationId: 'user-update-beta' } } } });
    const out = join(work, 'body.schema.json');
    const schema = await run(['json-schema', '--spec', 'spec/user-update.beta.json', '--out', out]);
    expect(schema.code, schema.stderr).toBe(0);
    expect(schema.stdout).toBe('');
    expect(schema.stderr).toMatch(/^docspec: request-body JSON Schema of spec\/user-update\.beta\.json → .*body\.schema\.json\n$/);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' });
  });

  it('merges the spec folder of a generate --docs run into one document, listing what it left out', async () => {
    const out = join(work, 'tree');
    const generated = await run(['generate', '--docs', 'tests/fixtures/docs-tree', '--out', out, '--quiet']);
    expect(generated.code, generated.stderr).toBe(0);
    const file = join(work, 'tree.openapi.json');
    const r = await run(['openapi', '--spec', join(out, 'spec'), '--openapi', '3.0', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      // Sources are the tree's paths, whatever folder the tree was read from.
      /^v1\.0\/api\/widget-update\.md:56:1 warning Example "update_widget" is left out .*openapi-example-left-out$/m,
    );
    expect(r.stderr).toMatch(/^docspec: 1 warning, 1 info \(not listed: 1 openapi-parameter-without-example; --verbose lists them\)$/m);
    expect(r.stderr).toMatch(/^docspec: OpenAPI 3\.0\.3 document of 3 operations \(2 paths\) → .*tree\.openapi\.json$/m);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths['/widgets/{id}'])).toEqual(['get', 'patch']);
    expect(doc.paths['/widgets/{id}'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/microsoft.graph.widget',
    });
  });

  it('bad usage: one line, exit 2', async () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);
    for (const [args, message] of [
      [
        ['openapi', '--spec', 'spec/user-update.v1.0.json', '--spec', 'spec/user-update.beta.json'],
        /several variants \(v1\.0, beta\); choose one with --variant/,
      ],
      [['openapi', '--spec', 'spec', '--variant', 'v2'], /--variant v2: no spec of that variant \(the specs are beta, intune, localtest, v1\.0\)/],
      [['openapi', '--spec', 'spec/user-update.v1.0.json', '--openapi', '2.0'], /--openapi must be 3\.1 or 3\.0, not "2\.0"/],
      [['openapi', '--spec', empty], /empty: no operation spec/],
      [['openapi'], /--spec FILE is required/],
      [['json-schema', 'spec/user-update.beta.json'], /unexpected argument .* after --spec/],
      [['openapi', '--spec', 'spec/user-update.connector.json'], /a connector spec/],
      [['openapi', '--spec', 'nope.json'], /cannot read nope\.json/],
    ] as [string[], RegExp][]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
