import fc from 'fast-check';
import { validBodies } from '../../arbitraries/body-bindings.js';
import { operationRequest } from '../../model/target.js';
import { type ServerCheck, skipped } from '../check.js';
import { expectClientError } from '../expect.js';

/** Authorization values that are missing or not a bearer token (`undefined`: no header at all). */
const BAD_AUTHORIZATION = [undefined, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNzd29yZA==', 'token abc', 'bearer-abc'] as const;

/** The page requires `Authorization: Bearer {token}`: without one the server answers 401. */
export const authRequiredCheck: ServerCheck = {
  id: 'auth-required',
  title: 'a request without a bearer token is refused with 401',
  kinds: { read: true, create: true, update: true, action: true, link: true, delete: true },
  cases({ target }) {
    const header = target.spec.headers.find((h) => /^authorization$/i.test(h.name));
    if (!header?.required) return [skipped(this, 'the page does not require an Authorization header')];
    return [
      {
        id: this.id,
        check: this.id,
        title: this.title,
        source: header.source,
        sentence: `Authorization: ${header.value}`,
        arbitrary: fc.tuple(fc.constantFrom(...BAD_AUTHORIZATION), validBodies(target)),
        async run([authorization, body]) {
          const ex = await target.send(operationRequest(target, body, { headers: { Authorization: authorization } }));
          const what = authorization === undefined ? 'the request has no Authorization header' : `Authorization "${authorization}" is not a bearer token`;
          return expectClientError(ex, what, [401]);
        },
      },
    ];
  },
};
