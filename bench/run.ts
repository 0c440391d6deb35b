/** Runs the benchmarks and prints their figures (ratios are measured within one run). */
import { runValidatorBench } from './validator.bench.js';

const results = { validator: runValidatorBench() };
console.log(JSON.stringify(results, null, 2));
