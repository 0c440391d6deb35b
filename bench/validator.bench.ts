/**
 * Validator throughput for v1.0: the generated validator against the hand-written baseline, on the same
 * bodies (valid and one-constraint-broken, fixed seed), in the same run. Reports bodies/s and the ratio.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { validateRequestBody } from '../generated/user-update/v1.0.js';
import type { OperationSpec } from '../generator/spec/ir.js';
import { brokenBody, validBody } from '../harness/arbitraries/body.js';
import { handwrittenValidate } from './handwritten-v1.js';

export function runValidatorBench(): Record<string, number | string> {
  const spec = JSON.parse(readFileSync(new URL('../spec/user-update.v1.0.json', import.meta.url), 'utf8')) as OperationSpec;
  const bodies: unknown[] = [
    ...fc.sample(validBody(spec), { seed: 1, numRuns: 2000 }),
    ...fc.sample(brokenBody(spec), { seed: 2, numRuns: 2000 }).map((c) => c.body),
  ];
  // The two must agree on valid/invalid, or the comparison means nothing.
  const disagreements = bodies.filter((b) => validateRequestBody(b).valid !== handwrittenValidate(b).valid).length;
  const measure = (fn: (b: unknown) => unknown): number => {
    for (let i = 0; i < 3; i++) for (const b of bodies) fn(b); // warm-up
    let count = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < 1.5) {
      for (const b of bodies) fn(b);
      count += bodies.length;
      elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    }
    return count / elapsed;
  };
  const generated = measure(validateRequestBody);
  const handwritten = measure(handwrittenValidate);
  return {
    bodies: bodies.length,
    disagreements,
    'generated bodies/s': Math.round(generated),
    'hand-written bodies/s': Math.round(handwritten),
    'generated / hand-written': Number((generated / handwritten).toFixed(2)),
  };
}
