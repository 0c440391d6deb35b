import fc from 'fast-check';
import { bindingRequired } from '../../../generator/ir/enforced.js';
import { validBodies } from '../../arbitraries/body-bindings.js';
import { validValue } from '../../arbitraries/values.js';
import { operationKind } from '../../model/operation-kind.js';
import { addresses, paramValue, pathOf, resolve, successResponse, operationRequest } from '../../model/target.js';
import { type CheckCase, type ServerCheck, skipped } from '../check.js';
import { expectDocumentedSuccess } from '../expect.js';

/**
 * Each documented way to address the resource (by id, by userPrincipalName, via `/me`) accepts the update.
 * To address by userPrincipalName, a run first sets a generated one (through the primary address), so the
 * case also covers the characters the docs allow in it and their percent-encoding; the other bodies leave
 * userPrincipalName alone.
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
    const upnProperty = target.spec.requestBody.properties.find((p) => p.name === 'userPrincipalName');
    // The user principal name is left alone (it addresses the user), unless the body must carry it (a create).
    const keepUpn = upnProperty !== undefined && bindingRequired(upnProperty, target.spec.http.method) !== undefined;
    const bodies = keepUpn ? validBodies(target) : validBodies(target).map(({ userPrincipalName: _, ...rest }) => rest);
    const principalNames = upnProperty ? validValue(upnProperty, { spec: target.spec, depth: 0 }).filter((v): v is string => typeof v === 'string') : undefined;
    return addresses(target.spec).map((a): CheckCase<[Record<string, unknown>, string | undefined]> => {
      const id = `${this.id}/${a.form.replace(/^\//, '')}`;
      const base = { id, check: this.id, title: this.title, source: a.source, sentence: `${target.spec.http.method} ${a.template}` };
      const send = async (body: Record<string, unknown>, value?: string, path = pathOf(a.template, value)) =>
        expectDocumentedSuccess(await target.send(operationRequest(target, body, { path })), target.spec, doc);
      if (a.params.length === 0) return { ...base, arbitrary: fc.tuple(bodies, fc.constant(undefined)), run: ([body]) => send(body) };
      if (a.params.length > 1) {
        const at = resolve(a, target.params);
        if ('missing' in at) return { ...skipped(this, `no value given for ${at.missing.map((n) => `{${n}}`).join(', ')}`, a.source), id };
        return { ...base, arbitrary: fc.tuple(bodies, fc.constant(undefined)), run: ([body]) => send(body, undefined, at.path) };
      }
      if (a.form === 'id') {
        if (target.userId === undefined) return { ...skipped(this, 'no value given for {id}', a.source), id };
        return { ...base, arbitrary: fc.tuple(bodies, fc.constant(target.userId)), run: ([body, value]) => send(body, value) };
      }
      // Setting a generated name first takes an update; any other operation uses the name the server has.
      if (a.form === 'userPrincipalName' && principalNames && operationKind(target.spec) === 'update') {
        return {
          ...base,
          arbitrary: fc.tuple(bodies, principalNames),
          async run([body, upn]) {
            const set = expectDocumentedSuccess(await target.send(operationRequest(target, { userPrincipalName: upn })), target.spec, doc);
            if (set) return { ...set, expected: `${set.expected} (setting the userPrincipalName to address the user by)` };
            return send(body, upn);
          },
        };
      }
      // The name given, or the one the first read returned.
      const known = target.userPrincipalName ?? (typeof probe.initial?.userPrincipalName === 'string' ? probe.initial.userPrincipalName : undefined);
      if (a.form === 'userPrincipalName' && known !== undefined) {
        return { ...base, arbitrary: fc.tuple(bodies, fc.constant(known)), run: ([body, value]) => send(body, value) };
      }
      const given = paramValue(a.params[0]!, target.params);
      if (given !== undefined) return { ...base, arbitrary: fc.tuple(bodies, fc.constant(given)), run: ([body, value]) => send(body, value) };
      return { ...skipped(this, `no value given for {${a.form}}`, a.source), id };
    });
  },
};
