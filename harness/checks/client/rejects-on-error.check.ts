import fc from 'fast-check';
import { successResponse } from '../../model/target.js';
import type { ClientCheck } from './client-check.js';
import type { Intent } from '../../model/intent.js';
import { outcomeText, requestCase } from './request-case.js';

const ERRORS = [
  { status: 400, code: 'Request_BadRequest', message: 'Invalid value specified for property.' },
  { status: 403, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
  { status: 404, code: 'Request_ResourceNotFound', message: 'Resource does not exist.' },
  { status: 409, code: 'Request_Conflict', message: 'Another object with the same value for a unique property already exists.' },
];

/** The call rejects when the service answers with a Graph error. */
export const rejectsCheck: ClientCheck = {
  id: 'rejects-on-error',
  title: 'the call rejects on a Graph error response',
  cases(ctx) {
    const doc = successResponse(ctx.spec);
    return [
      requestCase<Intent & { error: (typeof ERRORS)[number] }>(this, ctx, {
        source: doc?.source,
        sentence: doc ? `If successful, ${doc.status} ${doc.statusText}; anything else is an error` : undefined,
        arbitrary: fc.tuple(ctx.lightIntents, fc.constantFrom(...ERRORS)).map(([i, error]) => ({ ...i, error })),
        scenario: (v) => ({ kind: 'error', ...v.error }),
        verify: (o, v) =>
          o.outcome === 'rejected'
            ? undefined
            : {
                received: outcomeText(o),
                expected: `the call rejects on ${v.error.status} ${v.error.code}`,
              },
      }),
    ];
  },
};
