/**
 * Test support: runs the built CLI (dist/) and returns its exit code and output whatever the code. By default
 * the command line runs inside the test's process, through the same `runCli` the binary calls, with its output
 * captured: a child process per case costs a Node start and a fresh load of every module. Cases about the
 * process itself (another working folder, Node options, signals, the binary) run it as a child process, which
 * never blocks the event loop (servers under test may live in the test's own process).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { isMainThread } from 'node:worker_threads';
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
  /** Node options before the script, e.g. `--import tsx`. Implies a child process. */
  nodeArgs?: string[];
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Run the binary in a child process even when nothing above asks for one. */
  process?: boolean;
}

type RunCli = (argv: string[], streams: { stdout(t: string): void; stderr(t: string): void; env?: Record<string, string | undefined> }) => Promise<number>;

let loaded: Promise<RunCli> | undefined;

/** The built command line's entry point, loaded once per test file. */
function builtCli(): Promise<RunCli> {
  loaded ??= import(pathToFileURL(join(ROOT, 'dist/cli/main.js')).href).then((m: { runCli: RunCli }) => m.runCli);
  return loaded;
}

/** Runs one at a time: the working folder belongs to the whole process while a run has it. */
let queue: Promise<unknown> = Promise.resolve();

export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  // A worker thread cannot change the working folder; vitest's forks pool runs each file in a process.
  const inProcess = !options.process && !options.nodeArgs?.length && (options.cwd === undefined || isMainThread);
  if (!inProcess) return runCliProcess(args, options);
  const turn = queue.then(async () => {
    const run = await builtCli();
    let stdout = '';
    let stderr = '';
    const home = process.cwd();
    if (options.cwd !== undefined) process.chdir(options.cwd);
    try {
      const code = await run(args, {
        stdout: (t) => {
          stdout += t;
        },
        stderr: (t) => {
          stderr += t;
        },
        env: { ...process.env, ...options.env },
      });
      return { code, stdout, stderr };
    } finally {
      process.chdir(home);
    }
  });
  queue = turn.catch(() => {});
  return turn;
}

/** The binary in a child process: `node bin/docspec.js ARGS`. */
export async function runCliProcess(args: string[], options: CliOptions = {}): Promise<CliRun> {
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
