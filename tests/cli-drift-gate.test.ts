import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import puppeteer from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { CHROMIUM, CHROMIUM_ARGS } from './support/chromium.js';
import { GRAPH_DOCS, hasCorpus, ROOT } from './support/pages.js';

const work = mkdtempSync(join(tmpdir(), 'docspec-gate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[], cwd = ROOT) => runCli(args, { cwd });

const original = readFileSync(join(ROOT, 'spec/sources/beta/user-update.md'), 'utf8');
function page(name: string, text: string): string {
  mkdirSync(join(work, name), { recursive: true });
  const file = join(work, name, 'user-update.md');
  writeFileSync(file, text);
  return file;
}
const tighten = (t: string) => t.replace('The maximum length is 64 characters. |', 'The maximum length is 32 characters. |');
const dropJobTitle = (t: string) => t.replace("|jobTitle|String|The user's job title.|\n", '');
const addNickname = (t: string) =>
  t.replace("|state|String|The state or province in the user's address.|\n", '$&|nickname|String|A short name the user goes by.|\n');
const A = page('a', original);
// Two client-breaking changes only.
const TWO = page('two', dropJobTitle(tighten(original)));
// Those two and a server-breaking one.
const THREE = page('three', addNickname(dropJobTitle(tighten(original))));

type Change = {
  kind: string;
  id: string;
  subject: string;
  breaking: { client: boolean; server: boolean };
  accepted?: { reason: string };
  reason?: string;
  b?: { file: string; line: number };
};
const json = (stdout: string) => JSON.parse(stdout) as { changes: Change[]; failing: number; summary: { accepted: number } };

const ignore = (name: string, lines: string[]) => {
  const file = join(work, name);
  writeFileSync(file, `# operation | change id | subject | reason | expires\n${lines.join('\n')}\n`);
  return file;
};
const ACCEPT_TWO = [
  'user-update | constraint-tightened.maxLength | companyName | the HR system caps it at 32 already',
  'user-update | property-removed | jobTitle | moved to the employee profile | 2999-12-31',
];

describe('permissions by effect', () => {
  const withSentence = (sentence: string) => original.replace('The maximum length is 64 characters. |', `The maximum length is 64 characters. ${sentence} |`);

  it('a permission newly required for a property breaks clients; the same named as least privileged breaks nobody', async () => {
    expect(withSentence('x')).not.toBe(original);
    const required = page('perm-required', withSentence('The User-Company.ReadWrite.All permission is required to update this property.'));
    const r = await run(['drift', A, required, '--format', 'json']);
    expect(r.code).toBe(1);
    const [c] = JSON.parse(r.stdout).changes as (Change & { reason: string })[];
    expect(c).toMatchObject({
      kind: 'constraint-added',
      id: 'constraint-added.requiresPermission.any',
      subject: 'companyName',
      breaking: { client: true, server: false },
    });
    expect(c!.reason).toMatch(/callers A accepted for companyName may lack User-Company\.ReadWrite\.All/);
    // Going back only accepts more callers: nobody breaks.
    const back = await run(['drift', required, A, '--format', 'json']);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout).changes[0].breaking).toEqual({ client: false, server: false });

    const least = page('perm-least', withSentence('User-Company.ReadWrite.All is the least privileged permission to update this property.'));
    const soft = await run(['drift', A, least, '--format', 'json']);
    expect(soft.code).toBe(0);
    expect(JSON.parse(soft.stdout).changes[0]).toMatchObject({ breaking: { client: false, server: false }, reason: expect.stringMatching(/least privileged/) });
  });
});

describe('the gate', () => {
  it('--fail-on client / server fails only on what breaks that side', async () => {
    expect((await run(['drift', A, TWO, '--fail-on', 'client'])).code).toBe(1);
    expect((await run(['drift', A, TWO, '--fail-on', 'server'])).code).toBe(0);
    const onlyServer = page('server', addNickname(original));
    expect((await run(['drift', A, onlyServer, '--fail-on', 'client'])).code).toBe(0);
    expect((await run(['drift', A, onlyServer, '--fail-on', 'server'])).code).toBe(1);
  });

  it('an ignore file accepting two changes passes only when they were the only failing ones', async () => {
    const file = ignore('accept-two', ACCEPT_TWO);
    const before = await run(['drift', A, TWO, '--format', 'json', '--ignore', 'none']);
    expect(before.code).toBe(1);
    expect(json(before.stdout).failing).toBe(2);
    const after = await run(['drift', A, TWO, '--format', 'json', '--ignore', file]);
    expect(after.code, after.stdout).toBe(0);
    const report = json(after.stdout);
    expect(report.failing).toBe(0);
    expect(report.changes.map((c) => c.accepted?.reason)).toEqual(['the HR system caps it at 32 already', 'moved to the employee profile']);
    // A third breaking change is not accepted by the file: the gate still fails, on that one only.
    const three = await run(['drift', A, THREE, '--format', 'json', '--ignore', file]);
    expect(three.code).toBe(1);
    expect(json(three.stdout).failing).toBe(1);
    expect(json(three.stdout).summary.accepted).toBe(2);
    const text = await run(['drift', A, TWO, '--ignore', file]);
    expect(text.stdout).toContain('accepted (client)  constraint-tightened  companyName');
    expect(text.stdout).toMatch(/accepted: moved to the employee profile \(until 2999-12-31\) — .*accept-two:3/);
  });

  it('an expired entry fails again, and says so', async () => {
    const file = ignore('expired', [ACCEPT_TWO[0]!, 'user-update | property-removed | jobTitle | moved to the employee profile | 2001-01-31']);
    const r = await run(['drift', A, TWO, '--ignore', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/expired:3: expired 2001-01-31: user-update \| property-removed \| jobTitle fails again/);
    expect(r.stdout).toContain('accepted until 2001-01-31, which has passed');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('2 changes, 2 breaking (2 for clients, 0 for servers), 1 accepted; 1 fails --fail-on breaking');
  });

  it('.docspec-drift-ignore in the working folder applies by default; an entry that matches nothing is listed', async () => {
    const dir = join(work, 'default');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.docspec-drift-ignore'), `${ACCEPT_TWO.join('\n')}\nuser-update | property-added | nickname | not in this change\n`);
    const r = await run(['drift', A, TWO], dir);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/\.docspec-drift-ignore:3: matches no change: user-update \| property-added \| nickname/);
  });

  it('a broken ignore file: one line naming file and line, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['user-update | property-removed | jobTitle'], /bad:2: expected "operation \| change id \| subject \| reason \| expires \(optional\)", got 3 fields/],
      [['user-update | property-removed | jobTitle |  '], /bad:2: an accepted change needs a reason/],
      [['user-update | property-removed | jobTitle | why | next year'], /bad:2: expiry must be a date YYYY-MM-DD, not "next year"/],
    ];
    for (const [lines, message] of cases) {
      const r = await run(['drift', A, TWO, '--ignore', ignore('bad', lines)]);
      expect(r.code, lines[0]).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
    const missing = await run(['drift', A, TWO, '--ignore', join(work, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope/);
  });

  it('a change keeps its id through unrelated edits (lines moved, other rows reworded)', async () => {
    const unrelated = (t: string) =>
      t
        .replace('\n## HTTP request', '\n\nA new paragraph.\n\nAnother one.\n\n## HTTP request')
        .replace("|state|String|The state or province in the user's address.|", "|state|String|The user's state or province.|");
    const moved = page('moved', unrelated(dropJobTitle(tighten(original))));
    const base = page('moved-a', unrelated(original));
    const first = json((await run(['drift', A, TWO, '--format', 'json'])).stdout).changes;
    const second = json((await run(['drift', base, moved, '--format', 'json'])).stdout).changes;
    expect(readFileSync(moved, 'utf8')).not.toBe(dropJobTitle(tighten(original)));
    expect(second.map((c) => [c.id, c.subject])).toEqual(first.map((c) => [c.id, c.subject]));
    expect(first.map((c) => c.id)).toEqual(['constraint-tightened.maxLength', 'property-removed']);
  });
});

/** `::level props::message`, decoded as GitHub does. */
type Annotation = { level: string; props: Record<string, string>; message: string };
function parseAnnotation(line: string): Annotation | undefined {
  const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
  if (!m) return undefined;
  const decode = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries(
    m[2]!
      .split(',')
      .map((p) => p.split('=') as [string, string])
      .map(([k, v]) => [k, decode(v)]),
  );
  return { level: m[1]!, props, message: decode(m[3]!) };
}

describe('--format github', () => {
  it('one annotation per change on the line of the new page; errors for what fails the gate', async () => {
    const r = await run(['drift', A, THREE, '--format', 'github', '--fail-on', 'client']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    const annotations = lines.map(parseAnnotation);
    expect(annotations.slice(0, -1).every(Boolean), r.stdout).toBe(true);
    expect(lines.at(-1)).toBe('3 changes, 3 breaking (2 for clients, 1 for servers); 2 fail --fail-on client');
    const [tightened, removed, added] = annotations as [Annotation, Annotation, Annotation];
    const newLines = readFileSync(THREE, 'utf8').split('\n');
    expect(tightened.level).toBe('error');
    expect(tightened.props.file).toContain('three/user-update.md');
    expect(newLines[Number(tightened.props.line) - 1]).toMatch(/^\|\s*companyName\s*\|.*32 characters/);
    expect(tightened.message).toContain('companyName: maxLength tightened from 64 to 32');
    expect(tightened.message).toContain('ignore key: user-update | constraint-tightened.maxLength | companyName');
    // A removed row has no line in the new page: the annotation goes on its property table.
    expect(removed.level).toBe('error');
    expect(newLines[Number(removed.props.line) - 1]).toMatch(/^\|\s*Property\s*\|/i);
    expect(removed.message).toMatch(/A: .*a\/user-update\.md:\d+/);
    expect(added.level).toBe('warning');
    expect(newLines[Number(added.props.line) - 1]).toMatch(/^\|\s*nickname\s*\|/);
  });

  it('text with newlines, colons and commas survives the encoding', async () => {
    const { escapeData, escapeProperty } = await import('../generator/report/drift-github.js');
    const text = 'a, b: 100% \n next';
    const decoded = parseAnnotation(`::notice file=${escapeProperty(text)}::${escapeData(text)}`)!;
    expect(decoded.props.file).toBe(text);
    expect(decoded.message).toBe(text);
  });
});

describe.skipIf(!CHROMIUM)('--format html in Chromium', () => {
  it('one self-contained page: each operation, its changes grouped by audience, the gate in colour', async () => {
    const file = join(work, 'drift.html');
    const ignoreFile = ignore('accept-one', [ACCEPT_TWO[1]!]);
    const r = await run(['drift', A, THREE, '--format', 'html', '--out', file, '--ignore', ignoreFile]);
    expect(r.code).toBe(1);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const p = await browser.newPage();
      await p.setViewport({ width: 1200, height: 900, deviceScaleFactor: 1 });
      await p.goto(pathToFileURL(file).href);
      expect(await p.$$eval('section.operation h2', (hs) => hs.map((h) => h.textContent))).toEqual(['user-update']);
      expect(await p.$$eval('section.operation h3', (hs) => hs.map((h) => h.textContent))).toEqual(['Breaks clients (2)', 'Breaks servers (1)']);
      const rows = await p.$$eval('tbody tr', (trs) => trs.map((tr) => [tr.className, tr.querySelector('.subject')!.textContent]));
      expect(rows).toEqual([
        ['fails', 'companyName'],
        ['accepted', 'jobTitle'],
        ['fails', 'nickname'],
      ]);
      expect(await p.$eval('#verdict', (e) => e.className)).toBe('fail');
      const png = PNG.sync.read(Buffer.from(await p.screenshot({ type: 'png' })));
      const badge = async (selector: string) => {
        const box = await p.$eval(selector, (e) => {
          const r = e.getBoundingClientRect();
          return [r.left + 2, r.top + r.height / 2];
        });
        const i = (png.width * Math.round(box[1]!) + Math.round(box[0]!)) << 2;
        return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      };
      expect(await badge('tr.fails .badge')).toEqual([0xff, 0xd7, 0xd5]);
      expect(await badge('tr.accepted .badge')).toEqual([0xdd, 0xf4, 0xff]);
    } finally {
      await browser.close();
    }
  });
});

describe.skipIf(!hasCorpus)('2021 → current v1.0 Update user', () => {
  it('every breaking change is one a client or server breaks on; permission rewording is informational', async () => {
    const r = await run([
      'drift',
      join(GRAPH_DOCS, '_historic-2021-07/v1.0/api/user-update.md'),
      join(GRAPH_DOCS, 'v1.0/api/user-update.md'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    const changes = json(r.stdout).changes;
    const breaking = changes.filter((c) => c.breaking.client || c.breaking.server).map((c) => `${c.kind} ${c.subject}`);
    expect(breaking).toEqual([
      'property-renamed hireDate',
      // Not companyName: 2021's "The maximum length of the company name is 64 characters." is the same limit.
      'constraint-added employeeId',
      'nullability-changed mail',
      'collection-changed otherMails',
      'constraint-added userPrincipalName',
      'property-added customSecurityAttributes',
      'property-added employeeLeaveDateTime',
      'property-added employeeOrgData',
      'group-changed group app-only-forbidden',
      'group-changed group own-request',
      'extensions-changed extensions',
    ]);
    // Limits B's resource page lends (A read none) are reported, as informational, citing that page.
    const lent = changes.filter((c) => /had no resource page at hand/.test(c.reason ?? ''));
    expect(lent.map((c) => c.subject)).toContain('city');
    expect(lent).toHaveLength(12);
    for (const c of lent) {
      expect(c.breaking, c.subject).toEqual({ client: false, server: false });
      expect(c.b?.file, c.subject).toMatch(/resources\/user\.md$/);
    }
    const permissions = changes.filter((c) => c.id.includes('requiresPermission') || c.kind === 'permission-changed');
    expect(permissions.length).toBeGreaterThanOrEqual(5);
    for (const c of permissions) expect(c.breaking, `${c.id} ${c.subject}`).toEqual({ client: false, server: false });
  });
});

describe('spec format versions', () => {
  it('drift between a format-1 spec file and a format-2 one exits 2 with one line naming the version', async () => {
    const old = join(work, 'user-update.v1.0.format1.json');
    const text = readFileSync(join(ROOT, 'spec/user-update.v1.0.json'), 'utf8');
    expect(text).toContain('"formatVersion": 2,');
    writeFileSync(old, text.replace('"formatVersion": 2,', '"formatVersion": 1,'));
    const r = await run(['drift', old, 'spec/user-update.v1.0.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/user-update\.v1\.0\.format1\.json:\d+:\d+: spec format 1; this docspec reads format 2/);
  });
});
