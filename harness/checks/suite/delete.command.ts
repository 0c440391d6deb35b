/** Deletes a live resource: accepted, and gone at once (a read of it answers 404). */
import type fc from 'fast-check';
import type { OperationSpec } from '../../../generator/ir/ir.js';
import { exchange, expectAccepted, expectGone, type Model, type Operations, pick, type Real, request } from './model-steps.js';

export class DeleteCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    private readonly ops: Operations & { delete: OperationSpec },
    private readonly n: number,
  ) {}

  check(m: Model): boolean {
    return m.resources.some((res) => !res.gone);
  }

  async run(m: Model, r: Real): Promise<void> {
    const path = `${this.ops.collection}/${encodeURIComponent(pick(m, this.n)!.id)}`;
    const res = pick(m, this.n)!;
    await expectAccepted(r, request('DELETE', path, r.token), this.ops.delete, 'the resource exists', 'deletes the resource');
    res.gone = true;
    if (this.ops.read) expectGone(r, await exchange(r, request('GET', path, r.token)), this.ops.delete);
  }

  toString(): string {
    return `delete(${this.n})`;
  }
}
