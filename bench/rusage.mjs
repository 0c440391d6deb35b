// Loaded with `node --import` into a measured process: on exit, writes its CPU time and peak memory (all
// threads, workers included) to the file named by DOCSPEC_BENCH_RUSAGE.
import { writeFileSync } from 'node:fs';

const started = performance.now();
process.on('exit', () => {
  const cpu = process.cpuUsage();
  const usage = process.resourceUsage();
  writeFileSync(
    process.env.DOCSPEC_BENCH_RUSAGE,
    JSON.stringify({ wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB: usage.maxRSS / 1024 }),
  );
});
