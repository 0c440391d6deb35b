import fc from 'fast-check';
import { brokenBody } from '../../arbitraries/body.js';
import { sendsBody } from '../../model/operation-kind.js';
import { successResponse, operationRequest } from '../../model/target.js';
import type { ServerCheck } from '../check.js';
import { expectErrorEnvelope } from '../expect.js';

/**
 * Every 4xx carries Graph's error body. The update pages do not restate it; it is the convention of every
 * Graph error response, so the case points at the page's Response section.
 */
export const errorEnvelopeCheck: ServerCheck = {
  id: 'error-envelope',
  negative: true,
  kinds: { read: true, create: true, update: true, action: true, link: true, delete: true },
  title: 'error responses carry { error: { code, message } }',
  cases({ target }) {
    const noToken = fc.constant(operationRequest(target, {}, { headers: { Authorization: undefined } }));
    const requests = sendsBody(target.spec)
      ? fc.oneof(
          brokenBody(target.spec).map((c) => operationRequest(target, c.body)),
          noToken,
        )
      : noToken;
    return [
      {
        id: this.id,
        check: this.id,
        title: this.title,
        source: successResponse(target.spec)?.source,
        sentence: 'Microsoft Graph error responses: { "error": { "code", "message" } }',
        arbitrary: requests,
        async run(request) {
          const ex = await target.send(request);
          // Statuses other than 4xx are other checks' business.
          if (ex.response.status < 400 || ex.response.status >= 500) return undefined;
          return expectErrorEnvelope(ex);
        },
      },
    ];
  },
};
