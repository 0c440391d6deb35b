/**
 * Operations whose header table requires `If-Match` ("Last known ETag value for the **plannerTask** to be
 * updated. Required."): a request without it, or with a stale tag, is refused by a conformant server, so
 * every request certification sends to such an operation first reads the resource and carries the tag that
 * read gave (the `ETag` header, else the body's `@odata.etag`), in place of any it had: the tag a page's
 * example shows is the state of the docs' own server.
 */
import type { OperationSpec } from '../../generator/ir/ir.js';
import { matchesTemplate } from '../../generator/ir/path-templates.js';
import type { HttpRequest, Send } from '../model/exchange.js';

/** The header row that requires `If-Match`, if the page has one. */
export const ifMatchRow = (spec: OperationSpec) => spec.headers.find((h) => /^if-match$/i.test(h.name) && h.required);

/** The entity tag a read answered, if any. */
export function entityTag(headers: Readonly<Record<string, string>>, text: string): string | undefined {
  const header = Object.entries(headers).find(([k]) => k.toLowerCase() === 'etag')?.[1];
  if (header) return header;
  try {
    const tag = (JSON.parse(text) as Record<string, unknown>)?.['@odata.etag'];
    return typeof tag === 'string' ? tag : undefined;
  } catch {
    return undefined;
  }
}

/** Requests sent without a fresh tag, as they are: the `if-match` check's, which test the refusal. */
const AS_IS = new WeakSet<HttpRequest>();

/** `request`, marked to go without the tag `withIfMatch` would add. */
export function asIs(request: HttpRequest): HttpRequest {
  AS_IS.add(request);
  return request;
}

/** `send`, with each request to an operation of `specs` that requires `If-Match` carrying a fresh tag. */
export function withIfMatch(send: Send, specs: readonly OperationSpec[]): Send {
  const guarded = specs.filter((s) => ifMatchRow(s));
  if (!guarded.length) return send;
  return async (request) => {
    const path = request.path.split('?')[0]!;
    const needs = guarded.some((s) => s.http.method === request.method && s.http.paths.some((p) => matchesTemplate(path, p.template)));
    if (!needs || AS_IS.has(request)) return send(request);
    const own = Object.fromEntries(Object.entries(request.headers).filter(([k]) => k.toLowerCase() !== 'if-match'));
    // The read carries what the request carries (its token, or its lack of one), not its body's headers.
    const headers = Object.fromEntries(Object.entries(own).filter(([k]) => !/^(content-(type|length)|prefer)$/i.test(k)));
    const read = await send({ method: 'GET', path, headers });
    const tag = read.response.status < 300 ? entityTag(read.response.headers, read.response.text) : undefined;
    return send({ ...request, headers: tag ? { ...own, 'If-Match': tag } : own });
  };
}
