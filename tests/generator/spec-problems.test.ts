/** Specs that pass the schema but that no consumer could run are found, each at its JSON Pointer. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OperationSpec, Spec } from '../../generator/ir/ir.js';
import { MAX_LENGTH_LIMIT } from '../../generator/ir/constraint-kinds.js';
import { specProblems } from '../../generator/ir/spec-problems.js';
import { ROOT } from '../support/pages.js';

const load = (variant: string) => JSON.parse(readFileSync(join(ROOT, `spec/user-update.${variant}.json`), 'utf8')) as Spec;
const v1 = () => load('v1.0') as OperationSpec;
const index = (spec: OperationSpec, name: string) => spec.requestBody.properties.findIndex((p) => p.name === name);

describe('specProblems', () => {
  it.each(['beta', 'v1.0', 'localtest', 'intune', 'connector'])('finds none in the bundled %s spec', (variant) => {
    expect(specProblems(load(variant))).toEqual([]);
  });

  it('a value nested thousands deep, found without recursion', () => {
    const spec = v1();
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    (spec.examples[0]!.request!.body as Record<string, unknown>) = { deep };
    const [problem] = specProblems(spec);
    expect(problem?.message).toBe('is nested deeper than 256 levels');
    expect(problem?.path).toMatch(/^\/examples\/0\/request\/body\/deep(\/0)+$/);
  });

  it('an empty enum, allowed-character set or flag set', () => {
    const spec = v1();
    const age = index(spec, 'ageGroup');
    const ageEnum = spec.requestBody.properties[age]!.constraints.findIndex((c) => c.kind === 'enum');
    const c = spec.requestBody.properties[age]!.constraints[ageEnum]!;
    if (c.kind !== 'enum') throw new Error('ageGroup has an enum');
    c.values = [];
    expect(specProblems(spec)).toEqual([
      { path: `/requestBody/properties/${age}/constraints/${ageEnum}/values`, message: 'ageGroup: an enum needs at least one value' },
    ]);
  });

  it('lengths past the limit, negative or fractional', () => {
    for (const max of [2e9, -1, 1.5, MAX_LENGTH_LIMIT + 1]) {
      const spec = v1();
      const company = spec.requestBody.properties[index(spec, 'companyName')]!;
      const c = company.constraints.find((x) => x.kind === 'maxLength');
      if (c?.kind !== 'maxLength') throw new Error('companyName has a maximum length');
      c.max = max;
      expect(specProblems(spec).map((p) => p.message)).toEqual([`companyName: a maximum length must be an integer from 0 to ${MAX_LENGTH_LIMIT}, not ${max}`]);
    }
  });

  it('a method that is not HTTP, a pattern that does not compile or backtracks', () => {
    const spec = v1();
    spec.http.method = 'FROB';
    spec.requestBody.extensions.namePatterns = ['^ok_[a-z]+$', '([a-z', '^(a+)+$'];
    expect(specProblems(spec).map((p) => p.path)).toEqual(['/http/method', '/requestBody/extensions/namePatterns/1', '/requestBody/extensions/namePatterns/2']);
  });

  it('a path that does not start with a single /, which would send requests to another host', () => {
    const spec = v1();
    spec.http.paths = [
      { ...spec.http.paths[0]!, template: '.probe-h-attacker.example/users/{id}' },
      { ...spec.http.paths[0]!, template: '//attacker.example/users' },
      { ...spec.http.paths[0]!, template: '/users/{id}' },
    ];
    expect(specProblems(spec).map((p) => p.path)).toEqual(['/http/paths/0/template', '/http/paths/1/template']);
  });

  it('an enum type with no values, with a pointer that escapes its name', () => {
    const spec = v1();
    spec.types['odd/name~x'] = { kind: 'enum', name: 'odd/name~x', values: [] };
    expect(specProblems(spec)).toEqual([{ path: '/types/odd~1name~0x/values', message: 'an enum type needs at least one value' }]);
  });
});
