import { validBodies } from '../../arbitraries/body-bindings.js';
import { operationRequest } from '../../model/target.js';
import { asIs, ifMatchRow } from '../../transport/if-match.js';
import { type ServerCheck, skipped } from '../check.js';
import { expectClientError } from '../expect.js';

/** A tag no server gave: the resource's "last known ETag value" it is not. */
const STALE = 'W/"docspec-stale-tag"';

/**
 * The page requires `If-Match` ("Last known ETag value for the **plannerTask** to be updated. Required."):
 * a request without it, or with a tag that is not the resource's, is refused, and the resource is left as it
 * was. Every other case sends the fresh tag (transport/if-match.ts).
 */
export const ifMatchCheck: ServerCheck = {
  id: 'if-match',
  title: "a request without the resource's current tag in If-Match is refused",
  kinds: {
    read: 'a read changes nothing, so Graph pages ask no tag of it',
    create: 'there is no resource yet whose tag to give',
    update: true,
    action: true,
    link: true,
    delete: true,
  },
  cases({ target }) {
    const row = ifMatchRow(target.spec);
    if (!row) return [skipped(this, 'the page does not require an If-Match header')];
    const forms = [
      { id: 'missing', header: undefined, why: 'the request has no If-Match header' },
      { id: 'stale', header: STALE, why: `If-Match ${STALE} is not the resource's tag` },
    ] as const;
    return forms.map((form) => ({
      id: `${this.id}/${form.id}`,
      check: this.id,
      title: this.title,
      source: row.source,
      sentence: `If-Match: ${row.value}`,
      // A delete the server wrongly accepts removes the resource: each form is sent once.
      once: true,
      arbitrary: validBodies(target),
      async run(body) {
        const request = operationRequest(target, body, { headers: { 'If-Match': form.header } });
        return expectClientError(await target.send(asIs(request)), form.why);
      },
    }));
  },
};
