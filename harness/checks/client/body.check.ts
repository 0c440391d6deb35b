import type { ClientCheck } from './client-check.js';
import { diffAt } from './body-diff.js';
import { first, NO_REQUEST, requestCase } from './request-case.js';
import { pointerSegments } from '../../../generator/ir/json-pointer.js';

/** The JSON body is the intent: nothing dropped, renamed, added or re-typed; `null` and extensions kept. */
export const bodyCheck: ClientCheck = {
  id: 'body',
  title: 'the JSON body is exactly the update asked for',
  cases(ctx) {
    return [
      requestCase(this, ctx, {
        source: ctx.spec.requestBody.source,
        sentence: 'the request body table',
        arbitrary: ctx.intents,
        verify(o, intent) {
          const ex = first(o);
          if (!ex) return NO_REQUEST;
          // An operation that sends no body (a GET, a DELETE): none may be sent.
          if (intent.body === undefined) {
            if (!ex.request.body) return undefined;
            // The request line is what says so: a DELETE (or a GET, though one with a body never reaches msw).
            const line = ctx.spec.http.paths[0];
            return {
              received: `a body: ${JSON.stringify(ex.request.body.slice(0, 120))}`,
              expected: `no body (${ctx.spec.http.method})`,
              ...(line ? { source: line.source, sentence: `${ctx.spec.http.method} ${line.template}` } : {}),
            };
          }
          // The body sent as the intent's own JSON text is the intent: no need to parse and walk it.
          if (ex.request.body === JSON.stringify(intent.body)) return undefined;
          let sent: unknown;
          try {
            sent = JSON.parse(ex.request.body ?? '');
          } catch {
            return { received: `a body that is not JSON: ${JSON.stringify((ex.request.body ?? '').slice(0, 120))}`, expected: JSON.stringify(intent.body) };
          }
          const diff = diffAt(intent.body, sent);
          if (!diff) return undefined;
          // Point at the row of the property that differs, when it is a documented one.
          const top = pointerSegments(diff.path)[0];
          const prop = ctx.spec.requestBody.properties.find((p) => p.name === top);
          return {
            received: diff.message,
            expected: `the body ${JSON.stringify(intent.body).slice(0, 300)}`,
            ...(prop ? { source: prop.source, sentence: `${prop.name} (${prop.type.name}${prop.type.collection ? ' collection' : ''})` } : {}),
          };
        },
      }),
    ];
  },
};
