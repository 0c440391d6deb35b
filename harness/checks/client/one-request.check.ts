import type { ClientCheck } from './client-check.js';
import { requestCase } from './request-case.js';

/** One update, one request; a request anywhere else counts even if the client swallowed its failure. */
export const oneRequestCheck: ClientCheck = {
  id: 'one-request',
  title: 'exactly one request per update, and none elsewhere',
  cases(ctx) {
    return [
      requestCase(this, ctx, {
        source: ctx.spec.http.paths[0]?.source,
        sentence: `${ctx.spec.http.method} ${ctx.spec.http.paths[0]?.template ?? ''}`,
        verify(o) {
          if (o.unhandled.length) return { received: `a request the docs do not describe: ${o.unhandled[0]}`, expected: 'only the documented update request' };
          if (o.exchanges.length !== 1) return { received: `${o.exchanges.length} requests`, expected: 'exactly one request' };
          return undefined;
        },
      }),
    ];
  },
};
