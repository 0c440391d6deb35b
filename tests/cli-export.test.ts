/** `docspec openapi` and `docspec json-schema` from the command line: JSON out, --out written, bad usage exits 2. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/pages.js';

const work = mkdtempSync(join(tmpdir(), 'docspec-export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [join(ROOT, 'bin/docspec.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

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

  it('bad usage: one line, exit 2', async () => {
    for (const [args, message] of [
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
