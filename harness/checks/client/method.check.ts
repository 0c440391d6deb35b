import type { ClientCheck } from './client-check.js';
import { first, NO_REQUEST, requestCase } from './request-case.js';

export const methodCheck: ClientCheck = {
  id: 'method',
  title: 'the update is sent with the documented method',
  cases(ctx) {
    const method = ctx.spec.http.method;
    return [
      requestCase(this, ctx, {
        source: ctx.spec.http.paths[0]?.source,
        sentence: `${method} ${ctx.spec.http.paths[0]?.template ?? ''}`,
        verify(o) {
          const ex = first(o);
          if (!ex) return NO_REQUEST;
          return ex.request.method === method ? undefined : { received: `${ex.request.method} ${ex.request.url}`, expected: `${method}` };
        },
      }),
    ];
  },
};
