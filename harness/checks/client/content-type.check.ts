import { sendsBody } from '../../model/operation-kind.js';
import { skipped } from '../check.js';
import type { ClientCheck } from './client-check.js';
import { first, NO_REQUEST, requestCase } from './request-case.js';

export const clientContentTypeCheck: ClientCheck = {
  id: 'content-type',
  title: 'the body is declared as application/json',
  cases(ctx) {
    if (!sendsBody(ctx.spec)) return [skipped(this, 'the request has no body')];
    const header = ctx.spec.headers.find((h) => /^content-type$/i.test(h.name));
    return [
      requestCase(this, ctx, {
        source: header?.source,
        sentence: `Content-Type: ${header?.value ?? 'application/json'}`,
        verify(o) {
          const ex = first(o);
          if (!ex) return NO_REQUEST;
          const got = Object.entries(ex.request.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
          return got !== undefined && /^application\/json\s*(;|$)/i.test(got)
            ? undefined
            : { received: got === undefined ? 'no Content-Type header' : `Content-Type: ${got}`, expected: 'Content-Type: application/json' };
        },
      }),
    ];
  },
};
