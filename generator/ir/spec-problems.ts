import isSafeRegex from 'safe-regex2';
import { CONSTRAINT_KINDS, type KindDef } from './constraint-kinds.js';
import type { Constraint, OperationSpec, Property, Spec } from './ir.js';

/**
 * What the JSON Schema of the format cannot say about a spec, checked when one is loaded: a hand-edited spec
 * that passes the schema must still be one every consumer can run. An empty enum or character set has no
 * valid value to generate; a length of two billion makes the arbitraries build gigabyte strings; a name
 * pattern that does not compile, or backtracks catastrophically, throws or stalls the validator; a method
 * that is not HTTP's is retried as a network fault; a path that does not start with `/` would send requests
 * to another host. Each problem names the JSON Pointer of the value.
 */
export interface SpecProblem {
  /** JSON Pointer into the spec file, e.g. `/requestBody/properties/3/constraints/0/values`. */
  path: string;
  message: string;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Deeper than any spec docspec writes by far (about ten), and far from what a recursive walker can take. */
export const MAX_SPEC_DEPTH = 256;

/** The JSON Pointer of the first value nested deeper than `limit`, found without recursion; or undefined. */
function tooDeep(value: unknown, limit: number): string | undefined {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return path;
    for (const [k, child] of Object.entries(v)) stack.push([child, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1]);
  }
  return undefined;
}

export function specProblems(spec: Spec): SpecProblem[] {
  // First, and alone: every other test below walks the spec.
  const deep = tooDeep(spec, MAX_SPEC_DEPTH);
  if (deep !== undefined) return [{ path: deep, message: `is nested deeper than ${MAX_SPEC_DEPTH} levels` }];
  if (spec.kind !== 'operation') return [];
  const problems: SpecProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!METHODS.has(spec.http.method)) add('/http/method', `"${spec.http.method}" is not an HTTP method (${[...METHODS].join(', ')})`);
  // A path is appended to the service root: one that does not start with `/` (".evil.example/users") would
  // change the host the request, and its token, go to.
  for (const [i, p] of spec.http.paths.entries()) {
    if (!p.template.startsWith('/') || p.template.startsWith('//'))
      add(`/http/paths/${i}/template`, `"${p.template}" must start with a single "/": a path is appended to the service root`);
  }
  propertyProblems(spec.requestBody.properties, '/requestBody/properties', add);
  for (const [name, type] of Object.entries(spec.types)) {
    const at = `/types/${pointerSegment(name)}`;
    if (type.kind === 'enum' && type.values.length === 0) add(`${at}/values`, 'an enum type needs at least one value');
    if (type.kind === 'complex') propertyProblems(type.properties, `${at}/properties`, add);
  }
  patternProblems(spec, add);
  return problems;
}

function propertyProblems(properties: Property[], at: string, add: (path: string, message: string) => void): void {
  for (const [i, p] of properties.entries()) {
    for (const [j, c] of p.constraints.entries()) {
      const problem = constraintProblem(c);
      if (problem) add(`${at}/${i}/constraints/${j}/${problem.field}`, `${p.name}: ${problem.message}`);
    }
  }
}

function constraintProblem(c: Constraint): { field: string; message: string } | undefined {
  const def = CONSTRAINT_KINDS[c.kind] as KindDef<Constraint['kind']> | undefined;
  // A hand-edited spec may name a kind the schema check let through; say so rather than crash.
  if (!def) return { field: 'kind', message: `unknown constraint kind ${JSON.stringify(c.kind)}` };
  return def.problem(c as never);
}

function patternProblems(spec: OperationSpec, add: (path: string, message: string) => void): void {
  for (const [i, source] of spec.requestBody.extensions.namePatterns.entries()) {
    const at = `/requestBody/extensions/namePatterns/${i}`;
    try {
      new RegExp(source);
    } catch (e) {
      add(at, `not a valid regular expression: ${(e as Error).message}`);
      continue;
    }
    if (!isSafeRegex(source))
      add(at, `the pattern ${source} can backtrack catastrophically (nested repetition); write it without a repeated group that repeats`);
  }
}

const pointerSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
