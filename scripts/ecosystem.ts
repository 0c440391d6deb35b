/**
 * `npm run ecosystem`: the OpenAPI export of v1.0 "Update user" run as is by the tools people already run on
 * OpenAPI, against the bundled reference server on loopback:
 *
 * - Dredd 14 runs the 3.0 export (it does not read 3.1) with nothing added but the token header;
 * - Prism 5 (`prism mock`) serves the 3.1 export and answers each of the docs' example requests with the
 *   documented status, and refuses a body that breaks a documented rule;
 * - Portman builds a Postman collection from the 3.1 export with its default configuration, and newman runs
 *   it against the reference server.
 *
 * The tools are installed from the npm registry into their own folders (`DOCSPEC_TOOLS`, by default
 * `<tmp>/docspec-ecosystem-tools`), never into the project. Exit 0 when every tool passes, 1 otherwise.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { listen } from '../tests/implementations/servers/listen.js';
import { createUserService } from '../tests/implementations/servers/reference.js';

const ROOT = new URL('..', import.meta.url).pathname;
const SPEC = 'spec/user-update.v1.0.json';

/** Pinned: the versions this script was checked with. Portman 1.33.0 needs tslib without declaring it. */
const TOOLS = {
  dredd: { packages: ['dredd@14.1.0'], bin: 'dredd' },
  prism: { packages: ['@stoplight/prism-cli@5.16.0'], bin: 'prism' },
  portman: { packages: ['@apideck/portman@1.33.0', 'newman@6.2.2', 'tslib@2.8.1'], bin: 'portman' },
} as const;

type Tool = keyof typeof TOOLS;

const toolsDir = process.env.DOCSPEC_TOOLS ?? join(tmpdir(), 'docspec-ecosystem-tools');

function binOf(tool: Tool, bin: string = TOOLS[tool].bin): string {
  return join(toolsDir, tool, 'node_modules', '.bin', bin);
}

function install(tool: Tool): void {
  const dir = join(toolsDir, tool);
  const stamp = join(dir, 'installed.json');
  const wanted = JSON.stringify(TOOLS[tool].packages);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && existsSync(binOf(tool))) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `docspec-${tool}`, private: true })}\n`);
  process.stderr.write(`installing ${TOOLS[tool].packages.join(' ')} into ${dir} …\n`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...TOOLS[tool].packages], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  writeFileSync(stamp, wanted);
}

interface Run {
  code: number | null;
  output: string;
}

/** Runs a tool to its end (killed after 5 minutes: a hung tool is a failure, not a stuck script). */
function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      // Some tools colour their output whatever NO_COLOR says.
      resolve({ code, output: stripVTControlCharacters(output) });
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Waits for a line of a long-running child's output, or its early end. */
function waitFor(child: ChildProcess, pattern: RegExp, log: { text: string }): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 120_000);
    const onData = (d: Buffer) => {
      log.text += d;
      if (pattern.test(log.text)) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface Verdict {
  tool: string;
  document: string;
  ok: boolean;
  detail: string;
}

type Doc = { paths: Record<string, Record<string, Operation>> };
type Operation = {
  parameters?: { name: string; in: string; example?: string }[];
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, unknown>;
};

/** Every example request the document holds: its path with parameter examples filled in, body and status. */
function exampleRequests(doc: Doc): { method: string; path: string; body: unknown; status: number }[] {
  const out: { method: string; path: string; body: unknown; status: number }[] = [];
  for (const [template, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(op.parameters?.find((p) => p.name === name)?.example ?? ''));
      const status = Math.min(
        ...Object.keys(op.responses)
          .filter((s) => /^2\d\d$/.test(s))
          .map(Number),
      );
      for (const media of Object.values(op.requestBody?.content ?? {}))
        for (const ex of Object.values(media.examples ?? {})) out.push({ method: method.toUpperCase(), path, body: ex.value, status });
    }
  return out;
}

async function dredd(doc30: string, baseUrl: string, token: string, work: string): Promise<Verdict> {
  const r = await run(binOf('dredd'), [doc30, baseUrl, '--header', `Authorization: Bearer ${token}`, '--no-color'], work);
  const m = /complete: (\d+) passing, (\d+) failing, (\d+) errors, (\d+) skipped/.exec(r.output);
  const ok = r.code === 0 && !!m && Number(m[1]) > 0 && m[2] === '0' && m[3] === '0';
  return { tool: TOOLS.dredd.packages.join(' '), document: '3.0', ok, detail: m ? m[0].replace('complete: ', '') : lastLines(r.output) };
}

async function prism(doc31: string, work: string, token: string): Promise<Verdict> {
  const port = await freePort();
  const child = spawn(binOf('prism'), ['mock', doc31, '-h', '127.0.0.1', '-p', String(port)], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = { text: '' };
  try {
    if (!(await waitFor(child, /Prism is listening/, log))) return { tool: TOOLS.prism.packages[0], document: '3.1', ok: false, detail: lastLines(log.text) };
    const doc = JSON.parse(readFileSync(doc31, 'utf8')) as Doc;
    const requests = exampleRequests(doc);
    const wrong: string[] = [];
    for (const req of requests) {
      const res = await fetch(`http://127.0.0.1:${port}${req.path}`, {
        method: req.method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(req.body),
      });
      if (res.status !== req.status) wrong.push(`${req.method} ${req.path} → ${res.status}, docs say ${req.status}`);
    }
    // The exported rules are enforced: a body that breaks one (accountEnabled is a Boolean) is refused.
    const first = requests[0]!;
    const broken = await fetch(`http://127.0.0.1:${port}${first.path}`, {
      method: first.method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ accountEnabled: 'yes' }),
    });
    const refused = broken.status === 422;
    const ok = requests.length > 0 && wrong.length === 0 && refused;
    const detail = `${requests.length - wrong.length} of ${requests.length} example requests answered with the documented status; a broken body got ${broken.status}${wrong.length ? `; ${wrong.join('; ')}` : ''}`;
    return { tool: TOOLS.prism.packages[0], document: '3.1', ok, detail };
  } finally {
    await stop(child);
  }
}

async function portman(doc31: string, baseUrl: string, token: string, work: string): Promise<Verdict> {
  const tool = TOOLS.portman.packages.slice(0, 2).join(' + ');
  const generated = await run(binOf('portman'), ['-l', doc31, '-b', baseUrl, '-o', 'collection.json'], work);
  if (generated.code !== 0 || !existsSync(join(work, 'collection.json'))) return { tool, document: '3.1', ok: false, detail: lastLines(generated.output) };
  const r = await run(
    binOf('portman', 'newman'),
    ['run', 'collection.json', '--env-var', `bearerToken=${token}`, '--reporters', 'json', '--reporter-json-export', 'newman.json'],
    work,
  );
  if (!existsSync(join(work, 'newman.json'))) return { tool, document: '3.1', ok: false, detail: lastLines(r.output) };
  const stats = (JSON.parse(readFileSync(join(work, 'newman.json'), 'utf8')) as { run: { stats: Record<string, { total: number; failed: number }> } }).run
    .stats;
  const { requests, assertions } = stats as { requests: { total: number; failed: number }; assertions: { total: number; failed: number } };
  const ok = r.code === 0 && requests.total > 0 && requests.failed === 0 && assertions.failed === 0;
  return { tool, document: '3.1', ok, detail: `${requests.total} requests, ${assertions.total} assertions, ${requests.failed + assertions.failed} failed` };
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ');
}

async function main(): Promise<number> {
  for (const tool of Object.keys(TOOLS) as Tool[]) install(tool);
  const work = mkdtempSync(join(tmpdir(), 'docspec-ecosystem-'));
  const token = randomBytes(12).toString('hex');
  const server = await listen(createUserService().handle);
  try {
    const doc30 = join(work, 'user-update.v1.0.openapi-3.0.json');
    const doc31 = join(work, 'user-update.v1.0.openapi-3.1.json');
    const cli = join(ROOT, 'bin/docspec.js');
    execFileSync(process.execPath, [cli, 'openapi', '--spec', SPEC, '--openapi', '3.0', '--out', doc30], { cwd: ROOT, stdio: 'ignore' });
    execFileSync(process.execPath, [cli, 'openapi', '--spec', SPEC, '--out', doc31], { cwd: ROOT, stdio: 'ignore' });
    const baseUrl = `${server.origin}/v1.0`;
    const verdicts = [await dredd(doc30, baseUrl, token, work), await prism(doc31, work, token), await portman(doc31, baseUrl, token, work)];
    process.stdout.write(`The OpenAPI export of ${SPEC}, run as is (reference server at ${baseUrl}):\n\n`);
    process.stdout.write('| tool | export | result | verdict |\n|---|---|---|---|\n');
    for (const v of verdicts) process.stdout.write(`| ${v.tool} | ${v.document} | ${v.detail} | ${v.ok ? 'pass' : 'FAIL'} |\n`);
    return verdicts.every((v) => v.ok) ? 0 : 1;
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
