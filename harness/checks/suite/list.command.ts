/** Lists the collection: it holds every resource that exists, and no deleted one. */
import type fc from 'fast-check';
import type { OperationSpec } from '../../../generator/ir/ir.js';
import { fail } from '../violation-error.js';
import { listIds, type Model, promise, type Real } from './model-steps.js';

export class ListCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    private readonly collection: string,
    private readonly list: OperationSpec,
  ) {}

  check(m: Model): boolean {
    return m.resources.length > 0;
  }

  async run(m: Model, r: Real): Promise<void> {
    const ids = await listIds(r, this.collection, this.list);
    const missing = m.resources.find((res) => !res.gone && !ids.has(res.id));
    const stale = m.resources.find((res) => res.gone && ids.has(res.id));
    if (missing || stale)
      throw fail(
        {
          received: missing ? `the list lacks ${missing.id}, which the run created` : `the list still holds ${stale!.id}, which the run deleted`,
          expected: 'the list holds every resource that exists, and no deleted one',
          ...promise(this.list, 'lists the collection'),
          exchanges: [],
        },
        r.log,
      );
  }

  toString(): string {
    return 'list()';
  }
}
