/**
 * Runs the benchmarks and prints their figures (ratios are measured within one run).
 * `npm run bench` runs all; `npm run bench -- validator`, `-- generate`, `-- certify`, `-- corpus` or `-- drift-docs` runs one.
 */
import { runCertifyBench } from './certify.bench.js';
import { runCorpusBench } from './corpus.bench.js';
import { runDriftDocsBench } from './drift-docs.bench.js';
import { runGenerateBench } from './generate.bench.js';
import { runValidatorBench } from './validator.bench.js';

const only = process.argv[2];
const results: Record<string, unknown> = {};
if (!only || only === 'validator') results.validator = await runValidatorBench();
if (!only || only === 'generate') results.generate = runGenerateBench();
if (!only || only === 'certify') results.certify = await runCertifyBench();
if (!only || only === 'corpus') results.corpus = runCorpusBench();
if (!only || only === 'drift-docs') results['drift --docs'] = runDriftDocsBench();
console.log(JSON.stringify(results, null, 2));
