/**
 * Seeded-defect clients: the reference fetch client with one thing wrong each. `caughtBy` is the check that
 * must fail.
 */
import type { ClientAdapter } from '../../../harness/run/certify-client.js';

export interface ClientDefect {
  name: string;
  breaks: string;
  caughtBy: string;
  adapter: ClientAdapter;
}

interface Options {
  method?: string;
  encode?: (id: string) => string;
  headers?: (token: string) => Record<string, string>;
  serialize?: (body: Record<string, unknown>) => string;
  settle?: (res: Response) => Promise<void>;
  times?: number;
}

/** The reference client with some of its parts replaced. */
function client(o: Options): ClientAdapter {
  return async ({ baseUrl, params, body, token }) => {
    const id = params.id ?? '';
    let res: Response | undefined;
    for (let i = 0; i < (o.times ?? 1); i++) {
      res = await fetch(`${baseUrl}/users/${(o.encode ?? encodeURIComponent)(id)}`, {
        method: o.method ?? 'PATCH',
        headers: o.headers?.(token) ?? { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: (o.serialize ?? JSON.stringify)(body),
      });
    }
    if (o.settle) return o.settle(res!);
    if (res!.status !== 204) throw new Error(`update failed: ${res!.status}`);
  };
}

const withoutNulls = (body: Record<string, unknown>) => JSON.stringify(body, (_k, v) => (v === null ? undefined : v));

export const CLIENT_DEFECTS: ClientDefect[] = [
  { name: 'sends-put', breaks: 'the update is a PATCH', caughtBy: 'method', adapter: client({ method: 'PUT' }) },
  { name: 'drops-nulls', breaks: 'null clears a property and must be sent', caughtBy: 'body', adapter: client({ serialize: withoutNulls }) },
  {
    name: 'drops-extension-keys',
    breaks: 'extension properties are part of the body',
    caughtBy: 'body',
    adapter: client({ serialize: (b) => JSON.stringify(Object.fromEntries(Object.entries(b).filter(([k]) => !k.startsWith('ext')))) }),
  },
  {
    name: 'no-content-type',
    breaks: 'Content-Type: application/json',
    caughtBy: 'content-type',
    adapter: client({ headers: (t) => ({ Authorization: `Bearer ${t}` }) }),
  },
  { name: 'unencoded-hash', breaks: 'the id is one path segment, percent-encoded', caughtBy: 'path', adapter: client({ encode: (id) => encodeURI(id) }) },
  {
    name: 'throws-on-204',
    breaks: 'a 204 has no body to parse',
    caughtBy: 'resolves-on-success',
    adapter: client({
      settle: async (res) => {
        await res.json();
      },
    }),
  },
  {
    name: 'resolves-on-400',
    breaks: 'a Graph error is a failure',
    caughtBy: 'rejects-on-error',
    adapter: client({
      settle: async (res) => {
        await res.text();
      },
    }),
  },
  {
    name: 'basic-auth',
    breaks: 'Authorization: Bearer {token}',
    caughtBy: 'authorization',
    adapter: client({ headers: (t) => ({ Authorization: `Basic ${t}`, 'Content-Type': 'application/json' }) }),
  },
  { name: 'sends-twice', breaks: 'one update, one request', caughtBy: 'one-request', adapter: client({ times: 2 }) },
  {
    name: 'swallows-a-stray-request',
    breaks: 'the update is one documented request; a failed side request hidden by the client still counts',
    caughtBy: 'one-request',
    adapter: async (args) => {
      await fetch('https://telemetry.example.invalid/v1/ping', { method: 'POST', body: '{}' }).catch(() => undefined);
      await client({})(args);
    },
  },
];
