/**
 * The docs keep up with the code: the README's generated tables match the registries, every diagnostic the
 * generator reports is registered with its severity, and every command's --help lists each option it
 * accepts with a default (or says it is required).
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { refreshReadme } from '../scripts/readme-tables.js';
import { labelledSamples } from '../scripts/labelled-samples.js';
import { DIAGNOSTIC_RULES } from '../generator/ir/diagnostic-rules.js';
import type { Spec } from '../generator/ir/ir.js';
import { runCli } from './support/cli.js';
import { ROOT } from './support/pages.js';

describe('README', () => {
  it('has the rule and diagnostics tables the registries generate (run `npm run docs` to refresh)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(refreshReadme(readme, { samples: labelledSamples() }) === readme, 'README tables are stale: run npm run docs').toBe(true);
  });

  it("links only to headings it has: every #anchor of the contents line is a section's", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    // GitHub's anchors: the heading in lower case, punctuation dropped, spaces as dashes.
    const anchors = new Set(
      [...readme.matchAll(/^#+ (.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^\p{L}\p{N} -]/gu, '')
          .replace(/ /g, '-'),
      ),
    );
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
  });

  it('registers every diagnostic the bundled specs hold, with the severity they report', () => {
    for (const v of ['beta', 'v1.0', 'localtest', 'intune', 'connector']) {
      const spec = JSON.parse(readFileSync(join(ROOT, `spec/user-update.${v}.json`), 'utf8')) as Spec;
      for (const d of spec.diagnostics) {
        expect(DIAGNOSTIC_RULES, d.rule).toHaveProperty(d.rule);
        expect(d.severity, d.rule).toBe(DIAGNOSTIC_RULES[d.rule as keyof typeof DIAGNOSTIC_RULES].severity);
      }
    }
  });
});

describe('--help', () => {
  const help = async (args: string[]) => (await runCli(args)).stdout;

  /** Each option with its continuation lines, from `  --name` to the next option or blank line. */
  const optionsOf = (text: string) => {
    const out: string[] = [];
    for (const line of text.split('\n')) {
      if (/^ {2}(-[a-z], )?--[a-z]/.test(line)) out.push(line);
      else if (/^ {6,}\S/.test(line) && out.length) out[out.length - 1] += ` ${line.trim()}`;
      else if (!line.trim()) out.push('');
    }
    return out.filter(Boolean);
  };

  it.each(['drift', 'matrix', 'openapi', 'json-schema', 'certify server', 'certify client', 'certify connector'])(
    'docspec %s --help: every option with its default',
    async (command) => {
      const text = await help([...command.split(' '), '--help']);
      expect(text).toMatch(/^Usage: docspec /);
      const options = optionsOf(text);
      expect(options.length).toBeGreaterThan(0);
      for (const line of options) expect(line, line).toMatch(/default|required|this help/i);
    },
  );

  it('docspec --help lists every command, and the options of generate with defaults', async () => {
    const text = await help(['--help']);
    for (const c of ['generate', 'drift', 'matrix', 'openapi', 'json-schema', 'certify server', 'certify client', 'certify connector'])
      expect(text).toContain(`  ${c}`);
    for (const line of optionsOf(text.slice(text.indexOf('Options of generate:'), text.indexOf('-h, --help')))) expect(line, line).toMatch(/default/i);
  });
});

describe('README quick start', () => {
  const block = /<!-- try-it:start -->\n```sh\n([\s\S]*?)```\n<!-- try-it:end -->/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))?.[1];
  const runBlock = (text: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile('bash', ['-e', '-c', text], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 }, (e, stdout, stderr) =>
        resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  const OLD_WALKTHROUGH_PORT = 18080;
  /** A server that is not ours, on the port the walkthrough once hard-coded (or any port when that one is taken). */
  let foreign: { port: number; requests: number; close: () => Promise<void> };
  beforeAll(async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.writeHead(204).end();
    });
    const port = await new Promise<number>((resolve) => {
      server.once('error', () => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
      server.listen(OLD_WALKTHROUGH_PORT, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
    foreign = {
      port,
      get requests() {
        return requests;
      },
      close: () => new Promise<void>((done) => server.close(() => done())),
    };
  });
  afterAll(() => foreign.close());

  it('the try-it commands run as written and certify their own server, not one already listening', async () => {
    expect(block).toBeDefined();
    const r = await runBlock(block!);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/: pass — 98 passed, 0 failed, 0 warnings/);
    expect(r.stdout).toContain('## docspec drift');
    expect(r.stdout).toContain('`assignedLicenses`');
    expect(foreign.requests).toBe(0);
  });

  it('when its server cannot start, the walkthrough fails and certifies nothing', async () => {
    // The same block with the reference server sent to a port that is taken.
    const broken = block!.replace('servers/serve.ts >', `servers/serve.ts ${foreign.port} >`);
    expect(broken).not.toBe(block);
    const r = await runBlock(broken);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`reference server: cannot listen on 127.0.0.1:${foreign.port}: EADDRINUSE`);
    expect(r.stderr).toContain('docspec: certify server needs --base-url URL');
    expect(r.stdout).not.toMatch(/pass/);
    expect(foreign.requests).toBe(0);
  });
});

describe('GitHub Actions workflow', () => {
  it('runs .ci/run, the same job CI runs, on Node 20', () => {
    const workflow = parse(readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8')) as {
      jobs: Record<string, { container?: string; steps: { run?: string; uses?: string }[] }>;
    };
    const jobs = Object.values(workflow.jobs);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.container).toMatch(/^node:20\b/);
    expect(jobs[0]!.steps.map((s) => s.run).filter(Boolean)).toContain('bash .ci/run');
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    for (const step of ['npm ci', 'npm run lint', 'npm test', 'npm run test:corpus']) expect(ci).toContain(`\n${step}`);
  });
});
