import { sameInstant } from '../../model/same-instant.js';
import { responseBodies } from '../../arbitraries/response.js';
import { successResponse } from '../../model/target.js';
import { skipped } from '../check.js';
import type { ClientCheck } from './client-check.js';
import { requestCase } from './request-case.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const TIME_OF_DAY = /^(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/;

/** Whether two strings are the same time of day (`"08:00:00"`, `"08:00:00.0000000"`); undefined when either is not one. */
function sameTimeOfDay(a: string, b: string): boolean | undefined {
  const [x, y] = [TIME_OF_DAY.exec(a), TIME_OF_DAY.exec(b)];
  if (!x || !y) return undefined;
  const seconds = (m: RegExpExecArray) => Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
  return seconds(x) === seconds(y);
}
const shown = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v)?.slice(0, 80));

/**
 * Where what a client returned differs from the body it was answered with, up to representation: a
 * date-time may come back as a Date (compared as an instant), a time of day with another precision, `null`
 * may come back absent, a property the
 * client's model lacks may sit in `additionalData`, and `@odata.*` annotations may be renamed or dropped.
 * Anything else — a property dropped, renamed, re-typed or mis-parsed — is a difference.
 */
export function surfacedDifference(want: unknown, got: unknown, path = ''): { path: string; message: string } | undefined {
  if (want === null)
    return got === null || got === undefined || (Array.isArray(got) && got.length === 0)
      ? undefined
      : { path, message: `${shown(got)} where the body has null` };
  if (got === undefined) return { path, message: `dropped (the body has ${shown(want)})` };
  if (typeof want === 'string') {
    if (typeof got === 'string' && (got === want || sameInstant(want, got) === true || sameTimeOfDay(want, got) === true)) return undefined;
    return { path, message: `${shown(got)} where the body has ${shown(want)}` };
  }
  if (typeof want === 'number' || typeof want === 'boolean') {
    // An Int64 may come back as a string of the same number.
    return got === want || (typeof want === 'number' && typeof got === 'string' && Number(got) === want)
      ? undefined
      : { path, message: `${shown(got)} where the body has ${shown(want)}` };
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) return { path, message: `${shown(got)} where the body has ${want.length} item(s)` };
    for (let i = 0; i < want.length; i++) {
      const d = surfacedDifference(want[i], got[i], `${path}/${i}`);
      if (d) return d;
    }
    return undefined;
  }
  if (isObject(want)) {
    if (!isObject(got)) return { path, message: `${shown(got)} where the body has an object` };
    const extra = isObject(got.additionalData) ? got.additionalData : {};
    for (const [k, v] of Object.entries(want)) {
      if (k.includes('@odata.')) continue;
      const d = surfacedDifference(v, k in got ? got[k] : extra[k], `${path}/${k}`);
      if (d) return d;
    }
  }
  return undefined;
}

/**
 * What the call returns holds the documented response body it was answered with: a client that drops,
 * renames or mis-parses a field of the resource fails, naming the field's row on the resource page.
 */
export const surfacesResponseCheck: ClientCheck = {
  id: 'surfaces-response',
  title: 'what the call returns holds the documented response body, up to representation',
  cases(ctx) {
    const doc = successResponse(ctx.spec);
    if (!doc || !responseBodies(ctx.spec, doc)) return [skipped(this, 'the docs promise no response body of a documented type')];
    const def = ctx.spec.types[doc.bodyType!];
    return [
      requestCase(this, ctx, {
        source: doc.source,
        sentence: `${doc.status} ${doc.statusText} and a ${doc.bodyType}${doc.bodyCollection ? ' collection' : ' object'}`,
        verify(o, intent) {
          // A call that did not resolve is resolves-on-success's to report.
          if (o.outcome !== 'resolved' || !intent.response) return undefined;
          const want = doc.bodyCollection ? intent.response.value : intent.response;
          const got = doc.bodyCollection && isObject(o.returned) ? o.returned.value : o.returned;
          const d = surfacedDifference(want, got);
          if (!d) return undefined;
          const key = (doc.bodyCollection ? d.path.split('/')[2] : d.path.split('/')[1]) ?? '';
          const row = def?.kind === 'complex' ? def.properties.find((p) => p.name === key) : undefined;
          return {
            received: `the call returned ${d.path ? `${d.path}: ` : ''}${d.message}`,
            expected: `the ${doc.bodyType}${doc.bodyCollection ? ' collection' : ''} it was answered with`,
            ...(row ? { source: row.source, sentence: `${row.name} (${row.type.name}${row.type.collection ? ' collection' : ''})` } : {}),
          };
        },
      }),
    ];
  },
};
