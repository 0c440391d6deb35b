/**
 * Seeded defects of the drawn references (tem.ts, planner.ts): each swaps exactly one step of the reference
 * and breaks one documented rule of its pages. `operation` and `caughtBy` name the case that must fail
 * (`resource-model` for what only a run across operations shows); `lineHolds` is text the docs line its
 * failure cites must hold.
 */
import type { OperationSpec } from '../../../generator/ir/ir.js';
import { certifySuite } from '../../../harness/run/certify-suite.js';
import type { Entity, EntityService, EntitySteps, EntityStore } from './entity.js';

export interface EntityDefect {
  name: string;
  /** The documented rule it breaks, in words, with its page and line. */
  breaks: string;
  operation: string;
  caughtBy: string;
  lineHolds: string | RegExp;
  steps: Partial<EntitySteps>;
}

/** A reference as its defects are certified: how to serve it, its create, and the values a run is given. */
export interface Reference {
  name: string;
  serve(steps: Partial<EntitySteps>): EntityService;
  create: string;
  params: Record<string, string>;
  defects: EntityDefect[];
}

/** A step's validation minus the problems `ignore` matches. */
export const ignoring =
  (step: (body: Entity, store: EntityStore) => string | undefined, ignore: RegExp) =>
  (body: Entity, store: EntityStore): string | undefined => {
    const why = step(body, store);
    return why && ignore.test(why) ? undefined : why;
  };

/**
 * Certifies the reference with `defect` seeded, in-process: the defect's operation and the create that feeds
 * it (every operation, for the resource model), only the case meant to catch it. Returns the run and the
 * case that failed, if one did.
 */
export async function certifyEntityDefect(reference: Reference, defect: EntityDefect, specs: readonly OperationSpec[], seed: number) {
  const service = reference.serve(defect.steps);
  const model = defect.operation === 'resource-model';
  const chosen = model ? [...specs] : specs.filter((s) => s.operation === defect.operation || s.operation === reference.create);
  const report = await certifySuite({ specs: chosen, handler: (r) => service.handle(r), params: reference.params, seed, checks: [defect.caughtBy] });
  const cases = model ? report.checks : (report.operations.find((o) => o.operation === defect.operation)?.report?.checks ?? []);
  const caught = cases.find((c) => c.status === 'fail' && (c.id === defect.caughtBy || c.id.startsWith(`${defect.caughtBy}/`)));
  return { report, caught };
}
