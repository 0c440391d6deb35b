/**
 * What `generate` writes for a set of specs, as data: each spec file, the emitted TypeScript, and the
 * generated index. Pure: the caller reads what an earlier run left (`kept`) and writes the result.
 */
import { join } from 'node:path';
import { emitFiles, indexFile } from '../emit/emit-files.js';
import { variantFileName } from '../emit/names.js';
import type { Spec } from '../ir/ir.js';
import { isInside, serializeSpec, specFileName } from '../ir/spec-file.js';

export interface OutputPlanOptions {
  specDir: string;
  generatedDir: string;
  /** The text of the runtime the generated validators import (shipped as `generator/emit/runtime.ts`). */
  runtimeSource: string;
  /**
   * Variant files an earlier run left in `generatedDir` that the index keeps exporting (pages named one at a
   * time add to generated/). Undefined: this run's specs are the whole set and the index lists only them.
   */
  kept?: { operation: string; variant: string }[];
}

export type OutputPlan =
  | { ok: true; outputs: Map<string, string> }
  | { ok: false; problem: { code: 'same-output'; path: string } | { code: 'outside-outputs'; path: string } };

export function planOutputs(specs: readonly Spec[], options: OutputPlanOptions): OutputPlan {
  const outputs = new Map<string, string>();
  for (const spec of specs) {
    const path = join(options.specDir, specFileName(spec));
    if (outputs.has(path)) return { ok: false, problem: { code: 'same-output', path } };
    outputs.set(path, serializeSpec(spec));
  }
  for (const file of emitFiles([...specs], options.runtimeSource)) outputs.set(join(options.generatedDir, file.path), file.text);
  const operations = specs.filter((s) => s.kind === 'operation');
  if (options.kept && operations.length) {
    const written = operations.map(({ operation, variant }) => ({ operation, variant }));
    const merged = new Map([...options.kept, ...written].map((e) => [`${e.operation}/${variantFileName(e.variant)}`, e]));
    outputs.set(join(options.generatedDir, 'index.ts'), indexFile([...merged.values()]).text);
  }
  // The last guard: whatever a name held, nothing is written outside the two output folders.
  for (const path of outputs.keys())
    if (!isInside(options.specDir, path) && !isInside(options.generatedDir, path)) return { ok: false, problem: { code: 'outside-outputs', path } };
  return { ok: true, outputs };
}
