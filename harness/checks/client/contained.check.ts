import type { ClientCheck } from './client-check.js';
import { requestCase } from './request-case.js';

/**
 * The adapter does nothing but the documented request: no socket, datagram or DNS look-up of its own, no
 * process, thread, addon, signal, file write outside its scratch folder or memory beyond its limit (all
 * refused, but an SDK that tries is not one to certify), and no unhandled rejection left behind.
 */
export const containedCheck: ClientCheck = {
  id: 'contained',
  title: 'nothing but the documented request: no other connection, look-up, process, signal, write or rejection',
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
