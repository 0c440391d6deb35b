/** Creates a resource with a valid body; the model then expects it to read back with what was sent. */
import type fc from 'fast-check';
import { describeResponse, jsonOf } from '../../model/exchange.js';
import { fail } from '../violation-error.js';
import { silentRefusal } from '../silent-refusal.js';
import { exchange, type Model, type Operations, ok, promise, type Real, request } from './model-steps.js';

export class CreateCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    private readonly ops: Operations,
    private readonly body: Record<string, unknown>,
  ) {}

  check(): boolean {
    return true;
  }

  async run(m: Model, r: Real): Promise<void> {
    const sent = request('POST', this.ops.collection, r.token, this.body);
    let ex = await exchange(r, sent);
    let body = this.body;
    // Refused where the docs are silent on what was refused: the plainer body the server took is what exists.
    const silent = ok(ex) ? undefined : await silentRefusal(this.ops.create, body, ex, (b) => exchange(r, { ...sent, body: JSON.stringify(b) }));
    if (silent) {
      if (!r.tolerated.length) r.tolerated.push(silent.violation);
      ({ exchange: ex, body } = silent.accepted);
    }
    const created = jsonOf(ex.response) as { id?: unknown } | undefined;
    if (!ok(ex) || typeof created?.id !== 'string')
      throw fail(
        {
          received: describeResponse(ex.response, 160),
          expected: 'the created resource with its id',
          ...promise(this.ops.create, 'creates the resource'),
          exchanges: [],
        },
        r.log,
      );
    const tracked = Object.entries(body).filter(([k, v]) => this.ops.tracked.has(k) && v !== null);
    m.resources.push({ id: created.id, values: new Map(tracked), gone: false, refs: new Map() });
  }

  toString(): string {
    return `create(${JSON.stringify(this.body)})`;
  }
}
