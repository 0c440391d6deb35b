/**
 * Each command's `--help` and the README list the same options: the README's options block of a command
 * (between `<!-- options: COMMAND -->` and `<!-- /options -->`) names every flag the help prints, and none
 * it does not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { ROOT } from './support/pages.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** `generate`'s options are in the top-level help, under "Options of generate". */
const COMMANDS: [string, string[]][] = [
  ['generate', ['--help']],
  ['drift', ['drift', '--help']],
  ['matrix', ['matrix', '--help']],
  ['openapi', ['openapi', '--help']],
  ['json-schema', ['json-schema', '--help']],
  ['certify server', ['certify', 'server', '--help']],
  ['certify client', ['certify', 'client', '--help']],
  ['certify connector', ['certify', 'connector', '--help']],
];

const flagsIn = (text: string) =>
  new Set([...text.matchAll(/(?<![\w-])(--[a-z][a-z-]*)/g)].map((m) => m[1]!).filter((f) => f !== '--help' && f !== '--version'));

function readmeBlock(command: string): string | undefined {
  const start = README.indexOf(`<!-- options: ${command} -->`);
  if (start < 0) return undefined;
  const end = README.indexOf('<!-- /options -->', start);
  return end < 0 ? undefined : README.slice(start, end);
}

async function helpOptions(argv: string[]): Promise<Set<string>> {
  const r = await runCli(argv);
  expect(r.code).toBe(0);
  const text = argv.length === 1 ? r.stdout.slice(r.stdout.indexOf('Options of generate:'), r.stdout.indexOf('Exit codes:')) : r.stdout;
  // Options are the lines that start with one; flags named inside a description are not options.
  return flagsIn(
    text
      .split('\n')
      .filter((l) => /^\s{2}--[a-z]/.test(l))
      .map((l) => l.trim().split(/\s/)[0]!)
      .join('\n'),
  );
}

describe('--help and the README', () => {
  it.each(COMMANDS)('%s: the same options', async (command, argv) => {
    const block = readmeBlock(command);
    expect(block, `README.md has no <!-- options: ${command} --> block`).toBeDefined();
    const inHelp = await helpOptions(argv);
    expect(inHelp.size).toBeGreaterThan(0);
    expect([...flagsIn(block!)].sort()).toEqual([...inHelp].sort());
  });

  it('reads the options of a help text, not the flags its descriptions mention', () => {
    expect(flagsIn('  --spec FILE   see --base-url, not --help')).toEqual(new Set(['--spec', '--base-url']));
  });
});
