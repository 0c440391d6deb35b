import fc from 'fast-check';
import type { OperationSpec, ReadOnlyStatement } from '../../../generator/ir/ir.js';
import { validBodies } from '../../arbitraries/body-bindings.js';
import { describeResponse, jsonOf } from '../../model/exchange.js';
import { operationKind } from '../../model/operation-kind.js';
import { operationRequest, readRequest, successResponse } from '../../model/target.js';
import { type ServerCheck, skipped, type Violation } from '../check.js';
import { isObject } from '../expect.js';
import { sameValue } from '../same-value.js';

/**
 * Values no server holds by chance, by the property's type: a written one that reads back was applied. Only
 * text and instants, where such a value exists (a flipped boolean or a small number may be the server's own).
 */
const MARKERS: Record<string, string> = {
  string: 'docspec-read-only-probe',
  datetimeoffset: '2001-02-03T04:05:06Z',
  date: '2001-02-03',
};

interface Probe {
  statement: ReadOnlyStatement;
  value: string;
}

/** The read-only properties of the resource page that a write could be seen to apply, with a value for each. */
function probes(spec: OperationSpec): Probe[] {
  const resource = spec.requestBody.resource;
  const def = resource ? spec.types[resource] : undefined;
  const out: Probe[] = [];
  for (const statement of spec.requestBody.resourceReadOnly ?? []) {
    const property = def?.kind === 'complex' ? def.properties.find((p) => p.name === statement.property) : undefined;
    const type = property?.type;
    // Without the resource's type at hand, the name says which marker: only reading back exactly the marker
    // fails, so a marker of the wrong type is refused or ignored, never a false failure.
    const name = type
      ? type.kind === 'primitive' && !type.collection
        ? type.name.replace(/^Edm\./i, '').toLowerCase()
        : ''
      : /DateTime$/.test(statement.property)
        ? 'datetimeoffset'
        : 'string';
    const value = MARKERS[name];
    if (value !== undefined) out.push({ statement, value });
  }
  return out;
}

/**
 * A property the resource page marks read-only is not written by a request that sends it: the server
 * refuses the request (a 4xx) or ignores the property, which then does not read back as sent. Only a value
 * that reads back exactly as written fails: a server-managed value may change for its own reasons.
 */
export const readOnlyCheck: ServerCheck = {
  id: 'read-only',
  title: 'a property the resource page marks read-only is refused or ignored, never written',
  kinds: {
    read: 'the request has no body',
    create: true,
    update: true,
    action: "an action's body is its parameters, not the resource",
    link: 'the body names a reference, not the resource',
    delete: 'the request has no body',
  },
  cases({ target, probe }) {
    const { spec } = target;
    const doc = successResponse(spec);
    if (!doc) return [skipped(this, 'the page documents no success response')];
    const candidates = probes(spec);
    if (!candidates.length) return [skipped(this, 'the resource page, when at hand, marks no text or date-time property read-only')];
    const creates = operationKind(spec) === 'create';
    // An update is seen through a read of the resource; a create through the resource it answers.
    if (!creates && !probe.readable) return [skipped(this, 'a GET does not read the resource back, so an applied write cannot be seen')];
    return [
      {
        id: this.id,
        check: this.id,
        title: this.title,
        source: candidates[0]!.statement.source,
        sentence: `${candidates[0]!.statement.property}: ${candidates[0]!.statement.sentence}`,
        // Each property about three times: more runs only draw the same few again.
        maxRuns: candidates.length * 3,
        arbitrary: fc.tuple(fc.constantFrom(...candidates), validBodies(target)),
        async run([{ statement, value }, body]): Promise<Violation | undefined> {
          const ex = await target.send(operationRequest(target, { ...body, [statement.property]: value }));
          const status = ex.response.status;
          if (status >= 400 && status < 500) return undefined;
          const cite = { source: statement.source, sentence: `${statement.property}: ${statement.sentence}` };
          if (status < 200 || status > 299)
            return {
              received: describeResponse(ex.response),
              expected: `a 4xx refusing read-only ${statement.property}, or the documented ${doc.status} ignoring it`,
              ...cite,
              exchanges: [ex],
            };
          const answered = jsonOf(ex.response);
          const after = creates ? undefined : await target.send(readRequest(target, [statement.property]));
          const held = creates ? answered : after && jsonOf(after.response);
          if (isObject(held) && sameValue(held[statement.property], value))
            return {
              received: `${describeResponse((after ?? ex).response, 160)}: ${statement.property} is ${JSON.stringify(value)}, as written`,
              expected: `${statement.property} is read-only: the request refused, or the value ignored`,
              ...cite,
              exchanges: after ? [ex, after] : [ex],
            };
          return undefined;
        },
      },
    ];
  },
};
