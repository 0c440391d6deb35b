/**
 * The loopback server in docspec's own process that answers the adapter's requests: the adapter's process
 * forwards every HTTP request its client sends (caught there by msw) here, and what arrives is what the
 * checks judge. Nothing the adapter's process says about its requests counts: a request is recorded when
 * it reaches this server, during the call it reached it in, or not at all.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerCall, type CallRecord, type ClientTarget, type SentRequest } from '../../harness/transport/client-wire.js';

/** The header that carries the request as the client sent it: its URL and headers, URI-encoded JSON. */
export const FORWARDED = 'x-docspec-request';

/** A request body beyond this is not read: the documented request is small, and docspec's memory is not the adapter's. */
const MAX_BODY = 16 * 1024 * 1024;

export class Recorder {
  private server: Server | undefined;
  private call: CallRecord | undefined;
  /** Requests that arrived between calls: told with the next call as unhandled. */
  private between: string[] = [];
  /** Once the last call is over: requests are reported here as they arrive. */
  private after: ((what: string) => void) | undefined;
  /** The server's origin, once listening. */
  origin = '';

  constructor(private readonly target: ClientTarget) {}

  async listen(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Starts recording a call; what arrived since the last one is its unhandled requests. */
  begin(call: Omit<CallRecord, 'exchanges' | 'unhandled'>): void {
    this.call = { ...call, exchanges: [], unhandled: this.between };
    this.between = [];
  }

  /** Ends the call in progress and returns what reached the server during it. */
  end(): Pick<CallRecord, 'exchanges' | 'unhandled'> {
    const call = this.call;
    this.call = undefined;
    return { exchanges: call?.exchanges ?? [], unhandled: call?.unhandled ?? [] };
  }

  /** After the last call: anything that arrives since, or has arrived since the last call, goes to `report`. */
  finishing(report: (what: string) => void): void {
    this.after = report;
    for (const what of this.between) report(`a request: ${what}`);
    this.between = [];
  }

  close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sent = await this.read(req);
    const reply = (status: number, headers: Record<string, string>, text?: string) => {
      res.writeHead(status, headers);
      res.end(text);
    };
    if (!sent) return reply(413, {}, undefined);
    const call = this.call;
    if (!call) {
      const what = `${sent.method} ${sent.url} (sent after its call had resolved)`;
      if (this.after) this.after(`a request: ${what}`);
      else this.between.push(what);
      return reply(404, { 'content-type': 'application/json' }, JSON.stringify({ error: { code: 'docspec_Late', message: 'sent after the call resolved' } }));
    }
    const answer = answerCall(sent, call, this.target);
    reply(answer.status, answer.headers, answer.text);
  }

  /** The request as the client sent it; `undefined` when its body is too large to be the documented one. */
  private async read(req: IncomingMessage): Promise<SentRequest | undefined> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) return undefined;
      chunks.push(chunk);
    }
    const method = req.method ?? 'GET';
    const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks).toString('utf8');
    // A request that did not come through the forwarder (a socket of the adapter's own to this port) is
    // recorded as it arrived: it is not under the service root, so it is unhandled.
    const forwarded = parseForwarded(req.headers[FORWARDED]);
    if (forwarded) return { method, url: forwarded.url, headers: forwarded.headers, body };
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    return { method, url: `${this.origin}${req.url ?? '/'}`, headers, body };
  }
}

function parseForwarded(value: string | string[] | undefined): { url: string; headers: Record<string, string> } | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = JSON.parse(decodeURIComponent(value)) as { url?: unknown; headers?: unknown };
    if (typeof parsed.url !== 'string' || typeof parsed.headers !== 'object' || parsed.headers === null) return undefined;
    const headers: Record<string, string> = {};
    for (const [name, v] of Object.entries(parsed.headers)) if (typeof v === 'string') headers[name] = v;
    return { url: parsed.url, headers };
  } catch {
    return undefined;
  }
}
