/**
 * A progress bar on stderr for long runs: only on a terminal, never in CI logs (where a summary line says
 * it all). Redraws at most ten times a second.
 */
import { envVar, writesToProcess } from '../io.js';

export interface Progress {
  tick(label?: string): void;
  done(): void;
}

export function progressBar(total: number, enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || total === 0) return { tick() {}, done() {} };
  const started = Date.now();
  let n = 0;
  let last = 0;
  const draw = (label: string) => {
    const width = 28;
    const filled = Math.round((n / total) * width);
    const elapsed = (Date.now() - started) / 1000;
    const eta = n > 0 ? (elapsed / n) * (total - n) : 0;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${n}/${total} pages  ${elapsed.toFixed(0)} s  eta ${eta.toFixed(0)} s  ${label}`;
    const columns = stream.columns || 100;
    stream.write(`\r${line.slice(0, columns - 1).padEnd(columns - 1)}`);
  };
  return {
    tick(label = '') {
      n++;
      const now = Date.now();
      if (now - last < 100 && n < total) return;
      last = now;
      draw(label);
    },
    done() {
      stream.write(`\r${' '.repeat((stream.columns || 100) - 1)}\r`);
    },
  };
}

/** A terminal that is not a CI log. */
export function wantsProgress(stream: NodeJS.WriteStream = process.stderr): boolean {
  return writesToProcess() && !!stream.isTTY && !envVar('CI');
}
