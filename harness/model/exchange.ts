/** One HTTP request the harness sent and what came back: the unit of every counterexample. */

export interface HttpRequest {
  method: string;
  /** Path and query relative to the base URL, already percent-encoded, e.g. `/users/a%23b`. */
  path: string;
  headers: Record<string, string>;
  /** Request body as sent (JSON text for PATCH bodies). */
  body?: string;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  /** Body as text ('' when empty). */
  text: string;
}

export interface Exchange {
  request: HttpRequest & { url: string };
  response: HttpResponse;
  /** Attempts it took, transient answers (429/503, resets) included. */
  attempts: number;
}

/** Fetch `Headers` as a plain record (lower-case names), for reports. */
export function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** Parsed JSON of a response body, or `undefined` when it is empty or not JSON. */
export function jsonOf(response: HttpResponse): unknown {
  if (!response.text) return undefined;
  try {
    return JSON.parse(response.text);
  } catch {
    return undefined;
  }
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A copy-and-paste `curl` line that sends the same request. */
export function curlOf(request: Exchange['request']): string {
  const parts = ['curl', '-i', '-X', request.method, shellQuote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (request.body !== undefined) parts.push('--data-raw', shellQuote(request.body));
  return parts.join(' ');
}

/** `204 No Content`, with a body excerpt when there is one. */
export function describeResponse(response: HttpResponse, max = 200): string {
  const head = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (!response.text) return `${head} (no body)`;
  const text = response.text.length > max ? `${response.text.slice(0, max)}…` : response.text;
  return `${head} ${text.replace(/\s+/g, ' ')}`;
}

/** How the harness sends a request: over HTTP, to an in-process handler, or through a test double. */
export type Send = (request: HttpRequest) => Promise<Exchange>;
