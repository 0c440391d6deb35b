/**
 * The commands of a reference relationship (`/groups/{id}/members/$ref`): add a reference, list the
 * relationship, remove it. Each add and remove is read back at once when the relationship can be listed:
 * the promise is the operation's own.
 */
import type fc from 'fast-check';
import type { OperationSpec } from '../../../generator/ir/ir.js';
import { fail } from '../violation-error.js';
import { expectAccepted, listIds, type Model, pick, promise, type Real, type Relationship, request, type Resource } from './model-steps.js';

class References {
  constructor(
    readonly collection: string,
    readonly rel: Relationship,
  ) {}

  at(res: Resource): string {
    return `${this.collection}/${encodeURIComponent(res.id)}/${this.rel.name}`;
  }

  held(m: Model, n: number): Resource | undefined {
    const res = pick(m, n);
    return res?.refs.get(this.rel.name)?.has(this.rel.refId) ? res : undefined;
  }

  /** What the model says of the reference, read back when the run lists the relationship. */
  async verifyListed(r: Real, res: Resource, cause: OperationSpec): Promise<void> {
    const { rel } = this;
    if (!rel.list) return;
    const ids = await listIds(r, this.at(res), rel.list);
    const want = res.refs.get(rel.name)?.has(rel.refId) === true;
    if (ids.has(rel.refId) === want) return;
    throw fail(
      {
        received: `${rel.name} of ${res.id} ${want ? 'lacks' : 'still holds'} ${rel.refId}`,
        expected: want ? `${rel.refId} is listed: the run added it` : `${rel.refId} is not listed: the run removed it or never added it`,
        ...promise(cause, want ? `adds to the ${rel.name}` : `removes from the ${rel.name}`),
        exchanges: [],
      },
      r.log,
    );
  }
}

export class AddReferenceCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    private readonly refs: References,
    private readonly n: number,
  ) {}

  /** Adding it twice is documented to be refused: the model adds a reference only where it is not held. */
  check(m: Model): boolean {
    return !!pick(m, this.n) && !this.refs.held(m, this.n);
  }

  async run(m: Model, r: Real): Promise<void> {
    const { rel } = this.refs;
    const res = pick(m, this.n)!;
    await expectAccepted(r, request('POST', `${this.refs.at(res)}/$ref`, r.token, rel.body), rel.add, 'the reference is new', 'adds the reference');
    const held = res.refs.get(rel.name) ?? new Set<string>();
    held.add(rel.refId);
    res.refs.set(rel.name, held);
    await this.refs.verifyListed(r, res, rel.add);
  }

  toString(): string {
    return `add-${this.refs.rel.name}(${this.n})`;
  }
}

export class ListReferencesCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    private readonly refs: References,
    private readonly list: OperationSpec,
    private readonly n: number,
  ) {}

  check(m: Model): boolean {
    return !!pick(m, this.n);
  }

  run(m: Model, r: Real): Promise<void> {
    return this.refs.verifyListed(r, pick(m, this.n)!, this.list);
  }

  toString(): string {
    return `list-${this.refs.rel.name}(${this.n})`;
  }
}

export class RemoveReferenceCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    private readonly refs: References,
    private readonly remove: OperationSpec,
    private readonly n: number,
  ) {}

  check(m: Model): boolean {
    return !!this.refs.held(m, this.n);
  }

  async run(m: Model, r: Real): Promise<void> {
    const { rel } = this.refs;
    const res = this.refs.held(m, this.n)!;
    const path = `${this.refs.at(res)}/${encodeURIComponent(rel.refId)}/$ref`;
    await expectAccepted(r, request('DELETE', path, r.token), this.remove, 'the reference is held', 'removes the reference');
    res.refs.get(rel.name)!.delete(rel.refId);
    await this.refs.verifyListed(r, res, this.remove);
  }

  toString(): string {
    return `remove-${this.refs.rel.name}(${this.n})`;
  }
}

export { References };
