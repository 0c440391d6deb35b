/**
 * `docspec certify server --dry-run`: the plan of a run, sent nowhere. One spec: its cases, each with the
 * first request it would send. A folder: a line per operation and what share of them, by method, could be
 * certified, with the reasons for the rest.
 */
import { knownParameters } from '../harness/run/certify-server.js';
import { type OperationPlan, planRuns } from '../harness/run/plan.js';
import { withAliases } from './usage-words.js';
import { printable } from '../generator/report/printable.js';
import { stdout, UsageError, writeOutput } from './io.js';
import { specsAt } from './load-spec.js';

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '0%');

function operationLine(p: OperationPlan): string {
  const head = `${p.operation} ${p.variant} (${p.kind ?? 'not certified'} ${p.method}${p.path ? ` ${p.path}` : ''})`;
  if (p.blocked) return `✗ ${head}: ${p.blocked}`;
  const run = p.cases.filter((c) => c.skip === undefined).length;
  const needs = p.needs.length ? `; needs ${p.needs.map(paramLine).join(' ')}` : '';
  const fed = p.fed?.length ? `; ${p.fed.join(', ')}` : '';
  return `✓ ${head}: ${run} cases, about ${p.requests.toLocaleString('en-US')} requests${fed}${needs}`;
}

function detail(p: OperationPlan): string[] {
  const lines = [operationLine(p)];
  for (const c of p.cases)
    lines.push(c.skip !== undefined ? `    - ${c.id}  skipped: ${c.skip}` : `    ${c.id} ×${c.runs}${c.request ? `  e.g. ${c.request}` : ''}`);
  return lines;
}

/** Planned and not planned operations by method, and the reasons for the ones not planned. */
export function planSummary(plans: OperationPlan[]): string[] {
  const methods = [...new Set(plans.map((p) => p.method))].sort();
  const planned = plans.filter((p) => !p.blocked);
  const byMethod = methods.map((m) => {
    const all = plans.filter((p) => p.method === m);
    const ok = all.filter((p) => !p.blocked).length;
    return `${m} ${ok}/${all.length}`;
  });
  const reasons = new Map<string, number>();
  // A reason is counted by its kind, not its wording per page (the method, the skipped checks).
  for (const p of plans) {
    if (!p.blocked) continue;
    const why = p.blocked.replace(/the page documents \w+$/, 'the page documents another method');
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  const needing = planned.filter((p) => p.needs.length).length;
  const fed = planned.filter((p) => p.fed?.length).length;
  const unstated = planned.filter((p) => p.cases.some((c) => c.id === 'success-status' && c.skip !== undefined)).length;
  return [
    `docspec: dry run of ${plans.length} operations, nothing sent: ${planned.length} planned (${pct(planned.length, plans.length)}) — ${byMethod.join(', ')}`,
    ...(fed ? [`  ${fed} of them get path parameter values from a create of the run`] : []),
    ...(needing ? [`  ${needing} of them need values (--param NAME=VALUE, or --user-id for one operation)`] : []),
    ...(unstated ? [`  ${unstated} of them document no success status: success-status is skipped, the other checks run`] : []),
    ...[...reasons].sort((a, b) => b[1] - a[1]).map(([why, n]) => `  not planned, ${n}: ${why}`),
  ];
}

export async function dryRun(
  paths: string[],
  options: { userId?: string; params: Record<string, string>; runs: number; seed: number },
  values: { report?: string; quiet?: boolean },
): Promise<number> {
  const specs = paths.flatMap(specsAt);
  if (specs.length > 1 && options.userId !== undefined)
    throw new UsageError('--user-id addresses one operation; give a run over several operations its values with --param NAME=VALUE');
  const params = specs.length === 1 ? withAliases(options.params, { userId: options.userId }, knownParameters(specs[0]!)) : options.params;
  const plans = await planRuns(specs, { runs: options.runs, seed: options.seed, params });
  const lines = specs.length === 1 ? detail(plans[0]!) : [...(values.quiet ? [] : plans.map(operationLine)), ...planSummary(plans)];
  stdout(`${printable(lines.join('\n'))}\n`);
  if (values.report) writeOutput(`${JSON.stringify({ runs: options.runs, seed: options.seed, operations: plans }, null, 2)}\n`, values.report, 'dry-run plan');
  return 0;
}

/**
 * The `--param` a plan asks for, as it can be pasted into a shell: a docs name with a space or another
 * character a shell reads (`{tenant id}`) is single-quoted whole.
 */
export function paramLine(name: string): string {
  const arg = `${name}=VALUE`;
  return /^[\w.@%+,:/-]+=VALUE$/.test(arg) ? `--param ${arg}` : `--param '${arg.replace(/'/g, `'\\''`)}'`;
}
