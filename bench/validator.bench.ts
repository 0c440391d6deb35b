/**
 * Validator throughput, measured the way users load the generated code: compiled to plain JavaScript (what
 * `tsc` writes to dist/) and as TypeScript through tsx (which wraps named closures in a naming helper, so
 * code that creates closures per call is slower there). Both are compared with ajv 8, compiled from
 * docspec's own JSON Schema export (first error, and `allErrors`), and, for v1.0, with a hand-written
 * validator of the same rules (`handwritten-v1.ts`).
 *
 * Every contender sees the same bodies (half valid, half valid bodies with one constraint broken, fixed
 * seeds, parsed from JSON as a server would receive them); valid and invalid bodies are timed separately. Any disagreement on a verdict throws: a faster wrong answer is no
 * result. Each figure is the median of three rounds in this one process, contenders interleaved per round.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import ts from 'typescript';
import { requestBodySchema, SOURCE_KEYWORD } from '../generator/emit/json-schema.js';
import type { ValidationResult } from '../generator/emit/runtime.js';
import type { OperationSpec } from '../generator/ir/ir.js';
import { brokenBody, validBody } from '../harness/arbitraries/body.js';
import { handwrittenValidate } from './handwritten-v1.js';
import { median } from './median.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS_PAGE = join(ROOT, '../shared/corpus/graph-docs-2021-07/api-reference/beta/api/intune-deviceconfig-windows10generalconfiguration-update.md');
const BODIES = 10_000;
const ROUNDS = 3;
/** Seconds each contender runs per round and per half (valid or invalid). */
const SECONDS = 0.4;

type Validate = (body: unknown) => { valid: boolean };

interface Variant {
  name: string;
  spec: OperationSpec;
  /** The generated `.ts` file, loaded through tsx. */
  tsFile: string;
}

/** Transpiles the variant file and the runtime beside it to JavaScript, as `tsc` would for dist/. */
async function builtJs(tsFile: string, into: string): Promise<Validate> {
  const dir = join(into, `js-${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(dir, 'op'), { recursive: true });
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 };
  const js = (file: string) => ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: options }).outputText;
  writeFileSync(join(dir, 'runtime.js'), js(join(tsFile, '../../runtime.ts')));
  writeFileSync(join(dir, 'op/variant.js'), js(tsFile));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  const mod = (await import(pathToFileURL(join(dir, 'op/variant.js')).href)) as { validateRequestBody: Validate };
  return mod.validateRequestBody;
}

function ajv(spec: OperationSpec, allErrors: boolean): Validate {
  const a = new Ajv2020.default({ strict: false, allErrors, validateFormats: false });
  a.addVocabulary([SOURCE_KEYWORD]);
  const check = a.compile(requestBodySchema(spec));
  return (body) => ({ valid: check(body) });
}

/** Bodies per second over `bodies`, looping for about SECONDS after a warm-up pass. */
function rate(validate: Validate, bodies: unknown[]): number {
  for (const b of bodies) validate(b);
  let count = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < SECONDS) {
    for (const b of bodies) validate(b);
    count += bodies.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return count / elapsed;
}

/** The corpus's largest update variant, generated into `into` by the built CLI (needs ../shared beside the repository). */
function corpusVariant(into: string): Variant | undefined {
  if (!existsSync(CORPUS_PAGE)) return undefined;
  const specDir = join(into, 'spec');
  const generatedDir = join(into, 'generated');
  const name = 'intune-deviceconfig-windows10generalconfiguration-update';
  const args = ['generate', CORPUS_PAGE, '--operation', name, '--variant', 'beta', '--spec-dir', specDir, '--generated-dir', generatedDir, '--quiet'];
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/docspec.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`generating ${CORPUS_PAGE} failed (${r.status}): ${r.stderr}`);
  const spec = JSON.parse(readFileSync(join(specDir, `${name}.beta.json`), 'utf8')) as OperationSpec;
  return { name: `${name} (beta)`, spec, tsFile: join(generatedDir, name, 'beta.ts') };
}

function bundled(variant: string): Variant {
  const spec = JSON.parse(readFileSync(join(ROOT, `spec/user-update.${variant}.json`), 'utf8')) as OperationSpec;
  return { name: `user-update ${variant}`, spec, tsFile: join(ROOT, `generated/user-update/${variant}.ts`) };
}

async function measureVariant(v: Variant, work: string, handwritten?: Validate): Promise<Record<string, unknown>> {
  // Through JSON and back, as a server receives them: objects fast-check builds have another internal shape.
  const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  const tsx = (await import(pathToFileURL(v.tsFile).href)) as { validateRequestBody: (b: unknown) => ValidationResult };
  const valid = wire(fc.sample(validBody(v.spec), { seed: 1, numRuns: BODIES / 2 }));
  // Certification sends a broken property on a small base; a validator meets it in bodies of every size. So
  // each broken case is laid over a full valid body that it does not break anything else in (one of the
  // first ten tried), or kept as it is.
  const errors = (b: unknown) => {
    const r = tsx.validateRequestBody(b);
    return r.valid ? 0 : r.errors.length;
  };
  const invalid = wire(
    fc.sample(brokenBody(v.spec), { seed: 2, numRuns: BODIES / 2 }).map((c, i) => {
      for (let k = 0; k < 10; k++) {
        const merged = { ...valid[(i + k) % valid.length]!, ...c.body };
        if (errors(merged) === 1) return merged;
      }
      return c.body;
    }),
  );
  const contenders: [string, Validate][] = [
    ['built JS', await builtJs(v.tsFile, work)],
    ['tsx', tsx.validateRequestBody],
    ['ajv', ajv(v.spec, false)],
    ['ajv allErrors', ajv(v.spec, true)],
  ];
  if (handwritten) contenders.push(['hand-written', handwritten]);
  // Every contender must give every body the verdict the arbitraries built it for.
  for (const [name, validate] of contenders) {
    const wrong = [...valid.filter((b) => !validate(b).valid), ...invalid.filter((b) => validate(b).valid)];
    if (wrong.length) throw new Error(`${v.name}: ${name} disagrees on ${wrong.length} bodies, e.g. ${JSON.stringify(wrong[0]).slice(0, 300)}`);
  }
  const samples = new Map<string, { valid: number[]; invalid: number[] }>(contenders.map(([n]) => [n, { valid: [], invalid: [] }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, validate] of contenders) {
      samples.get(name)!.valid.push(rate(validate, valid));
      samples.get(name)!.invalid.push(rate(validate, invalid));
    }
  }
  const m = (name: string, half: 'valid' | 'invalid') => median(samples.get(name)![half]);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const out: Record<string, unknown> = { bodies: valid.length + invalid.length, disagreements: 0 };
  for (const [name] of contenders) out[`${name} bodies/s (valid | invalid)`] = `${Math.round(m(name, 'valid'))} | ${Math.round(m(name, 'invalid'))}`;
  for (const loaded of ['built JS', 'tsx']) {
    out[`${loaded} / ajv, valid (goal ≥ 1.5)`] = r2(m(loaded, 'valid') / m('ajv', 'valid'));
    out[`${loaded} / ajv allErrors, invalid (goal ≥ 1.5)`] = r2(m(loaded, 'invalid') / m('ajv allErrors', 'invalid'));
    if (handwritten) {
      out[`${loaded} / hand-written, valid (goal ≥ 0.8)`] = r2(m(loaded, 'valid') / m('hand-written', 'valid'));
      out[`${loaded} / hand-written, invalid (goal ≥ 0.8)`] = r2(m(loaded, 'invalid') / m('hand-written', 'invalid'));
    }
  }
  out['tsx / built JS, valid | invalid (goal ≥ 0.8)'] =
    `${r2(m('tsx', 'valid') / m('built JS', 'valid'))} | ${r2(m('tsx', 'invalid') / m('built JS', 'invalid'))}`;
  return out;
}

export async function runValidatorBench(): Promise<Record<string, unknown>> {
  const work = mkdtempSync(join(tmpdir(), 'docspec-validator-bench-'));
  try {
    const variants = [bundled('v1.0'), bundled('beta'), corpusVariant(work)];
    const out: Record<string, unknown> = {};
    for (const v of variants) {
      if (!v) {
        out['corpus variant'] = { skipped: `no page at ${CORPUS_PAGE}` };
        continue;
      }
      out[v.name] = await measureVariant(v, work, v.name === 'user-update v1.0' ? (b) => handwrittenValidate(b) : undefined);
    }
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
