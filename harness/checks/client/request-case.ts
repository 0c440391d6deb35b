/** Builds the usual client case: call the adapter with a generated intent, then look at what was sent. */
import type fc from 'fast-check';
import type { SourceRef } from '../../../generator/ir/ir.js';
import type { CheckCase } from '../check.js';
import type { ClientCheck, ClientContext, Observation } from './client-check.js';
import type { Intent, Scenario } from '../../model/intent.js';

export interface RequestCaseOptions<T extends Intent> {
  source?: SourceRef;
  sentence?: string;
  /** Default: intents with small bodies (`ctx.lightIntents`). */
  arbitrary?: fc.Arbitrary<T>;
  scenario?: (value: T) => Scenario;
  /** A difference between what the docs say and what was observed (and the docs line, when narrower than the case's), or undefined. */
  verify(observation: Observation, value: T): { received: string; expected: string; source?: SourceRef; sentence?: string } | undefined;
}

/** Shared by every call answered as documented: nothing reads a scenario to change it. */
const SUCCESS: Scenario = Object.freeze({ kind: 'success' });

export function requestCase<T extends Intent = Intent>(check: ClientCheck, ctx: ClientContext, options: RequestCaseOptions<T>): CheckCase<T> {
  return {
    id: check.id,
    check: check.id,
    title: check.title,
    source: options.source,
    sentence: options.sentence,
    arbitrary: options.arbitrary ?? (ctx.lightIntents as fc.Arbitrary<T>),
    async run(value) {
      const observation = await ctx.call(value, options.scenario?.(value) ?? SUCCESS);
      const v = options.verify(observation, value);
      return v ? { ...v, exchanges: observation.exchanges } : undefined;
    },
  };
}

/** The first request, or a difference saying there was none. */
export const first = (o: Observation) => o.exchanges[0];
export const NO_REQUEST = { received: 'no request', expected: 'one update request' };

/** What became of a call that did not resolve or reject as it should, as the `received` of a difference. */
export function outcomeText(o: Observation): string {
  if (o.outcome === 'timeout') return `the call never settled${o.error ? ` (${o.error})` : ''}`;
  if (o.outcome === 'crashed') return o.error ?? 'the adapter crashed';
  if (o.outcome === 'rejected') return `the call rejected: ${o.error}`;
  return 'the call resolved';
}
