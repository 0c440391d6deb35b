/**
 * The package as a user gets it: `npm pack`, install the tarball into a fresh project, type-check an import
 * of the API, the generated types and a bundled spec under `tsc --strict` (library types included), run
 * it, and run `npx docspec --help` from that project.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/pages.js';

const exec = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'docspec-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CONSUMER = `import { certifyServer, diffSpecs, openApiDocument, type CertifyReport, type OperationSpec } from 'docspec';
import { validateRequestBody, type RequestBody } from 'docspec/generated/user-update/v1.0';
import spec from 'docspec/spec/user-update.v1.0.json' with { type: 'json' };

const body: RequestBody = { companyName: 'Contoso', usageLocation: 'US' };
// @ts-expect-error the docs type companyName as String
const wrong: RequestBody = { companyName: 42 };
void wrong;
const typed = spec as unknown as OperationSpec;
const overlong = validateRequestBody({ companyName: 'x'.repeat(65) });
const report: CertifyReport = await certifyServer({
  spec: typed,
  handler: () => new Response(null, { status: 204 }),
  runs: 1,
  seed: 1,
  checks: ['success-status'],
});
console.log(JSON.stringify({
  valid: validateRequestBody(body).valid,
  overlong: overlong.valid ? [] : overlong.errors.map((e) => e.rule),
  drift: diffSpecs(typed, typed).changes.length,
  openapi: openApiDocument(typed)['openapi'],
  verdict: report.verdict,
}));
`;

describe('npm pack → a fresh consumer project', () => {
  it('installs, type-checks strictly, runs, and has the docspec command', async () => {
    // dist/ is built by npm ci (prepare); rebuilding here would rewrite it under the CLI tests running alongside.
    await exec('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    expect(tarball).toMatch(/^docspec-\d+\.\d+\.\d+\.tgz$/);
    const app = join(work, 'consumer');
    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { docspec: `file:../${tarball}` } }),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2022', 'dom'],
          resolveJsonModule: true,
          skipLibCheck: false,
          types: [],
          outDir: 'out',
        },
        include: ['index.ts'],
      }),
    );
    writeFileSync(join(app, 'index.ts'), CONSUMER);
    await exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app });
    // The repository's own compiler: the consumer is checked, not docspec's sources.
    await exec(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app]).catch((e: { stdout: string }) => {
      throw new Error(`tsc --strict failed in the consumer:\n${e.stdout}`);
    });
    const run = await exec(process.execPath, [join(app, 'out/index.js')], { cwd: app });
    expect(JSON.parse(run.stdout)).toEqual({ valid: true, overlong: ['max-length'], drift: 0, openapi: '3.1.0', verdict: 'pass' });
    const help = await exec('npx', ['--no-install', 'docspec', '--help'], { cwd: app });
    expect(help.stdout).toMatch(/^docspec \d+\.\d+\.\d+ — /);
    for (const command of ['generate', 'drift', 'matrix', 'openapi', 'json-schema', 'certify server', 'certify client', 'certify connector'])
      expect(help.stdout).toContain(command);
  });
});
