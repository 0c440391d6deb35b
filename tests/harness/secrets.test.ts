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
