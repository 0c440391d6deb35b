/**
 * Serves an in-process implementation, so users certify a handler from their own test suites: requests the
 * harness sends to `baseUrl` with the returned `fetch` reach it without a socket. A fetch-style handler is
 * called with the Request directly; msw request handlers (a mock server) are served through msw.
 */
// The http namespace alone: msw's main entry also loads its GraphQL support, a tenth of a second per process.
import { http } from 'msw/core/http';
import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';

/** A fetch-style handler (Hono `app.fetch`, a Worker `fetch`, …) or msw request handlers (a mock server). */
export type InProcessHandler = ((request: Request) => Response | Promise<Response>) | RequestHandler[];

/** Host that never resolves, so a request that escapes interception fails instead of leaving the machine. */
export const IN_PROCESS_ORIGIN = 'http://in-process.docspec.invalid';

export interface InProcessServer {
  baseUrl: string;
  /** The fetch that reaches the handler: a direct call for a fetch-style handler, msw's interception otherwise. */
  fetch: typeof fetch;
  /** Requests no handler answered (a mock server missing a route). */
  unhandled: string[];
  close(): void;
}

export function serveInProcess(handler: InProcessHandler, versionSegment: string): InProcessServer {
  const baseUrl = `${IN_PROCESS_ORIGIN}/${versionSegment}`;
  const unhandled: string[] = [];
  // A route the mock server lacks answers 404 (and is recorded) rather than escaping to the network.
  const fallback = http.all(`${IN_PROCESS_ORIGIN}/*`, ({ request }) => {
    unhandled.push(`${request.method} ${request.url}`);
    return new Response('no msw handler answered this request', { status: 404, statusText: 'Not Found' });
  });
  // A handler that throws answers 500 with the error, as a server would, instead of msw logging it.
  const guarded = async (request: Request) => {
    try {
      return await (handler as (request: Request) => Response | Promise<Response>)(request);
    } catch (e) {
      return new Response(`the handler threw: ${e instanceof Error ? e.message : String(e)}`, { status: 500, statusText: 'Internal Server Error' });
    }
  };
  if (!Array.isArray(handler)) {
    // The Request msw would hand over is the one fetch builds from the same arguments; calling the handler
    // with it skips msw's interception machinery, which cost more than most handlers' own work.
    const direct = async (input: string | URL | Request, init?: RequestInit) => guarded(new Request(input, init));
    return { baseUrl, fetch: direct as typeof fetch, unhandled, close: () => {} };
  }
  const server = setupServer(...handler, fallback);
  server.listen({ onUnhandledRequest: 'bypass' });
  return { baseUrl, fetch: (input, init) => fetch(input, init), unhandled, close: () => server.close() };
}
