/**
 * Test support: runs the built CLI in a child process without blocking the event loop (servers under test
 * may live in the test's own process), and returns its exit code and output whatever the code.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './pages.js';

export const BIN = join(ROOT, 'bin/docspec.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Working directory (default: the project root). */
  cwd?: string;
  /** Node options before the script, e.g. `--import tsx`. */
  nodeArgs?: string[];
  /** Extra environment variables. */
  env?: Record<string, string>;
}

export async function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  try {
    const r = await promisify(execFile)(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as CliRun;
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}
