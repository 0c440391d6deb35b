/**
 * The docs keep up with the code: the README's generated tables match the registries, every diagnostic the
 * generator reports is registered with its severity, and every command's --help lists each option it
 * accepts with a default (or says it is required).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { refreshReadme } from '../generator/report/readme-tables.js';
import { DIAGNOSTIC_RULES } from '../generator/spec/diagnostic-rules.js';
import type { Spec } from '../generator/spec/ir.js';
import { ROOT } from './support/pages.js';

describe('README', () => {
  it('has the rule and diagnostics tables the registries generate (run `npm run docs` to refresh)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(refreshReadme(readme) === readme, 'README tables are stale: run npm run docs').toBe(true);
  });

  it('registers every diagnostic the bundled specs hold, with the severity they report', () => {
    for (const v of ['beta', 'v1.0', 'localtest', 'intune', 'connector']) {
      const spec = JSON.parse(readFileSync(join(ROOT, `spec/user-update.${v}.json`), 'utf8')) as Spec;
      for (const d of spec.diagnostics) {
        expect(DIAGNOSTIC_RULES, d.rule).toHaveProperty(d.rule);
        expect(d.severity, d.rule).toBe(DIAGNOSTIC_RULES[d.rule as keyof typeof DIAGNOSTIC_RULES].severity);
      }
    }
  });
});

describe('--help', () => {
  const help = async (args: string[]) => (await promisify(execFile)(process.execPath, [join(ROOT, 'bin/docspec.js'), ...args], { cwd: ROOT, encoding: 'utf8' })).stdout;

  /** Each option with its continuation lines, from `  --name` to the next option or blank line. */
  const optionsOf = (text: string) => {
    const out: string[] = [];
    for (const line of text.split('\n')) {
      if (/^ {2}(-[a-z], )?--[a-z]/.test(line)) out.push(line);
      else if (/^ {6,}\S/.test(line) && out.length) out[out.length - 1] += ` ${line.trim()}`;
      else if (!line.trim()) out.push('');
    }
    return out.filter(Boolean);
  };

  it.each(['drift', 'matrix', 'openapi', 'json-schema', 'certify server', 'certify client', 'certify connector'])('docspec %s --help: every option with its default', async (command) => {
    const text = await help([...command.split(' '), '--help']);
    expect(text).toMatch(/^Usage: docspec /);
    const options = optionsOf(text);
    expect(options.length).toBeGreaterThan(0);
    for (const line of options) expect(line, line).toMatch(/default|required|this help/i);
  });

  it('docspec --help lists every command, and the options of generate with defaults', async () => {
    const text = await help(['--help']);
    for (const c of ['generate', 'drift', 'matrix', 'openapi', 'json-schema', 'certify server', 'certify client', 'certify connector']) expect(text).toContain(`  ${c}`);
    for (const line of optionsOf(text.slice(text.indexOf('Options of generate:'), text.indexOf('-h, --help')))) expect(line, line).toMatch(/default/i);
  });
});

describe('README quick start', () => {
  it('the try-it commands run as written: the reference server passes, the drift report reads', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- try-it:start -->\n```sh\n([\s\S]*?)```\n<!-- try-it:end -->/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const r = await promisify(execFile)('bash', ['-e', '-c', block!], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.stdout).toMatch(/: pass — 68 passed, 0 failed/);
    expect(r.stdout).toContain('## docspec drift');
    expect(r.stdout).toContain('`assignedLicenses`');
  }, 180_000);
});
