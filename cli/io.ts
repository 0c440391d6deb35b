/**
 * File-system and argument helpers of the command line: one-line usage errors, reading inputs, atomic
 * writes. With cli.ts, the only code that touches the file system.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';
import { VARIANT_NAME } from '../generator/extract/naming.js';

/**
 * Where a command's output goes. A run from the command line writes to the process's streams; a run started
 * by `runCli` with its own streams (a test, a tool embedding the CLI) gets every line instead, so several runs
 * can share one process without mixing their output.
 */
export interface CliStreams {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Environment variables the command reads (`DOCSPEC_TOKEN`, `CI`); default: the process's. */
  env?: Record<string, string | undefined>;
}

const scoped = new AsyncLocalStorage<CliStreams>();

/** Runs `work` with its output sent to `streams`, including output of anything it awaits. */
export function withStreams<T>(streams: CliStreams, work: () => Promise<T>): Promise<T> {
  return scoped.run(streams, work);
}

/** Writes to the command's standard output. */
export function stdout(text: string): void {
  const s = scoped.getStore();
  if (s) s.stdout(text);
  else process.stdout.write(text);
}

/** Writes to the command's standard error. */
export function stderr(text: string): void {
  const s = scoped.getStore();
  if (s) s.stderr(text);
  else process.stderr.write(text);
}

/** An environment variable as the command sees it. */
export function envVar(name: string): string | undefined {
  const s = scoped.getStore();
  return s ? s.env?.[name] : process.env[name];
}

/** Whether the command writes to the process's own streams (a terminal may be behind them). */
export function writesToProcess(): boolean {
  return scoped.getStore() === undefined;
}

/** A usage or input problem: printed as one line, exit 2. */
export class UsageError extends Error {}

/** Strict: invalid bytes are refused, not turned into replacement characters in a spec. A BOM is kept, as before. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

type Parsed<O extends NonNullable<ParseArgsConfig['options']>> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/**
 * Node's own parser (strict: an unknown option is an error). Its messages are rewritten to name the command's
 * help, and an unknown option close to a known one (one or two typos) is suggested.
 */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, command: string): Parsed<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    const see = `see docspec ${command} --help`;
    const unknown = /^Unknown option '([^']+)'/.exec(error.message ?? '')?.[1];
    if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
      const known = Object.keys(options).map((o) => `--${o}`);
      const near = closest(unknown, known);
      const suggestion = unknown.startsWith('--') && distance(unknown, near) <= 2 ? `did you mean ${near}? ` : '';
      throw new UsageError(`unknown option ${unknown} (${suggestion}${see})`);
    }
    throw new UsageError(`${String(error.message ?? e).split('\n')[0]} (${see})`);
  }
}

export function readInput(file: string): string {
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`${file}: is a directory, not a page`);
    const bytes = readFileSync(file);
    try {
      return UTF8.decode(bytes);
    } catch {
      // Decoding again, leniently, finds the first bad byte: a replacement character the strict decoder refused.
      const lenient = bytes.toString('utf8');
      const line = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n').length;
      throw new UsageError(`${file}:${line}: not UTF-8 text (docspec reads UTF-8 pages and specs)`);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
}

export function displayPath(file: string): string {
  return relative(process.cwd(), resolve(file)).split('\\').join('/');
}

export { isInside } from '../generator/ir/spec-file.js';

/**
 * Writes through a temporary file and a rename, so a crash never leaves a half-written output. A file that
 * cannot be written is a usage error (exit 2, one line), not a crash.
 */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.docspec-tmp-${process.pid}`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The folder itself is what failed; there is no temporary file to remove.
    }
    throw new UsageError(`cannot write ${path}: ${fileError(e)}`);
  }
}

/**
 * Checks before a run that `path` can be written (`kind` "file": its folder takes a new file and it is not a
 * folder; "folder": it is or can become a folder that takes files), so that a long run never ends by
 * losing its result to a bad `--report` or `--out`. `option` names the option in the one-line error.
 */
export function ensureWritable(path: string, kind: 'file' | 'folder', option: string): void {
  const fail = (code: string) => {
    throw new UsageError(`cannot write ${option} ${path}: ${fileError(Object.assign(new Error(code), { code }))}`);
  };
  try {
    if (existsSync(path) && statSync(path).isDirectory() !== (kind === 'folder')) fail(kind === 'file' ? 'EISDIR' : 'ENOTDIR');
    // Nothing is created here: the nearest folder that exists must take new entries (the write goes through a
    // temporary file and a rename, so that folder is what needs write access).
    let dir = resolve(kind === 'folder' ? path : dirname(path));
    while (!existsSync(dir)) dir = dirname(dir);
    if (!statSync(dir).isDirectory()) fail('ENOTDIR');
    accessSync(dir, constants.W_OK);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot write ${option} ${path}: ${fileError(e)}`);
  }
}

function fileError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder',
    ENOSPC: 'no space left on the device',
    ENOENT: 'the folder does not take new files',
    EEXIST: 'a part of the path is a file, not a folder',
  };
  return (code && known[code]) ?? String((e as Error).message ?? e).split('\n')[0]!;
}

/**
 * A report's destination: stdout, or `--out FILE` written atomically with a one-line summary on stderr
 * (so a CI log still says what the file holds).
 */
export function writeOutput(text: string, out: string | undefined, summary: string): void {
  if (out === undefined) {
    stdout(text);
    return;
  }
  ensureWritable(out, 'file', '--out');
  writeAtomic(out, text);
  stderr(`docspec: ${summary} → ${out}\n`);
}

/** A file shipped with the package (from the source tree, or from dist/ one level down). */
export function packageFile(rel: string): string {
  for (const prefix of ['../', '../../']) {
    const url = new URL(`${prefix}${rel}`, import.meta.url);
    if (existsSync(url)) return readFileSync(url, 'utf8');
  }
  throw new Error(`${rel} is missing from the installation`);
}

/** An integer option ≥ min, or undefined when absent; a usage error otherwise. */
export function integerOption(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) >= 2 ** 31)
    throw new UsageError(`${name} must be an integer ≥ ${min} (32-bit), not "${value}"`);
  return Number(value);
}

/** A `--variant` value, refused when it could not be a file name (`where` says which page it was given for). */
export function variantOption(value: string | undefined, where = ''): string | undefined {
  if (value !== undefined && !VARIANT_NAME.test(value)) {
    throw new UsageError(`${where}--variant must be letters, digits, dots, dashes and underscores (e.g. v1.0), not "${value}"`);
  }
  return value;
}
