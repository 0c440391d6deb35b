/**
 * Server certification against real implementations: the reference server passes (in-process through msw
 * and over loopback HTTP, also when it throttles), each seeded defect is caught by the check meant for it
 * with a message that names the docs line, runs are reproducible from the seed, and an implementation that
 * never answers is inconclusive rather than failed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { brokenFamilies, toleratedFamilies } from '../../harness/arbitraries/body.js';
import { certifyServer } from '../../harness/run/certify-server.js';
import { DEFECTS } from '../implementations/servers/defects.js';
import { flaky, type Listening, listen } from '../implementations/servers/listen.js';
import { createUserService, REFERENCE_USER_ID } from '../implementations/servers/reference.js';
import { ROOT } from '../support/pages.js';

const spec = JSON.parse(readFileSync(join(ROOT, 'spec/user-update.v1.0.json'), 'utf8')) as OperationSpec;
const lineOf = (source: string) => {
  const [file, line] = [source.slice(0, source.lastIndexOf(':')), Number(source.slice(source.lastIndexOf(':') + 1))];
  return readFileSync(join(ROOT, file), 'utf8').split('\n')[line - 1] ?? '';
};

describe('the reference server', () => {
  it('passes every check in-process through msw, covering each check family', async () => {
    const service = createUserService();
    const report = await certifyServer({ spec, handler: (r) => service.handle(r), params: { id: REFERENCE_USER_ID }, seed: 11, runs: 30 });
    // The Update user page gives no error status with its case, nor asks for an If-Match: those checks have
    // nothing to send.
    expect(report.checks.filter((c) => c.status !== 'pass').map((c) => [c.id, c.status])).toEqual([
      ['documented-errors', 'skipped'],
      ['if-match', 'skipped'],
    ]);
    expect(report.verdict).toBe('pass');
    expect(new Set(report.checks.map((c) => c.check))).toEqual(
      new Set([
        'examples',
        'success-status',
        'rejects-invalid',
        'documented-errors',
        'error-envelope',
        'auth-required',
        'if-match',
        'content-type',
        'addressing',
        'read-only',
        'stateful',
      ]),
    );
    // The examples phase: each of the page's five example requests, sent once, accepted.
    expect(report.checks.filter((c) => c.check === 'examples').map((c) => [c.id, c.status, c.runs])).toEqual(
      spec.examples.map((e) => [`examples/${e.name}`, 'pass', 1]),
    );
    // One rejects-invalid case per mined constraint and per property's JSON type.
    expect(report.checks.filter((c) => c.check === 'rejects-invalid').length).toBeGreaterThan(spec.requestBody.properties.length);
    expect(report.checks.map((c) => c.id)).toEqual(expect.arrayContaining(['addressing/id', 'addressing/userPrincipalName', 'addressing/me']));
  });

  it("fails a server that refuses the page's own example, citing the example's line", async () => {
    const service = createUserService();
    // A server that refuses to change passwords: the page's third example shows the change accepted.
    const handler = async (r: Request) => {
      const text = r.method === 'PATCH' ? await r.clone().text() : '';
      return text.includes('"passwordProfile"') ? Response.json({ error: { code: 'Request_BadRequest', message: 'no' } }, { status: 400 }) : service.handle(r);
    };
    const report = await certifyServer({ spec, handler, params: { id: REFERENCE_USER_ID }, seed: 3, runs: 5, checks: ['examples'] });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual(
      spec.examples.map((e) => [`examples/${e.name}`, e.name.startsWith('example_3') ? 'fail' : 'pass']),
    );
    const failed = report.checks.find((c) => c.status === 'fail')!;
    expect(lineOf(failed.source!).trim()).toBe('PATCH https://graph.microsoft.com/v1.0/users/{id}');
    expect(failed.expected).toMatch(/^204 No Content with an empty body, as the page's own example shows$/);
    expect(failed.received).toMatch(/^400/);
  });

  it('fails a server that writes a property the resource page marks read-only, and passes one that ignores it', async () => {
    const readOnly = new Set(spec.requestBody.resourceReadOnly!.map((r) => r.property));
    // A store that takes any key of an update, or all but the read-only ones.
    const store = (writesReadOnly: boolean) => {
      const user: Record<string, unknown> = { id: REFERENCE_USER_ID, displayName: 'Adele', createdDateTime: '2020-01-01T00:00:00Z' };
      return async (r: Request) => {
        if (r.method === 'PATCH') {
          for (const [k, v] of Object.entries((await r.json()) as Record<string, unknown>)) if (writesReadOnly || !readOnly.has(k)) user[k] = v;
          return new Response(null, { status: 204 });
        }
        const select = new URL(r.url).searchParams.get('$select')?.split(',');
        return Response.json(select ? Object.fromEntries(select.map((k) => [k, user[k] ?? null])) : user);
      };
    };
    const run = (writesReadOnly: boolean) =>
      certifyServer({ spec, handler: store(writesReadOnly), params: { id: REFERENCE_USER_ID }, seed: 5, runs: 20, checks: ['read-only'] });
    const ignoring = await run(false);
    expect(ignoring.checks.map((c) => [c.id, c.status])).toEqual([['read-only', 'pass']]);
    const writing = await run(true);
    const failed = writing.checks[0]!;
    expect(failed.status).toBe('fail');
    expect(failed.received).toMatch(/^200 .*: \w+ is "(docspec-read-only-probe|2001-02-03T04:05:06Z)", as written$/);
    // It cites the resource page's line that marks the property read-only.
    expect(failed.source).toMatch(/^spec\/sources\/graph-docs\/v1\.0\/resources\/user\.md:\d+$/);
    expect(lineOf(failed.source!)).toContain('Read-only');
  });

  describe('over real HTTP on loopback', () => {
    let server: Listening;
    let throttled: Listening;
    beforeAll(async () => {
      const service = createUserService();
      server = await listen((r) => service.handle(r));
      const other = createUserService();
      throttled = await listen(flaky((r) => other.handle(r), 0.1, 99));
    });
    afterAll(async () => {
      await server.close();
      await throttled.close();
    });

    it('reaches a *.localhost name on loopback without asking DNS (which knows no such name here)', async () => {
      const port = new URL(server.origin).port;
      const report = await certifyServer({
        spec,
        baseUrl: `http://docspec-probe.localhost:${port}/v1.0`,
        params: { id: REFERENCE_USER_ID },
        runs: 2,
        seed: 12,
        checks: ['success-status'],
      });
      expect(report.checks.map((c) => [c.id, c.status])).toEqual([['success-status', 'pass']]);
    });

    it('passes', async () => {
      // Over HTTP the point is the transport, not more values: the in-process run above draws those.
      const report = await certifyServer({ spec, baseUrl: `${server.origin}/v1.0`, params: { id: REFERENCE_USER_ID }, runs: 5, seed: 12 });
      // The Update user page gives no error status with its case: that check has nothing to send.
      expect(report.checks.filter((c) => c.status !== 'pass').map((c) => [c.id, c.status])).toEqual([
        ['documented-errors', 'skipped'],
        ['if-match', 'skipped'],
      ]);
      // Every case ran, each with its 5 runs: one per broken-body family (tolerated ones too) plus the other eight checks' cases;
      // and documented-errors and if-match skipped. Each of the page's examples is sent once.
      expect(report.checks).toHaveLength(brokenFamilies(spec).length + toleratedFamilies(spec).length + 11 + spec.examples.length);
      expect(report.checks.every((c) => c.runs === (c.check === 'examples' ? 1 : 5) || c.status === 'skipped')).toBe(true);
      expect(report.stats.requests).toBeGreaterThan(5 * report.checks.filter((c) => c.check !== 'examples').length);
      expect(report.stats.retries).toBe(0);
    });

    it('passes when 10% of requests answer 429 with Retry-After: 0, and counts the retries', async () => {
      const report = await certifyServer({ spec, baseUrl: `${throttled.origin}/v1.0`, params: { id: REFERENCE_USER_ID }, runs: 15, seed: 13 });
      // The Update user page gives no error status with its case: that check has nothing to send.
      expect(report.checks.filter((c) => c.status !== 'pass').map((c) => [c.id, c.status])).toEqual([
        ['documented-errors', 'skipped'],
        ['if-match', 'skipped'],
      ]);
      expect(report.stats.retries / report.stats.requests).toBeGreaterThan(0.05);
      expect(report.stats.retries / report.stats.requests).toBeLessThan(0.15);
    });
  });
});

describe('reproducibility', () => {
  /** The requests a run sends, in order (a fresh reference each time). */
  async function requests(seed: number): Promise<{ sent: string[]; verdict: string }> {
    const service = createUserService();
    const sent: string[] = [];
    const report = await certifyServer({
      spec,
      handler: async (r) => {
        sent.push(`${r.method} ${r.url} ${r.headers.get('authorization')} ${await r.clone().text()}`);
        return service.handle(r);
      },
      params: { id: REFERENCE_USER_ID },
      runs: 15,
      seed,
    });
    return { sent, verdict: report.verdict };
  }

  it('the same seed sends the same requests and gives the same verdict; another seed sends others', async () => {
    const a = await requests(2024);
    const b = await requests(2024);
    const c = await requests(2025);
    expect(a.sent.length).toBeGreaterThan(500);
    expect(b).toEqual(a);
    expect(c.sent).not.toEqual(a.sent);
  });
});

describe('transient failures', () => {
  it('a server that keeps answering 503 makes the verdict inconclusive, never fail', async () => {
    const report = await certifyServer({
      spec,
      handler: () => new Response('busy', { status: 503, headers: { 'Retry-After': '0' } }),
      params: { id: REFERENCE_USER_ID },
      runs: 5,
      seed: 1,
      retry: { retries: 2 },
    });
    expect(report.verdict).toBe('inconclusive');
    expect(report.checks).toEqual([expect.objectContaining({ id: 'reachable', status: 'inconclusive', message: expect.stringContaining('answered 503') })]);
  });

  it('throttling that starts mid-run ends the affected cases inconclusive', async () => {
    const service = createUserService();
    let n = 0;
    const report = await certifyServer({
      spec,
      handler: (r) => (++n > 300 ? new Response(null, { status: 429, headers: { 'Retry-After': '0' } }) : service.handle(r)),
      params: { id: REFERENCE_USER_ID },
      runs: 20,
      seed: 1,
      retry: { retries: 2 },
    });
    expect(report.verdict).toBe('inconclusive');
    expect(report.checks.some((c) => c.status === 'pass')).toBe(true);
    expect(report.checks.some((c) => c.status === 'fail')).toBe(false);
  });
});

describe.each(DEFECTS.map((d) => [d.name, d] as const))('seeded defect %s', (_name, defect) => {
  it(`is caught by ${defect.caughtBy} within the default runs, naming the docs line`, async () => {
    const service = createUserService(defect.steps);
    const report = await certifyServer({ spec, handler: (r) => service.handle(r), params: { id: REFERENCE_USER_ID }, seed: 5, checks: [defect.caughtBy] });
    expect(report.verdict).toBe('fail');
    const failed = report.checks.find((c) => c.status === 'fail')!;
    expect(failed.id.startsWith(defect.caughtBy)).toBe(true);
    expect(failed.source).toMatch(/^spec\/sources\/v1\.0\/user-update\.txt:\d+$/);
    expect(failed.message).toContain(failed.source);
    expect(lineOf(failed.source!)).toContain(defect.lineHolds);
    expect(failed.counterexample).toBeDefined();
  });
});

describe('one defect does not hide the next', () => {
  const answers200 = DEFECTS.find((d) => d.name === 'answers-200-with-the-user')!;
  /** The success-status case alone, against the user reference with `steps` swapped in. */
  const successStatusOf = (steps: typeof answers200.steps) => {
    const service = createUserService(steps);
    return certifyServer({ spec, handler: (r) => service.handle(r), params: { id: REFERENCE_USER_ID }, seed: 8, runs: 20, checks: ['success-status'] });
  };

  it('a 200 with a body where the docs say 204 No Content: the status and the body, each with its own counterexample', async () => {
    const report = await successStatusOf(answers200.steps);
    const failed = report.checks.filter((c) => c.status === 'fail');
    expect(failed.map((c) => c.id)).toEqual(['success-status', 'success-status/body']);
    expect(failed[0]!.received).toMatch(/^200\b/);
    expect(failed[1]!.expected).toBe('an empty body');
    for (const f of failed) expect((f.counterexample as { exchanges: unknown[] }).exchanges).toHaveLength(1);
  });

  it('a right answer with one thing wrong is one failure: nothing else is looked for past it', async () => {
    const report = await successStatusOf({ ...answers200.steps, updated: () => new Response(null, { status: 200 }) });
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['success-status']);
  });
});

describe('what a report keeps of a body', () => {
  it('at most 64 KiB of each, with the whole length and SHA-256 of a longer one', async () => {
    const big = JSON.stringify({ note: 'x'.repeat(200_000) });
    const service = createUserService({ updated: () => new Response(big, { status: 200, headers: { 'content-type': 'application/json' } }) });
    const report = await certifyServer({
      spec,
      handler: (r) => service.handle(r),
      params: { id: REFERENCE_USER_ID },
      seed: 8,
      runs: 5,
      checks: ['success-status'],
    });
    const kept = (report.checks[0]!.counterexample as { exchanges: { response: { text: string }; responseBodyCut?: unknown }[] }).exchanges[0]!;
    expect(kept.response.text).toBe(big.slice(0, 65_536));
    expect(kept.responseBodyCut).toEqual({ length: big.length, sha256: createHash('sha256').update(big).digest('hex') });
    expect(JSON.stringify(report).length).toBeLessThan(big.length);
  });
});

describe('the stateful check blames what changed a value', () => {
  it('a value a refused update changed is blamed on the refused update, not on the update before it', async () => {
    const defect = DEFECTS.find((d) => d.name === 'applies-refused-updates')!;
    for (const seed of [5, 6, 7]) {
      const service = createUserService(defect.steps);
      const report = await certifyServer({ spec, handler: (r) => service.handle(r), params: { id: REFERENCE_USER_ID }, seed, checks: ['stateful'] });
      const failed = report.checks.find((c) => c.status === 'fail')!;
      expect(failed.expected, `seed ${seed}`).toMatch(/the later update that named it was refused, and a refused update changes nothing$/);
    }
  });
});

describe('the stateful check reads only what the docs document', () => {
  it('every read selects documented properties, so what earlier runs left on the server does not grow it', async () => {
    const service = createUserService();
    const reads: string[] = [];
    const report = await certifyServer({
      spec,
      handler: (r) => {
        if (r.method === 'GET') reads.push(new URL(r.url).search);
        return service.handle(r);
      },
      params: { id: REFERENCE_USER_ID },
      seed: 7,
      runs: 20,
      checks: ['stateful'],
    });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([['stateful', 'pass']]);
    // The first GET is the run's probe; every read of the case selects, and only documented names.
    const documented = new Set(['id', ...spec.requestBody.properties.map((p) => p.name)]);
    expect(reads.length).toBeGreaterThan(20);
    for (const search of reads.slice(1)) {
      const selected = new URLSearchParams(search).get('$select');
      expect(selected, search).not.toBeNull();
      for (const name of selected!.split(',')) expect(documented.has(name) || /^ext|^extension_/.test(name), name).toBe(true);
    }
  });
});

describe('the stateful check points at the sentence a failing step breaks', () => {
  it('an accepted invalid update names the broken constraint, not the partial-update sentence', async () => {
    const service = createUserService(DEFECTS.find((d) => d.name === 'accepts-wrong-json-types')!.steps);
    const report = await certifyServer({ spec, handler: (r) => service.handle(r), params: { id: REFERENCE_USER_ID }, seed: 5, checks: ['stateful'] });
    const failed = report.checks.find((c) => c.status === 'fail')!;
    expect(failed.expected).toMatch(/^a 4xx status: the body breaks type at \/\w+/);
    const property = failed.expected!.match(/at \/(\w+)/)![1];
    expect(failed.source).toBe(`spec/sources/v1.0/user-update.txt:${spec.requestBody.properties.find((p) => p.name === property)!.source.line}`);
  });
});
