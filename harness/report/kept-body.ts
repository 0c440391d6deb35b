/**
 * What a report keeps of a body: its first 64 KiB, and, when it was longer, its whole length and SHA-256. A
 * server that answers 50 MB made a 200 MB JSON report; the bytes past the cap say nothing the cut-off and the
 * hash do not, and the hash still tells two answers apart.
 */
import { createHash } from 'node:crypto';
import type { Exchange } from '../model/exchange.js';

export const KEPT_BODY_CHARS = 65_536;

/** `text` cut to the cap, with what is needed to tell what was cut. */
function kept(text: string): { text: string; cut?: { length: number; sha256: string } } {
  if (text.length <= KEPT_BODY_CHARS) return { text };
  return { text: text.slice(0, KEPT_BODY_CHARS), cut: { length: text.length, sha256: createHash('sha256').update(text).digest('hex') } };
}

/** An exchange as a report keeps it: request and response, each body at most KEPT_BODY_CHARS. */
export function keptExchange(e: Pick<Exchange, 'request' | 'response'>): Pick<Exchange, 'request' | 'response'> & {
  requestBodyCut?: { length: number; sha256: string };
  responseBodyCut?: { length: number; sha256: string };
} {
  const response = kept(e.response.text);
  const request = e.request.body === undefined ? undefined : kept(e.request.body);
  return {
    request: request ? { ...e.request, body: request.text } : e.request,
    response: { ...e.response, text: response.text },
    ...(request?.cut ? { requestBodyCut: request.cut } : {}),
    ...(response.cut ? { responseBodyCut: response.cut } : {}),
  };
}
