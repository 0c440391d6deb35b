/**
 * The first difference between the body a client was asked to send and the body it sent: a key dropped,
 * added or renamed, `null` lost, a value re-typed or changed. Date-times may change representation but not
 * instant (the docs ask for ISO 8601 in UTC; `+00:00` and `Z` are the same time).
 */
import { sameInstant } from '../../model/same-instant.js';

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));
const key = (path: string, k: string | number) => `${path}/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`;

export function bodyDiff(intended: unknown, sent: unknown, path = ''): string | undefined {
  return diffAt(intended, sent, path)?.message;
}

/** The difference and the JSON Pointer where it is. */
export function diffAt(intended: unknown, sent: unknown, path = ''): { path: string; message: string } | undefined {
  const found = walk(intended, sent, path);
  return found ? { path: found.split(': ')[0]!, message: found } : undefined;
}

function walk(intended: unknown, sent: unknown, path: string): string | undefined {
  if (kind(intended) !== kind(sent)) return `${path || '/'}: ${show(intended)} was sent as ${show(sent)}`;
  if (Array.isArray(intended)) {
    const s = sent as unknown[];
    if (s.length !== intended.length) return `${path || '/'}: ${intended.length} items were sent as ${s.length}`;
    for (let i = 0; i < intended.length; i++) {
      const d = walk(intended[i], s[i], key(path, i));
      if (d) return d;
    }
    return undefined;
  }
  if (typeof intended === 'object' && intended !== null) {
    const want = new Map(Object.entries(intended));
    const got = new Map(Object.entries(sent as object));
    for (const [k, v] of want) {
      if (!got.has(k)) return `${key(path, k)}: dropped (was ${show(v)})`;
      const d = walk(v, got.get(k), key(path, k));
      if (d) return d;
    }
    for (const k of got.keys()) if (!want.has(k)) return `${key(path, k)}: added (${show(got.get(k))})`;
    return undefined;
  }
  const instant = typeof intended === 'string' && typeof sent === 'string' ? sameInstant(intended, sent) : undefined;
  if (instant !== undefined) return instant ? undefined : `${path}: ${show(intended)} was sent as ${show(sent)} (another instant)`;
  return Object.is(intended, sent) || intended === sent ? undefined : `${path}: ${show(intended)} was sent as ${show(sent)}`;
}
