import { successResponse } from '../../model/target.js';
import type { ClientCheck } from './client-check.js';
import { outcomeText, requestCase } from './request-case.js';

/** The call resolves on the documented success response. */
export const resolvesCheck: ClientCheck = {
  id: 'resolves-on-success',
  title: 'the call resolves on the documented success response',
  cases(ctx) {
    const doc = successResponse(ctx.spec);
    return [
      requestCase(this, ctx, {
        source: doc?.source,
        sentence: doc ? `${doc.status} ${doc.statusText}` : undefined,
        verify: (o) =>
          o.outcome === 'resolved'
            ? undefined
            : {
                received: outcomeText(o),
                expected: `the call resolves on ${doc?.status ?? 'success'}`,
              },
      }),
    ];
  },
};
