import type { ClientCheck } from './client-check.js';
import { requestCase } from './request-case.js';

/**
 * The adapter does nothing but the documented request: no socket or DNS look-up of its own (all refused, but
 * an SDK that tries is not one to certify) and no unhandled rejection left behind.
 */
export const containedCheck: ClientCheck = {
  id: 'contained',
  title: 'no other connection, DNS look-up or unhandled rejection during the call',
  // An adapter given as a function shares this process: nothing it does besides HTTP can be seen, so the
  // check is not offered (rather than passed) there.
  needsHost: true,
  cases(ctx) {
    return [
      requestCase(this, ctx, {
        source: ctx.spec.http.paths[0]?.source,
        sentence: `${ctx.spec.http.method} ${ctx.spec.http.paths[0]?.template ?? ''}`,
        verify: (o) => (o.incidents?.length ? { received: `the adapter made ${o.incidents[0]}`, expected: 'only the documented update request' } : undefined),
      }),
    ];
  },
};
