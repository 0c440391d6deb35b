/**
 * Serves an in-process implementation through msw: requests the harness sends with `fetch` to `baseUrl`
 * are routed to the handler without a socket, so users certify a handler from their own test suites.
 */
import { http, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';

/** A fetch-style handler (Hono `app.fetch`, a Worker `fetch`, …) or msw request handlers (a mock server). */
export type InProcessHandler = ((request: Request) => Response | Promise<Response>) | RequestHandler[];

/** Host that never resolves, so a request that escapes interception fails instead of leaving the machine. */
export const IN_PROCESS_ORIGIN = 'http://in-process.docspec.invalid';

export interface InProcessServer {
  baseUrl: string;
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
  const handlers = Array.isArray(handler) ? [...handler, fallback] : [http.all(`${IN_PROCESS_ORIGIN}/*`, ({ request }) => guarded(request))];
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'bypass' });
  return { baseUrl, unhandled, close: () => server.close() };
}
