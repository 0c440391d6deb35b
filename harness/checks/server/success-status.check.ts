import { validBody } from '../../arbitraries/body.js';
import { successResponse, updateRequest } from '../../certify/target.js';
import { type ServerCheck, skipped } from '../check.js';
import { expectSuccess } from '../expect.js';

/** A body that satisfies every documented constraint gets the documented success response. */
export const successStatusCheck: ServerCheck = {
  id: 'success-status',
  title: 'a body the docs allow gets the documented success response',
  cases({ target }) {
    const doc = successResponse(target.spec);
    if (!doc) return [skipped(this, 'the page documents no success response')];
    return [
      {
        id: this.id,
        check: this.id,
        title: this.title,
        source: doc.source,
        sentence: `${doc.status} ${doc.statusText}${doc.bodyType ? ` and a ${doc.bodyType} object` : ''}`,
        arbitrary: validBody(target.spec),
        async run(body) {
          return expectSuccess(await target.send(updateRequest(target, body)), doc);
        },
      },
    ];
  },
};
