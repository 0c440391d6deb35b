import fc from 'fast-check';
import { sentRequired } from '../../../generator/ir/enforced.js';
import { validBodies } from '../../arbitraries/body-bindings.js';
import { validValue } from '../../arbitraries/values.js';
import { operationKind } from '../../model/operation-kind.js';
import { addresses, paramValue, pathOf, resolve, successResponse, operationRequest } from '../../model/target.js';
import { type CheckCase, type ServerCheck, skipped, type Violation } from '../check.js';
import { silentRefusal } from '../silent-refusal.js';
import { expectDocumentedSuccess } from '../expect.js';

/**
 * Each documented way to address the resource (by id, by another key the docs allow such as a unique name,
 * via `/me`) accepts the request. An alternative key that is also a property of the request body
 * (`{id | name}` where the body has `name`) is addressed, on an update, by first setting a generated value
 * through the primary address, so the case also covers the characters the docs allow in it and their percent-encoding;
 * the other bodies leave such a property alone.
 */
export const addressingCheck: ServerCheck = {
  id: 'addressing',
  title: 'every documented address of the resource accepts the request',
  kinds: {
    read: true,
    create: true,
    update: true,
    action: true,
    link: 'adding the same reference through another address is documented to be refused',
    delete: 'deleting through one address removes the resource for the others',
  },
  cases({ target, probe }) {
    const doc = successResponse(target.spec);
    if (!doc) return [skipped(this, 'the page documents no success response')];
    const all = addresses(target.spec);
    // Body properties that are also a key of the resource: left alone (they address it), unless the body must carry them (a create).
    const keys = target.spec.requestBody.properties.filter((p) => p.name !== 'id' && all.some((a) => a.params.length === 1 && a.form === p.name));
    const dropped = keys.filter((p) => sentRequired(p, target.spec.http.method) === undefined).map((p) => p.name);
    const bodies = dropped.length
      ? validBodies(target).map((b) => Object.fromEntries(Object.entries(b).filter(([k]) => !dropped.includes(k))))
      : validBodies(target);
    const keyValues = (name: string) => {
      const p = keys.find((k) => k.name === name);
      return p ? validValue(p, { spec: target.spec, depth: 0 }).filter((v): v is string => typeof v === 'string') : undefined;
    };
    return all.map((a): CheckCase<[Record<string, unknown>, string | undefined]> => {
      const id = `${this.id}/${a.form.replace(/^\//, '')}`;
      const tolerated: Violation[] = [];
      const base = { id, check: this.id, title: this.title, source: a.source, sentence: `${target.spec.http.method} ${a.template}`, tolerated };
      const send = async (body: Record<string, unknown>, value?: string, path = pathOf(a.template, value)) => {
        const ex = await target.send(operationRequest(target, body, { path }));
        const v = expectDocumentedSuccess(ex, target.spec, doc);
        // Refused where the docs are silent on what was refused: a warning naming it (silent-refusal.ts).
        const silent = v && (await silentRefusal(target.spec, body, ex, (b) => target.send(operationRequest(target, b, { path }))));
        if (!silent) return v;
        tolerated.length || tolerated.push(silent.violation);
        return undefined;
      };
      if (a.params.length === 0) return { ...base, arbitrary: fc.tuple(bodies, fc.constant(undefined)), run: ([body]) => send(body) };
      if (a.params.length > 1) {
        const at = resolve(a, target.params);
        if ('missing' in at) return { ...skipped(this, `no value given for ${at.missing.map((n) => `{${n}}`).join(', ')}`, a.source), id };
        return { ...base, arbitrary: fc.tuple(bodies, fc.constant(undefined)), run: ([body]) => send(body, undefined, at.path) };
      }
      if (a.form === 'id') {
        const key = paramValue(['id'], target.params);
        if (key === undefined) return { ...skipped(this, 'no value given for {id}', a.source), id };
        return { ...base, arbitrary: fc.tuple(bodies, fc.constant(key)), run: ([body, value]) => send(body, value) };
      }
      // Setting a generated key first takes an update; any other operation uses the key the server has.
      const generated = keyValues(a.form);
      if (generated && operationKind(target.spec) === 'update') {
        return {
          ...base,
          arbitrary: fc.tuple(bodies, generated),
          async run([body, key]) {
            const set = expectDocumentedSuccess(await target.send(operationRequest(target, { [a.form]: key })), target.spec, doc);
            if (set) return { ...set, expected: `${set.expected} (setting the ${a.form} to address the resource by)` };
            return send(body, key);
          },
        };
      }
      // The key given, or the one the first read returned.
      const read = probe.initial?.[a.form];
      const known = paramValue(a.params[0]!, target.params) ?? (typeof read === 'string' ? read : undefined);
      if (known !== undefined) return { ...base, arbitrary: fc.tuple(bodies, fc.constant(known)), run: ([body, value]) => send(body, value) };
      return { ...skipped(this, `no value given for {${a.form}}`, a.source), id };
    });
  },
};
