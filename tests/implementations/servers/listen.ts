/** Serves a fetch-style handler on a real `node:http` server on loopback (port 0, the default: the OS picks one). */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seeded } from '../../support/seeded.js';

export interface Listening {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const body = chunks.length && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
  return new Request(`${origin}${req.url ?? '/'}`, { method: req.method, headers, body });
}

export function listen(handle: (request: Request) => Promise<Response>, port = 0): Promise<Listening> {
  const server = createServer(async (req, res) => {
    try {
      const response = await handle(await toRequest(req, origin));
      const headers: Record<string, string> = {};
      response.headers.forEach((v, k) => {
        headers[k] = v;
      });
      res.writeHead(response.status, response.statusText, headers);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  let origin = '';
  return new Promise((resolve, reject) => {
    // A port already taken must fail the caller, not crash the process through an unhandled 'error' event.
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({
        origin,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Wraps a handler so a share of requests answers 429 + `Retry-After: 0`, from a seeded generator. */
export function flaky(handle: (request: Request) => Promise<Response>, rate: number, seed: number): (request: Request) => Promise<Response> {
  const next = seeded(seed);
  return async (request) =>
    next() < rate ? new Response('slow down', { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '0' } }) : handle(request);
}
