/** Updates a live resource with a valid body; the model then expects the new values to read back. */
import type fc from 'fast-check';
import type { OperationSpec } from '../../../generator/ir/ir.js';
import { expectAccepted, type Model, type Operations, pick, type Real, request } from './model-steps.js';

export class UpdateCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    private readonly ops: Operations & { update: OperationSpec },
    private readonly n: number,
    private readonly body: Record<string, unknown>,
  ) {}

  check(m: Model): boolean {
    return m.resources.some((res) => !res.gone);
  }

  async run(m: Model, r: Real): Promise<void> {
    const { update } = this.ops;
    const res = pick(m, this.n)!;
    const { body } = await expectAccepted(
      r,
      request(update.http.method, `${this.ops.collection}/${encodeURIComponent(res.id)}`, r.token, this.body),
      update,
      'the update is valid',
      'updates the resource',
    );
    // A null the update sends is what the resource then holds: the body sent, or the plainer one that took
    // effect when the docs are silent on what the server refused.
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (this.ops.tracked.has(k)) res.values.set(k, v);
  }

  toString(): string {
    return `update(${this.n}, ${JSON.stringify(this.body)})`;
  }
}
