/**
 * Secrets and safety: the token never reaches what a run reports, however it is quoted (a short one only as
 * a bearer value), and only this machine is written to without --allow-remote.
 */
import { describe, expect, it } from 'vitest';
import { redactor } from '../../harness/report/redact.js';

describe('redactor', () => {
  it('masks a token in nested results, bare and in a shell-quoted curl line', () => {
    const token = "abc'def-123";
    const redact = redactor([token]);
    const result = {
      message: `echoed ${token}`,
      exchanges: [{ request: { headers: { authorization: `Bearer ${token}` } } }],
      reproduce: [`curl -H 'authorization: Bearer abc'\\''def-123' http://x`],
      runs: 3,
    };
    expect(redact(result)).toEqual({
      message: 'echoed ***',
      exchanges: [{ request: { headers: { authorization: 'Bearer ***' } } }],
      reproduce: [`curl -H 'authorization: Bearer ***' http://x`],
      runs: 3,
    });
    // The input is left as it was.
    expect(result.message).toBe(`echoed ${token}`);
  });

  it('masks a short token only as a bearer value, and changes nothing without secrets', () => {
    expect(redactor(['ab'])({ a: 'Bearer ab', b: 'table' })).toEqual({ a: 'Bearer ***', b: 'table' });
    const same = { a: 'Bearer x' };
    expect(redactor([])(same)).toBe(same);
    expect(redactor([''])(same)).toBe(same);
  });
});

describe('isLoopback', () => {
  it('is this machine only: localhost, 127.0.0.0/8 and ::1', async () => {
    const { isLoopback } = await import('../../cli/certify-server.js');
    for (const h of ['localhost', 'api.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', 'LOCALHOST']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['graph.microsoft.com', '10.0.0.1', '0.0.0.0', '128.0.0.1', 'localhost.example.com', '127.0.0.1.nip.io', '[::2]'])
      expect(isLoopback(h), h).toBe(false);
  });
});

describe('headers a run was told to send', () => {
  it('masks their values after the name, as a whole header value, and on their own when long', () => {
    const redact = redactor([], { 'X-Api-Key': "k3y'secret" });
    expect(
      redact({
        headers: { 'x-api-key': "k3y'secret", other: 'k3y' },
        curl: `curl -H 'X-Api-Key: k3y'\\''secret' http://x`,
        line: "--header 'x-api-key: k3y'\\''secret' and echoed k3y'secret",
      }),
    ).toEqual({ headers: { 'x-api-key': '***', other: 'k3y' }, curl: `curl -H 'X-Api-Key: ***' http://x`, line: "--header 'X-Api-Key: ***' and echoed ***" });
  });

  it('every request carries them, and no report format shows them', async () => {
    const { certifyServer } = await import('../../harness/run/certify-server.js');
    const { formatReport } = await import('../../harness/report/console.js');
    const { junitXml } = await import('../../harness/report/junit.js');
    const { DEFECTS } = await import('../implementations/servers/defects.js');
    const { createUserService, REFERENCE_USER_ID } = await import('../implementations/servers/reference.js');
    const { loadSpec } = await import('../support/validators.js');
    const key = 'gateway-key-0123456789';
    const service = createUserService(DEFECTS.find((d) => d.name === 'accepts-overlong-company-name')!.steps);
    let carried = 0;
    let requests = 0;
    const report = await certifyServer({
      spec: loadSpec('v1.0'),
      handler: (r) => {
        requests++;
        if (r.headers.get('x-api-key') === key) carried++;
        return service.handle(r);
      },
      params: { id: REFERENCE_USER_ID },
      headers: { 'X-Api-Key': key },
      token: 'a-token-of-some-length',
      runs: 5,
      seed: 9,
      checks: ['rejects-invalid/companyName', 'auth-required'],
    });
    expect(report.verdict).toBe('fail');
    expect(carried).toBe(requests);
    const outputs = [JSON.stringify(report), formatReport(report), junitXml(report)];
    for (const out of outputs) {
      expect(out).not.toContain(key);
      expect(out).not.toContain('a-token-of-some-length');
    }
    expect(JSON.stringify(report)).toContain('"X-Api-Key":"***"');
  });
});

describe('a token in every encoding a report can hold', () => {
  // Base64 with `/` and `+`, quotes, a backslash, markup and a percent: each escapes differently in JSON, shells, URLs, XML.
  const TOKENS = ['eyJhbGciOi/Jxy+z9Q==', `quote"and'apostrophe-123`, 'back\\slash/and/slashes', 'per%cent&amp=<tag>+plus'] as const;
  const forms = (t: string) => {
    const json = JSON.stringify(t).slice(1, -1);
    return [t, json, json.replace(/\//g, '\\/'), encodeURIComponent(t), Buffer.from(t).toString('base64').replace(/=+$/, '')];
  };

  it.each(TOKENS)('%s: echoed by the server in each form, shown in none', async (token) => {
    const { certifyServer } = await import('../../harness/run/certify-server.js');
    const { formatReport } = await import('../../harness/report/console.js');
    const { junitXml } = await import('../../harness/report/junit.js');
    const { loadSpec } = await import('../support/validators.js');
    const { REFERENCE_USER_ID } = await import('../implementations/servers/reference.js');
    // A server that answers every request with an error quoting the credential in each encoding.
    const echoed = forms(token);
    const report = await certifyServer({
      spec: loadSpec('v1.0'),
      handler: () =>
        new Response(`{"error":{"code":"Echo","message":"${echoed[1]} | ${echoed[2]} | ${echoed[3]} | ${echoed[4]}"},"raw":${JSON.stringify(token)}}`, {
          status: 500,
          headers: { 'content-type': 'application/json', 'x-echo': encodeURIComponent(token) },
        }),
      params: { id: REFERENCE_USER_ID },
      token,
      runs: 2,
      seed: 4,
      checks: ['success-status'],
    });
    expect(report.verdict).toBe('fail');
    const outputs = { json: JSON.stringify(report), console: formatReport(report), junit: junitXml(report) };
    // The server's answer reached the report: what is masked is there to be masked.
    expect(outputs.json).toContain('Echo');
    for (const [name, out] of Object.entries(outputs)) for (const form of echoed) expect(out, `${name}: ${form}`).not.toContain(form);
  });
});
