/**
 * Model-based check over sequences of updates and reads (fast-check commands): after an accepted update the
 * properties read back as sent; properties not in the body keep their values (when the page says so); a
 * refused update changes nothing.
 */
import fc from 'fast-check';
import type { OperationSpec, ResponseSpec } from '../../../generator/ir/ir.js';
import { type BrokenCase, type BrokenFamily, brokenFamilies, isExtensionKey } from '../../arbitraries/body.js';
import { validBodies } from '../../arbitraries/body-bindings.js';
import { describeResponse, type Exchange, jsonOf } from '../../model/exchange.js';
import { readRequest, successResponse, type Target, operationRequest } from '../../model/target.js';
import { type ServerCheck, skipped, type Violation } from '../check.js';
import { silentRefusal } from '../silent-refusal.js';
import { expectClientError, expectDocumentedSuccess } from '../expect.js';
import { fail, ViolationError } from '../violation-error.js';
import { sameValue } from '../same-value.js';

/**
 * What the resource should hold: expected values by key, the keys of the last accepted update, and the keys
 * refused updates named since (a value that changed after one was changed by the refused update).
 */
interface Model {
  values: Map<string, unknown>;
  lastUpdate: Set<string>;
  refusedSince: Set<string>;
}

interface Real {
  target: Target;
  log: Exchange[];
  /** Refusals the docs are silent on (silent-refusal.ts): the case ends as a warning. */
  tolerated: Violation[];
}

class Update implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly spec: OperationSpec,
    readonly doc: ResponseSpec,
    readonly body: Record<string, unknown>,
  ) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const ex = await r.target.send(operationRequest(r.target, this.body));
    r.log.push(ex);
    let body = this.body;
    const v = expectDocumentedSuccess(ex, this.spec, this.doc);
    if (v) {
      // Refused where the docs are silent on what was refused: the plainer body the server took is the update.
      const send = async (b: Record<string, unknown>) => {
        const again = await r.target.send(operationRequest(r.target, b));
        r.log.push(again);
        return again;
      };
      const silent = await silentRefusal(this.spec, body, ex, send);
      if (!silent) throw fail({ ...v, source: this.doc.source }, r.log);
      if (!r.tolerated.length) r.tolerated.push(silent.violation);
      body = silent.accepted.body;
    }
    const keeps = !!this.spec.requestBody.partialUpdate;
    // Without the page's promise, keys left out of the body are unknown after an update, not kept.
    if (!keeps) for (const k of [...m.values.keys()]) if (!(k in body)) m.values.delete(k);
    for (const [k, v] of Object.entries(body)) m.values.set(k, v);
    m.lastUpdate = new Set(Object.keys(body));
    m.refusedSince = new Set();
  }
  toString = () => `update(${JSON.stringify(this.body)})`;
}

class Refused implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly c: BrokenCase,
    readonly family: BrokenFamily,
  ) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const ex = await r.target.send(operationRequest(r.target, this.c.body));
    r.log.push(ex);
    const v = expectClientError(ex, `the body breaks ${this.c.rule} at ${this.c.path}`);
    // An accepted invalid body is the broken constraint's business, not the partial-update sentence's.
    if (v) throw fail({ ...v, source: this.family.source, sentence: this.family.sentence }, r.log);
    for (const k of Object.keys(this.c.body)) m.refusedSince.add(k);
  }
  toString = () => `refused(${JSON.stringify(this.c.body)})`;
}

class Read implements fc.AsyncCommand<Model, Real> {
  constructor(readonly spec: OperationSpec) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const ex = await r.target.send(readRequest(r.target, [...m.values.keys()]));
    r.log.push(ex);
    const got = jsonOf(ex.response);
    if (ex.response.status !== 200 || typeof got !== 'object' || got === null || Array.isArray(got)) {
      throw fail({ received: describeResponse(ex.response), expected: '200 OK with the resource as a JSON object', exchanges: [] }, r.log);
    }
    const actual = new Map(Object.entries(got));
    for (const [key, expected] of m.values) {
      const value = actual.get(key);
      const extensionRemoved = expected === null && this.spec.requestBody.extensions.nullRemoves && isExtensionKey(this.spec, key);
      if (extensionRemoved ? value === undefined || value === null : sameValue(expected, value)) continue;
      // A refused update that named the key since the last accepted one is what changed it: the value the
      // model holds is the one before it, whatever the last update sent.
      const refused = m.refusedSince.has(key);
      const sent = m.lastUpdate.has(key) && !refused;
      const prop = this.spec.requestBody.properties.find((p) => p.name === key);
      const partial = this.spec.requestBody.partialUpdate;
      throw fail(
        {
          received: `${key} reads back as ${value === undefined ? 'absent' : JSON.stringify(value)}`,
          expected: refused
            ? `${key} keeps ${JSON.stringify(expected)}: the later update that named it was refused, and a refused update changes nothing`
            : sent
              ? `${key} reads back as sent: ${JSON.stringify(expected)}`
              : `${key} keeps its previous value ${JSON.stringify(expected)}, as it was not in the last accepted update`,
          source: sent ? (prop?.source ?? this.spec.requestBody.source) : (partial?.source ?? this.spec.requestBody.source),
          sentence: sent ? `${key} is updatable (${prop ? 'property table' : 'extension property'})` : partial?.sentence,
          exchanges: [],
        },
        r.log,
      );
    }
  }
  toString = () => 'read()';
}

export const statefulCheck: ServerCheck = {
  id: 'stateful',
  title: 'updates read back as sent, and what a body leaves out or a refused update touches stays unchanged',
  kinds: {
    read: 'a read changes nothing to read back',
    create: 'each create makes a new resource: its body is checked by success-status',
    update: true,
    action: 'what an action changes is not a property the docs list',
    link: 'a reference is not a property of the resource; a run over several operations reads it back in its list',
    delete: 'a deleted resource has no state; success-status reads it back as gone',
  },
  cases({ target, probe }) {
    const doc = successResponse(target.spec);
    if (!doc) return [skipped(this, 'the page documents no success response')];
    if (!probe.readable) return [skipped(this, `state cannot be read back: ${probe.reason ?? 'GET is not answered'}`)];
    const spec = target.spec;
    const documented = ['id', ...spec.requestBody.properties.map((p) => p.name)];
    const selected = new Set(documented);
    const commands = fc.commands(
      [
        validBodies(target).map((b) => new Update(spec, doc, b)),
        fc.oneof(...brokenFamilies(spec).map((f) => f.arbitrary.map((c) => new Refused(c, f)))),
        fc.constant(new Read(spec)),
      ],
      { maxCommands: 6 },
    );
    const tolerated: Violation[] = [];
    return [
      {
        id: this.id,
        check: this.id,
        title: this.title,
        tolerated,
        source: spec.requestBody.partialUpdate?.source ?? spec.requestBody.source,
        sentence: spec.requestBody.partialUpdate?.sentence,
        arbitrary: commands,
        async run(cmds) {
          let state: { model: Model; real: Real } | undefined;
          const setup = async () => {
            const real: Real = { target, log: [], tolerated };
            // Documented properties only: extension properties left by earlier runs would otherwise grow the
            // read, and the model, with every run (a long-lived server collects thousands).
            const ex = await target.send(readRequest(target, documented));
            real.log.push(ex);
            const initial = jsonOf(ex.response);
            if (ex.response.status !== 200 || typeof initial !== 'object' || initial === null) {
              throw fail({ received: describeResponse(ex.response), expected: '200 OK with the resource as a JSON object', exchanges: [] }, real.log);
            }
            // A server that ignores $select still answers more: the model keeps the documented keys only.
            const values = new Map(Object.entries(initial).filter(([k]) => selected.has(k)));
            state = { model: { values, lastUpdate: new Set(), refusedSince: new Set() }, real };
            return state;
          };
          try {
            await fc.asyncModelRun(setup, cmds);
            // Every sequence ends with a read, so the last update is always verified.
            if (state) await new Read(spec).run(state.model, state.real);
            return undefined;
          } catch (e) {
            if (e instanceof ViolationError) return e.violation;
            throw e;
          }
        },
      },
    ];
  },
};
