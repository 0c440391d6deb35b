/**
 * The parts of certification on their own: Retry-After parsing and the retry loop, read-back equality,
 * reproduction lines that survive shell quoting, XML that survives any doc text, and broken-body families
 * that each carry the docs line of their constraint.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { brokenFamilies } from '../../harness/arbitraries/body.js';
import { curlOf, type Exchange } from '../../harness/model/exchange.js';
import { addressedKey } from '../../harness/model/target.js';
import { expectSuccess } from '../../harness/checks/expect.js';
import { agentFor } from '../../harness/transport/deadline.js';
import { serveInProcess } from '../../harness/transport/in-process.js';
import { fetchTransport, retryAfterMs, TransientError, transportFor } from '../../harness/transport/transport.js';
import { sameValue } from '../../harness/checks/same-value.js';
import { xmlText } from '../../generator/report/xml-text.js';
import { ROOT } from '../support/pages.js';

describe('retries', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('0')).toBe(0);
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });

  it('retries 429, 503 and network errors, then gives the answer; gives up with TransientError', async () => {
    const answers: (number | 'reset')[] = [429, 'reset', 503, 204];
    let calls = 0;
    const fake = (async () => {
      const a = answers[calls++]!;
      if (a === 'reset') throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET', message: 'read ECONNRESET' } });
      return new Response(a === 204 ? null : 'busy', { status: a, headers: { 'Retry-After': '0' } });
    }) as typeof fetch;
    const stats = { requests: 0, retries: 0 };
    const send = fetchTransport('http://x.test/v1.0', { retries: 5, baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 1000 }, stats, fake);
    const ex = await send({ method: 'PATCH', path: '/me', headers: {}, body: '{}' });
    expect(ex.response.status).toBe(204);
    expect(ex.attempts).toBe(4);
    expect(stats).toEqual({ requests: 4, retries: 3 });

    const always = (async () => new Response(null, { status: 503 })) as typeof fetch;
    const give = fetchTransport('http://x.test/v1.0', { retries: 2, baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 1000 }, undefined, always);
    await expect(give({ method: 'GET', path: '/me', headers: {} })).rejects.toThrow(TransientError);
    await expect(give({ method: 'GET', path: '/me', headers: {} })).rejects.toThrow('GET http://x.test/v1.0/me: answered 503 (3 attempts)');
  });

  it('gives up once the server has been silent for giveUpAfterMs: later sends throw without a request', async () => {
    let calls = 0;
    const dead = (async () => {
      calls++;
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9' } });
    }) as typeof fetch;
    // Backoff waits of 30 ms make at least 60 ms of silence by the third attempt, however fast the machine.
    const send = fetchTransport('http://x.test/v1.0', { retries: 8, baseDelayMs: 30, maxDelayMs: 30, timeoutMs: 1000, giveUpAfterMs: 50 }, undefined, dead);
    await expect(send({ method: 'GET', path: '/me', headers: {} })).rejects.toThrow(
      /has not answered for \d+ s \(last: connect ECONNREFUSED 127\.0\.0\.1:9\); giving up/,
    );
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(3);
    const before = calls;
    await expect(send({ method: 'PATCH', path: '/me', headers: {}, body: '{}' })).rejects.toThrow(/giving up/);
    expect(calls).toBe(before);
  });

  it('an answer in between resets the silence, and throttling is an answer', async () => {
    let calls = 0;
    // refused, 429, refused, 429, …: the server is alive, so the transport never gives up.
    const flaky = (async () => {
      if (calls++ % 2 === 0) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET', message: 'read ECONNRESET' } });
      return new Response('busy', { status: 429, headers: { 'Retry-After': '0' } });
    }) as typeof fetch;
    const send = fetchTransport('http://x.test/v1.0', { retries: 5, baseDelayMs: 30, maxDelayMs: 30, timeoutMs: 1000, giveUpAfterMs: 50 }, undefined, flaky);
    await expect(send({ method: 'GET', path: '/me', headers: {} })).rejects.toThrow('(6 attempts)');
    expect(calls).toBe(6);
  });

  // By default the transport sends on its undici Agent, which closes a hung connection. Through a fetch it
  // sends on the same Agent where this Node's fetch carries the same undici, and elsewhere gives each request a
  // signal the watchdog aborts. Each way is run here.
  it.each([
    ['on its Agent, which closes the connection', undefined, undefined],
    ['fetch on the Agent', fetch, undefined],
    ['fetch with a signal that aborts it', fetch, null],
  ] as const)('gives up on a request a real server never answers (%s), and the next one goes through', async (_, fetchImpl, agent) => {
    // A loopback server that answers /slow never (until its socket is closed) and anything else at once.
    const closed: string[] = [];
    const server = createServer((req, res) => {
      if (req.url?.endsWith('/slow')) {
        req.socket.once('close', () => closed.push(req.url!));
        return;
      }
      res.writeHead(204).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const policy = { retries: 1, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 200, giveUpAfterMs: 60_000 };
      if (fetchImpl && agent === undefined) expect(agentFor(policy.timeoutMs)).toBeDefined();
      const send = fetchTransport(origin, policy, undefined, fetchImpl, agent);
      await expect(send({ method: 'GET', path: '/slow', headers: {} })).rejects.toThrow(/GET .*\/slow: no answer within 200 ms \(2 attempts\)/);
      // Both attempts were ended, so the server saw both connections close (the Agent's timers tick about
      // once a second: the wait is generous, it bounds nothing).
      await vi.waitFor(() => expect(closed).toEqual(['/slow', '/slow']), { timeout: 10_000 });
      const ok = await send({ method: 'GET', path: '/fast', headers: {} });
      expect(ok.response.status).toBe(204);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('ends a body that drips a byte at a time: the wait ends at the timeout and the connection closes', async () => {
    // Each byte resets the Agent's body timeout; only the total time of the request can end it.
    let closed = false;
    const drips: NodeJS.Timeout[] = [];
    const server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      drips.push(setInterval(() => res.write(' '), 20));
      req.socket.once('close', () => {
        closed = true;
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const send = fetchTransport(origin, { retries: 0, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 300, giveUpAfterMs: 60_000 });
      await expect(send({ method: 'GET', path: '/drip', headers: {} })).rejects.toThrow(/no answer within 300 ms/);
      // Without the cut the drip goes on for ever; the wait is generous, it bounds nothing but a failure.
      await vi.waitFor(() => expect(closed).toBe(true), { timeout: 10_000 });
    } finally {
      for (const d of drips) clearInterval(d);
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('gives up on a request an in-process handler never answers: no socket, the watchdog ends the wait', async () => {
    const served = serveInProcess((request) => (request.url.endsWith('/slow') ? new Promise<Response>(() => {}) : new Response(null, { status: 204 })), 'v1.0');
    try {
      const send = transportFor(served.baseUrl, { retries: 1, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 200, giveUpAfterMs: 60_000 }, undefined, served);
      await expect(send({ method: 'GET', path: '/slow', headers: {} })).rejects.toThrow(/GET .*\/slow: no answer within 200 ms \(2 attempts\)/);
      expect((await send({ method: 'GET', path: '/fast', headers: {} })).response.status).toBe(204);
    } finally {
      served.close();
    }
  });

  it("sends nothing that would leave the base URL's origin", async () => {
    let calls = 0;
    const fake = (async () => {
      calls++;
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    const send = fetchTransport('http://localhost/v1.0', undefined, undefined, fake);
    for (const path of ['.probe-h-attacker.example/users/1', '@attacker.example/x'])
      await expect(send({ method: 'GET', path, headers: { authorization: 'Bearer t' } })).rejects.toThrow(/it would leave http:\/\/localhost/);
    expect(calls).toBe(0);
    expect((await send({ method: 'GET', path: '/users/a@b.example', headers: {} })).response.status).toBe(204);
  });

  it('does not retry a 400 or a 500: those are answers', async () => {
    for (const status of [400, 500]) {
      let calls = 0;
      const fake = (async () => {
        calls++;
        return new Response('no', { status });
      }) as typeof fetch;
      const ex = await fetchTransport('http://x.test', undefined, undefined, fake)({ method: 'GET', path: '/', headers: {} });
      expect([ex.response.status, calls]).toEqual([status, 1]);
    }
  });
});

describe('a documented resource in the answer', () => {
  const doc = { status: 200, statusText: 'OK', bodyType: 'group', source: { file: 'v1.0/api/group-get.md', line: 49, column: 1 } };
  const answer = (headers: Record<string, string>): Exchange => ({
    request: { method: 'GET', path: '/groups/1', headers: {}, url: 'http://x.test/v1.0/groups/1' },
    response: { status: 200, statusText: 'OK', headers, text: '{"id":"1"}' },
    attempts: 1,
  });

  it('is JSON by its media type too: a JSON object as text/plain, or unlabelled, is no group to a client', () => {
    for (const type of ['application/json', 'application/json;odata.metadata=minimal;charset=utf-8', 'application/vnd.ms-graph+json'])
      expect(expectSuccess(answer({ 'content-type': type }), doc), type).toBeUndefined();
    expect(expectSuccess(answer({ 'content-type': 'text/plain' }), doc)).toMatchObject({
      received: '200 with Content-Type "text/plain"',
      expected: 'a group object in the body, as JSON (Content-Type: application/json)',
    });
    expect(expectSuccess(answer({}), doc)?.received).toBe('200 with Content-Type (none)');
  });
});

describe('the key a read is addressed by', () => {
  const source = { file: 'p.md', line: 1, column: 1 };
  const at = (template: string, params: string[][]) => addressedKey({ primary: { form: 'id', template, source, params }, params: { id: 'k-1', Name: 'n-1' } });

  it('is the value of the last segment, when that segment is the one parameter, its name matched without case', () => {
    expect(at('/groups/{id}', [['id']])).toBe('k-1');
    expect(at('/users/{id | userPrincipalName}', [['id']])).toBe('k-1');
    expect(at('/widgets/{name}', [['name']])).toBe('n-1');
  });

  it("is none where the parameter keys a resource the read's one hangs from, or where there are several", () => {
    expect(at('/users/{id}/manager', [['id']])).toBeUndefined();
    expect(at('/drives/{id}/root/children/{name}', [['id'], ['name']])).toBeUndefined();
    expect(at('/me', [])).toBeUndefined();
  });
});

describe('read-back equality', () => {
  it('is exact for values, lenient where Graph is', () => {
    expect(sameValue('a', 'a')).toBe(true);
    expect(sameValue('a', 'b')).toBe(false);
    expect(sameValue(['a'], ['a', 'b'])).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(true);
    expect(sameValue({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(null, [])).toBe(true);
    expect(sameValue(null, 'x')).toBe(false);
    expect(sameValue('2014-01-01T00:00:00+00:00', '2014-01-01T00:00:00Z')).toBe(true);
    expect(sameValue('2014-01-01T00:00:00.000Z', '2014-01-01T00:00:01Z')).toBe(false);
    expect(sameValue(1, '1')).toBe(false);
  });

  it('every JSON value reads back as itself', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => sameValue(v, JSON.parse(JSON.stringify(v)))));
  });
});

describe('reproduction lines', () => {
  it('curl lines survive the shell whatever the body holds', () => {
    // One shell for every sample: printf receives each body as one argument when the shell parses our quoting,
    // and prints them NUL-separated (JSON text never holds a raw NUL).
    const bodies = fc
      .sample(fc.string({ unit: 'grapheme' }), { numRuns: 40, seed: 9 })
      .map((text) => JSON.stringify({ displayName: `${text}'"$(touch /nonexistent)\`x\`` }));
    const quoted = bodies.map((body) => {
      const line = curlOf({ method: 'PATCH', path: '/me', url: 'http://x.test/me', headers: { 'Content-Type': 'application/json' }, body });
      return line.slice(line.indexOf('--data-raw ') + '--data-raw '.length);
    });
    const printed = execFileSync('bash', ['-c', `printf '%s\\0' ${quoted.join(' ')}`], { encoding: 'utf8' })
      .split('\0')
      .slice(0, -1);
    expect(printed).toEqual(bodies);
  });
});

describe('JUnit text', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlText(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
    expect(xmlText('x\u0000y\u001bz\uD800')).toBe('x\uFFFDy\uFFFDz\uFFFD');
    expect(xmlText('tab\tnew\nline 😀')).toBe('tab\tnew\nline 😀');
  });
});

describe('broken-body families', () => {
  it.each(['beta', 'v1.0', 'localtest', 'intune'])('%s: ids are unique and each family carries a docs line', (variant) => {
    const spec = JSON.parse(readFileSync(join(ROOT, `spec/user-update.${variant}.json`), 'utf8')) as OperationSpec;
    const families = brokenFamilies(spec);
    expect(new Set(families.map((f) => f.id)).size).toBe(families.length);
    for (const f of families) {
      expect(f.source, f.id).toBeDefined();
      for (const c of fc.sample(f.arbitrary, { numRuns: 5, seed: 3 })) expect([c.rule, f.id.endsWith(`/${c.rule}`)]).toEqual([f.rule, true]);
    }
  });

  it('a rule stated 20,000 times breaks the way it does once: the same families, its breaker drawn once', () => {
    const spec = JSON.parse(readFileSync(join(ROOT, 'spec/user-update.v1.0.json'), 'utf8')) as OperationSpec;
    const repeated = structuredClone(spec);
    const companyName = repeated.requestBody.properties.find((p) => p.name === 'companyName')!;
    const maxLength = companyName.constraints.find((c) => c.kind === 'maxLength')!;
    for (let i = 0; i < 20_000; i++) companyName.constraints.push({ ...maxLength, source: { ...maxLength.source, line: 1000 + i } });
    const ids = (s: OperationSpec) => brokenFamilies(s).map((f) => f.id);
    expect(ids(repeated)).toEqual(ids(spec));
    // One breaker, not a oneof of 20,001 copies: its samples are the single rule's bodies.
    const family = brokenFamilies(repeated).find((f) => f.id === 'companyName/max-length')!;
    const once = brokenFamilies(spec).find((f) => f.id === 'companyName/max-length')!;
    expect(fc.sample(family.arbitrary, { numRuns: 5, seed: 9 })).toEqual(fc.sample(once.arbitrary, { numRuns: 5, seed: 9 }));
  });
});

describe('README', () => {
  it('documents every registered server check', async () => {
    const { SERVER_CHECKS } = await import('../../harness/checks/server/registry.js');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const c of SERVER_CHECKS) expect(readme, c.id).toMatch(new RegExp(`\\| \`${c.id}(/<[a-z]+>)*\` \\|`));
  });

  it('documents every client check', async () => {
    const { CLIENT_CHECKS } = await import('../../harness/checks/client/registry.js');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const c of CLIENT_CHECKS) expect(readme, c.id).toContain(`| \`${c.id}\` |`);
  });
});
