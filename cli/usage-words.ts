/**
 * The library's usage problems in the CLI's words: the flags that give or fix each value. The library says
 * the same with option names (harness/model/usage-problem.ts); the data is shared, only the words differ.
 */
import { NO_RESOURCES_HINT } from '../generator/extract/type-registry.js';
import type { Diagnostic } from '../generator/ir/ir.js';
import { paramValue } from '../harness/model/target.js';
import {
  describeProblem,
  nothingThereText,
  referenceText,
  templatesText,
  unboundText,
  unknownParamText,
  type UsageProblem,
} from '../harness/model/usage-problem.js';

/** What the command line said, for naming a value by the flag that gave it. */
export interface GivenFlags {
  /** `--user-id`'s value: a value equal to it is named by that flag, not as `--param id=…`. */
  userId?: string;
}

export function wordProblem(p: UsageProblem, flags: GivenFlags = {}): string {
  switch (p.code) {
    case 'unknown-param':
      return `--param ${p.name}: ${unknownParamText(p)}`;
    case 'missing-params':
      return `${templatesText(p.templates)}: needs ${p.missing.map((n) => `--param ${n}=VALUE`).join(' ')}${p.missing.length === 1 && p.missing[0] === 'id' ? ' (or --user-id)' : ''}${p.because ? `, as ${p.because}` : ''}`;
    case 'unbound-body':
      return p.operation
        ? `${p.operation} was to add the reference first, but its body needs --param ${p.missing[0]!.name}=VALUE`
        : p.missing.map((m) => `${unboundText(m)}: needs --param ${m.name}=VALUE`).join('; ');
    case 'nothing-there': {
      const named = p.values
        .map((v) =>
          flags.userId !== undefined && v.value === flags.userId ? `--user-id ${JSON.stringify(v.value)}` : `--param ${v.name}=${JSON.stringify(v.value)}`,
        )
        .join(' ');
      return `${named} ${nothingThereText(p)}`;
    }
    case 'reference-to-nothing':
      return `--param ${p.param}: ${referenceText(p)}`;
    case 'bad-adapter':
      return 'the adapter must be a function ({ baseUrl, operation, params, userId, body, token }) => Promise<unknown>, or give a host';
    default:
      return describeProblem(p);
  }
}

/**
 * Path parameter values from the command line: `--param NAME=VALUE`, with `--user-id` standing for `id` and
 * `--user-principal-name` for the `userPrincipalName` alternative where a spec has one. A `--param` for the
 * same name wins.
 */
export function withAliases(
  params: Record<string, string>,
  aliases: { userId?: string; userPrincipalName?: string },
  parameterNames: readonly string[],
): Record<string, string> {
  const out = { ...params };
  if (aliases.userId !== undefined && paramValue(['id'], out) === undefined) out.id = aliases.userId;
  const upn = parameterNames.find((n) => n.toLowerCase() === 'userprincipalname');
  if (aliases.userPrincipalName !== undefined && upn && paramValue([upn], out) === undefined) out[upn] = aliases.userPrincipalName;
  return out;
}

/** A diagnostic whose hint names what to give, in the CLI's flags. */
export function withCliHint(d: Diagnostic): Diagnostic {
  return d.hint === NO_RESOURCES_HINT ? { ...d, hint: 'Pass --resources DIR (or --base DIR) to resolve complex types' } : d;
}
