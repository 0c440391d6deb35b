/**
 * `describeConformance`: used here as a user would (the reference server, every check its own passing
 * `it`), and run in a child vitest on a seeded defect, whose failing `it` must be the right check and carry
 * the shrunk counterexample and the docs line.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { describeConformance } from '../../harness/vitest.js';
import { createUserService, REFERENCE_USER_ID } from '../implementations/servers/reference.js';
import fetchClient from '../implementations/clients/fetch-client.js';
import { ROOT } from '../support/pages.js';

const spec = JSON.parse(readFileSync(join(ROOT, 'spec/user-update.v1.0.json'), 'utf8')) as OperationSpec;
const service = createUserService();

describeConformance('reference server (in-process)', {
  spec,
  server: { handler: (r) => service.handle(r), params: { id: REFERENCE_USER_ID } },
  runs: 15,
  seed: 3,
});
describeConformance('fetch client', { spec, client: { adapter: fetchClient }, runs: 15, seed: 3 });

describe('describeConformance in a user test file', () => {
  it('fails the intended check with the counterexample and the docs line; the others pass', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docspec-vitest-'));
    const out = join(dir, 'result.json');
    const config = join(ROOT, 'tests/fixtures/conformance/vitest.config.ts');
    try {
      await promisify(execFile)(
        process.execPath,
        [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', config, '--reporter=json', `--outputFile=${out}`],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      ).catch((e: { code?: number }) => {
        // vitest exits 1 when a test fails, which is the point here.
        if (e.code !== 1) throw e;
      });
      const result = JSON.parse(readFileSync(out, 'utf8')) as {
        testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
      };
      const tests = result.testResults.flatMap((f) => f.assertionResults);
      expect(tests.map((t) => [t.title, t.status])).toEqual([
        ['success-status', 'passed'],
        ['rejects-invalid', 'failed'],
      ]);
      const message = tests[1]!.failureMessages.join('\n');
      expect(message).toContain('rejects-invalid/companyName/max-length');
      expect(message).toMatch(/spec\/sources\/v1\.0\/user-update\.txt:\d+/);
      // The shrunk counterexample: a company name one character over the limit.
      expect(message).toMatch(/"companyName":\s*"[^"]{65}"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
