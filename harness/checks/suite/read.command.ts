/** Reads a resource the run made: what the run set reads back, and a deleted one answers 404. */
import type fc from 'fast-check';
import type { OperationSpec } from '../../../generator/ir/ir.js';
import { describeResponse, jsonOf } from '../../model/exchange.js';
import { sameValue } from '../same-value.js';
import { fail } from '../violation-error.js';
import { exchange, expectGone, type Model, type Operations, pick, promise, type Real, request } from './model-steps.js';

export class ReadCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    private readonly ops: Operations & { read: OperationSpec },
    private readonly n: number,
  ) {}

  check(m: Model): boolean {
    return m.resources.length > 0;
  }

  async run(m: Model, r: Real): Promise<void> {
    const { read } = this.ops;
    const res = pick(m, this.n, false)!;
    const keys = [...res.values.keys()];
    const select = keys.length ? `?$select=${keys.map(encodeURIComponent).join(',')}` : '';
    const ex = await exchange(r, request('GET', `${this.ops.collection}/${encodeURIComponent(res.id)}${select}`, r.token));
    if (res.gone) return expectGone(r, ex, this.ops.delete ?? read);
    const got = jsonOf(ex.response);
    if (ex.response.status !== 200 || typeof got !== 'object' || got === null)
      throw fail(
        {
          received: describeResponse(ex.response),
          expected: '200 OK with the resource the run created',
          ...promise(read, 'reads the resource'),
          exchanges: [],
        },
        r.log,
      );
    for (const [key, want] of res.values) {
      const value = (got as Record<string, unknown>)[key];
      if (!sameValue(want, value))
        throw fail(
          {
            received: `${key} reads back as ${value === undefined ? 'absent' : JSON.stringify(value)}`,
            expected: `${key} as the run last set it: ${JSON.stringify(want)}`,
            ...promise(read, 'reads the resource as created and updated'),
            exchanges: [],
          },
          r.log,
        );
    }
  }

  toString(): string {
    return `read(${this.n})`;
  }
}
