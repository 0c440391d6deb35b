import fc from 'fast-check';
import type { OperationSpec, Property } from '../../../generator/ir/ir.js';
import { buildResponseContract } from '../../../generator/emit/contract.js';
import { validBodies } from '../../arbitraries/body-bindings.js';
import { describeResponse, jsonOf } from '../../model/exchange.js';
import { OPERATION_KINDS, operationKind, sendsBody } from '../../model/operation-kind.js';
import { addressedKey, readRequest, successResponse, operationRequest } from '../../model/target.js';
import { type ServerCheck, skipped, type Violation } from '../check.js';
import { answeredResponse, expectResourceBody, expectSuccess, isObject, requestEnums } from '../expect.js';
import { sameValue } from '../same-value.js';
import { silentRefusal } from '../silent-refusal.js';

/**
 * The `id` property of the resource type, when its page lists one (an entity has one whether or not its
 * page repeats it, so a created resource without one fails either way).
 */
function resourceId(spec: OperationSpec, type: string): Property | undefined {
  const def = spec.types[type];
  return def?.kind === 'complex' ? def.properties.find((p) => p.name === 'id') : undefined;
}

/**
 * What is wrong with the resource a read answered, when its address ends in `key`: no id (where the type's
 * page lists one), or another resource. The key may be any key the address allows (an id, or an alternative
 * key of the resource), so the answer is another resource only when no top-level value of it is the key: a
 * reading that fails no server that answers what was asked.
 */
function readsAnother(read: Record<string, unknown>, key: string, listsId: boolean): string | undefined {
  if (listsId && (typeof read.id !== 'string' || read.id === '')) return `id is ${JSON.stringify(read.id) ?? 'missing'}`;
  if (typeof read.id === 'string' && !Object.values(read).includes(key)) return `id is ${JSON.stringify(read.id)}, and no property holds the key addressed`;
  return undefined;
}

/**
 * A request the docs allow gets the documented success response, and its body is the documented resource
 * type. A create's body is the new resource, holding what was sent; a read's is the resource addressed, with
 * its id; after a delete the resource reads 404.
 */
export const successStatusCheck: ServerCheck = {
  id: 'success-status',
  title: 'a request the docs allow gets the documented success response',
  kinds: { read: true, create: true, update: true, action: true, link: true, delete: true },
  cases({ target, probe }) {
    const doc = successResponse(target.spec);
    if (!doc) return [skipped(this, 'the page documents no success response')];
    const kind = operationKind(target.spec);
    // Statuses the page gives with a condition ("200 OK when updating allowExternalSenders"): conditions are
    // shown, never enforced, so answering one is as documented, its own body rules applying.
    const conditional = target.spec.responses.filter((r) => r !== doc && r.condition && r.status >= 200 && r.status < 300);
    const contracts = new Map([doc, ...conditional].map((r) => [r, r.bodyType ? buildResponseContract(target.spec, r) : undefined]));
    // The kind that removes the resource: it runs once, and afterwards the resource must be gone.
    const deletes = kind !== undefined && OPERATION_KINDS[kind].destructive;
    const idProperty = (kind === 'create' || kind === 'read') && doc.bodyType ? resourceId(target.spec, doc.bodyType) : undefined;
    // A read addressed by the resource's own key answers that resource (see `readsAnother`).
    const addressed = kind === 'read' && !doc.bodyCollection ? addressedKey(target) : undefined;
    const tolerated: Violation[] = [];
    const allowedInRequest = requestEnums([target.spec, ...(target.related ?? [])], doc.bodyType);
    return [
      {
        id: this.id,
        check: this.id,
        title: this.title,
        source: doc.source,
        sentence: `${doc.status} ${doc.statusText}${doc.bodyType ? ` and a ${doc.bodyType}${doc.bodyCollection ? ' collection' : ' object'}` : ''}`,
        ...(deletes ? { destructive: true } : {}),
        // Adding the same reference again is documented to be refused: the success is judged on one add.
        ...(kind === 'link' ? { once: true } : {}),
        tolerated,
        distinct: true,
        arbitrary: sendsBody(target.spec) ? validBodies(target) : fc.constant({}),
        async run(body, known) {
          const ex = await target.send(operationRequest(target, body));
          const answered = answeredResponse(target.spec, doc, ex.response.status);
          const shape = expectSuccess(ex, answered, known);
          if (shape) {
            // Refused where the docs state no limit on what was refused: a warning naming the ambiguity.
            const silent = sendsBody(target.spec) ? await silentRefusal(target.spec, body, ex, (b) => target.send(operationRequest(target, b))) : undefined;
            if (!silent) return shape;
            tolerated.length || tolerated.push(silent.violation);
            return undefined;
          }
          const values = known.has('resource') ? undefined : expectResourceBody(ex, contracts.get(answered), answered, allowedInRequest);
          if (values?.tolerance) tolerated.length || tolerated.push(values);
          else if (values) return { ...values, kind: 'resource' };
          const created = kind === 'create' && doc.bodyType ? jsonOf(ex.response) : undefined;
          if (isObject(created)) {
            if ((typeof created.id !== 'string' || created.id === '') && !known.has('id'))
              return {
                received: `${describeResponse(ex.response, 160)}: id is ${JSON.stringify(created.id) ?? 'missing'}`,
                expected: `the created ${doc.bodyType} with its id, the key every later request addresses it by`,
                ...(idProperty ? { source: idProperty.source, sentence: idProperty.description } : {}),
                kind: 'id',
                exchanges: [ex],
              };
            // A create page may return "only the default properties": a property left out is not a failure
            // (a run over several operations reads it back), one returned with another value is.
            const changed = Object.entries(body).find(([k, v]) => !k.includes('@') && v !== null && k in created && !sameValue(v, created[k]));
            if (changed && !known.has('created-values'))
              return {
                received: `${describeResponse(ex.response, 160)}: ${changed[0]} is ${JSON.stringify(created[changed[0]])}`,
                expected: `the created ${doc.bodyType}, with ${changed[0]} as sent (${JSON.stringify(changed[1])})`,
                kind: 'created-values',
                exchanges: [ex],
              };
          }
          const read = addressed !== undefined && !known.has('id') ? jsonOf(ex.response) : undefined;
          if (isObject(read)) {
            const wrongId = readsAnother(read, addressed!, idProperty !== undefined);
            if (wrongId)
              return {
                received: `${describeResponse(ex.response, 160)}: ${wrongId}`,
                expected: `the ${doc.bodyType} addressed by ${JSON.stringify(addressed)}, with its id`,
                ...(idProperty ? { source: idProperty.source, sentence: idProperty.description } : {}),
                kind: 'id',
                exchanges: [ex],
              };
          }
          // Gone for good: a read of the same path answers 404 (when the server reads it at all).
          if (deletes && probe.readable && !known.has('gone')) {
            const after = await target.send(readRequest(target));
            if (after.response.status !== 404)
              return {
                received: `${describeResponse(after.response)} to a GET after the DELETE`,
                expected: '404: the deleted resource is gone',
                kind: 'gone',
                exchanges: [ex, after],
              };
          }
          return undefined;
        },
      },
    ];
  },
};
