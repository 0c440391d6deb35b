import type { ClientCheck } from './client-check.js';
import { first, NO_REQUEST, requestCase } from './request-case.js';

export const authorizationCheck: ClientCheck = {
  id: 'authorization',
  title: 'the request carries Authorization: Bearer <token>',
  cases(ctx) {
    const header = ctx.spec.headers.find((h) => /^authorization$/i.test(h.name));
    return [
      requestCase(this, ctx, {
        source: header?.source,
        sentence: header ? `Authorization: ${header.value}` : 'Authorization: Bearer {token}',
        verify(o) {
          const ex = first(o);
          if (!ex) return NO_REQUEST;
          const got = Object.entries(ex.request.headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
          return got === `Bearer ${ctx.token}`
            ? undefined
            : { received: got === undefined ? 'no Authorization header' : `Authorization: ${got}`, expected: `Authorization: Bearer ${ctx.token}` };
        },
      }),
    ];
  },
};
