import fc from 'fast-check';
import { buildResponseContract } from '../../../generator/emit/contract.js';
import { validBody } from '../../arbitraries/body.js';
import { describeResponse } from '../../certify/exchange.js';
import { OPERATION_KINDS, operationKind, sendsBody } from '../../certify/operation-kind.js';
import { readRequest, successResponse, operationRequest } from '../../certify/target.js';
import { type ServerCheck, skipped } from '../check.js';
import { expectResourceBody, expectSuccess } from '../expect.js';
import { sameValue } from './same-value.js';

/**
 * A request the docs allow gets the documented success response, and its body is the documented resource
 * type. A create's body is the new resource, holding what was sent; after a delete the resource reads 404.
 */
export const successStatusCheck: ServerCheck = {
  id: 'success-status',
  title: 'a request the docs allow gets the documented success response',
  kinds: { read: true, create: true, update: true, action: true, delete: true },
  cases({ target, probe }) {
    const doc = successResponse(target.spec);
    if (!doc) return [skipped(this, 'the page documents no success response')];
    const kind = operationKind(target.spec);
    const contract = doc.bodyType ? buildResponseContract(target.spec, doc) : undefined;
    // The kind that removes the resource: it runs once, and afterwards the resource must be gone.
    const deletes = kind !== undefined && OPERATION_KINDS[kind].destructive;
    return [
      {
        id: this.id,
        check: this.id,
        title: this.title,
        source: doc.source,
        sentence: `${doc.status} ${doc.statusText}${doc.bodyType ? ` and a ${doc.bodyType}${doc.bodyCollection ? ' collection' : ' object'}` : ''}`,
        ...(deletes ? { destructive: true } : {}),
        arbitrary: sendsBody(target.spec) ? validBody(target.spec) : fc.constant({}),
        async run(body) {
          const ex = await target.send(operationRequest(target, body));
          const wrong = expectSuccess(ex, doc) ?? expectResourceBody(ex, contract, doc);
          if (wrong) return wrong;
          if (kind === 'create' && doc.bodyType) {
            const created = JSON.parse(ex.response.text) as Record<string, unknown>;
            const lost = Object.entries(body).find(([k, v]) => !k.includes('@') && v !== null && !sameValue(v, created[k]));
            if (lost)
              return {
                received: `${describeResponse(ex.response, 160)}: ${lost[0]} is ${JSON.stringify(created[lost[0]]) ?? 'missing'}`,
                expected: `the created ${doc.bodyType}, with ${lost[0]} as sent (${JSON.stringify(lost[1])})`,
                exchanges: [ex],
              };
          }
          // Gone for good: a read of the same path answers 404 (when the server reads it at all).
          if (deletes && probe.readable) {
            const after = await target.send(readRequest(target));
            if (after.response.status !== 404)
              return {
                received: `${describeResponse(after.response)} to a GET after the DELETE`,
                expected: '404: the deleted resource is gone',
                exchanges: [ex, after],
              };
          }
          return undefined;
        },
      },
    ];
  },
};
