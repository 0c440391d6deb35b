import fc from 'fast-check';
import { validBodies } from '../../arbitraries/body-bindings.js';
import { operationRequest } from '../../model/target.js';
import { sendsBody } from '../../model/operation-kind.js';
import { type ServerCheck, skipped } from '../check.js';
import { expectClientError } from '../expect.js';

const WRONG_TYPES = ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'];

/** The page documents `Content-Type: application/json`; a body declared as anything else is refused. */
export const contentTypeCheck: ServerCheck = {
  id: 'content-type',
  negative: true,
  kinds: { read: 'the request has no body', create: true, update: true, action: true, link: true, delete: 'the request has no body' },
  title: 'a body sent with another Content-Type is refused with a 4xx',
  cases({ target }) {
    const header = target.spec.headers.find((h) => /^content-type$/i.test(h.name));
    if (!sendsBody(target.spec)) return [skipped(this, 'the request has no body')];
    if (!header || !/application\/json/i.test(header.value)) return [skipped(this, 'the page documents no JSON Content-Type')];
    return [
      {
        id: this.id,
        check: this.id,
        title: this.title,
        source: header.source,
        sentence: `Content-Type: ${header.value}`,
        arbitrary: fc.tuple(fc.constantFrom(...WRONG_TYPES), validBodies(target)),
        async run([type, body]) {
          const ex = await target.send(operationRequest(target, body, { headers: { 'Content-Type': type } }));
          return expectClientError(ex, `the body was declared as ${type}, the docs say application/json`);
        },
      },
    ];
  },
};
