/**
 * What keeps a certification from running as asked, as data: the library finds it, the caller words it.
 * `describeProblem` words it in the library's terms (option names); the CLI words the same data with its
 * flags, so both say the same thing in their caller's vocabulary.
 */

/** A parameter value as the caller gave it. */
export interface GivenValue {
  name: string;
  value: string;
}

export type UsageProblem =
  | { code: 'not-an-operation' }
  | { code: 'unusable-spec'; path: string; message: string }
  | { code: 'one-target' }
  | { code: 'bad-runs'; runs: number }
  | { code: 'not-certifiable'; reason: string }
  | { code: 'no-operations' }
  | { code: 'bad-adapter' }
  /** A parameter no path or request body has; `operations` when the run covers several. */
  | { code: 'unknown-param'; name: string; known: string[]; operations?: number }
  /** No address of the spec can be filled: the parameters the first one lacks. */
  /** `because`: the docs sentence and line that ask for the value, when it is not a path's (a required filter). */
  | { code: 'missing-params'; templates: string[]; missing: string[]; because?: string }
  /** Body keys that name another resource (`"@odata.id": ".../directoryObjects/{id}"`) without a value. */
  | { code: 'unbound-body'; missing: { key: string; name: string; template: string; because?: string }[]; operation?: string }
  | { code: 'no-check-matches'; checks: string[] }
  /** The values given address no resource: every negative case would pass vacuously. */
  | { code: 'nothing-there'; values: GivenValue[]; evidence: string }
  /** A body value given for a reference names nothing the server has (the docs give that answer). */
  | { code: 'reference-to-nothing'; param: string; method: string; key: string; value: string; status: number; condition: string; source?: string };

/** One line in the library's terms. */
export function describeProblem(p: UsageProblem): string {
  switch (p.code) {
    case 'not-an-operation':
      return 'the spec is not an operation spec (kind "operation")';
    case 'unusable-spec':
      return `not a usable spec: ${p.path} ${p.message}`;
    case 'one-target':
      return 'give exactly one of baseUrl and handler';
    case 'bad-runs':
      return `runs must be a positive integer, not ${p.runs}`;
    case 'not-certifiable':
      return p.reason;
    case 'no-operations':
      return 'no operation to certify';
    case 'bad-adapter':
      return 'the adapter must be a function ({ baseUrl, operation, params, body, token }) => Promise<unknown>, or give a host';
    case 'unknown-param':
      return `params.${p.name}: ${unknownParamText(p)}`;
    case 'missing-params':
      return `${templatesText(p.templates)}: needs params ${p.missing.join(', ')}${p.because ? `, as ${p.because}` : ''}`;
    case 'unbound-body':
      return p.operation
        ? `${p.operation} was to add the reference first, but its body needs params.${p.missing[0]!.name}`
        : p.missing.map((m) => `${unboundText(m)}: needs params.${m.name}`).join('; ');
    case 'no-check-matches':
      return `no check matches ${p.checks.join(', ')}`;
    case 'nothing-there':
      return `${p.values.map((v) => `params.${v.name} ${JSON.stringify(v.value)}`).join(', ')} ${nothingThereText(p)}`;
    case 'reference-to-nothing':
      return `params.${p.param}: ${referenceText(p)}`;
  }
}

/** The parts of the wording that name no option, shared with every caller's own words. */
export function unknownParamText(p: Extract<UsageProblem, { code: 'unknown-param' }>): string {
  if (p.operations !== undefined) return `no path or request body of the ${p.operations} operations has that parameter`;
  return `no path or request body of the spec has that parameter (${p.known.length ? `they have ${p.known.join(', ')}` : 'they have none'})`;
}

export function templatesText(templates: string[]): string {
  return templates.join(', ') || 'the spec has no path';
}

export function unboundText(m: { key: string; template: string; because?: string }): string {
  return `the request body's ${m.key} names another resource (${m.because ?? JSON.stringify(m.template)})`;
}

/** A docs sentence and its line, as a problem cites it: `"…" (v1.0/api/x.md:36)`. */
export const citation = (sentence: string, source: { file: string; line: number }) => `"${sentence}" (${source.file}:${source.line})`;

export function nothingThereText(p: Extract<UsageProblem, { code: 'nothing-there' }>): string {
  return `addresses nothing: ${p.evidence}, so no case could tell a refused body from a missing resource`;
}

export function referenceText(p: Extract<UsageProblem, { code: 'reference-to-nothing' }>): string {
  return `${p.method} with ${p.key} ${JSON.stringify(p.value)} answered ${p.status}, which the docs give "${p.condition}"${p.source ? ` (${p.source})` : ''}; no case can run with a reference to nothing`;
}

/** A usage problem thrown by a library call given options it cannot run with; `problem` is the data. */
export class CertifyUsageError extends Error {
  override name = 'CertifyUsageError';
  constructor(readonly problem: UsageProblem) {
    super(describeProblem(problem));
  }
}
