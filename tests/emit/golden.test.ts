/**
 * Golden files of the emitter. For the four Update user variants the goldens are the committed, reviewed
 * files in generated/ (refreshed by `docspec generate`): emitting from the committed spec JSON alone must
 * give them exactly, independent of the readers. A hostile page, whose names and descriptions try to break
 * out of comments, strings and identifiers, has its goldens in tests/fixtures/emit/hostile. All goldens are
 * type-checked by `npm run typecheck` (strict), which `npm test` runs before vitest; a test here makes sure the
 * hostile golden stays in its reach.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSpec, serializeSpec } from '../../generator/pipeline/generate.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import ts from 'typescript';
import { emit, golden } from '../support/generated.js';
import { ROOT } from '../support/pages.js';

const FIXTURES = 'tests/fixtures/emit';

describe('emitter goldens', () => {
  it.each(['beta', 'v1.0', 'localtest', 'intune'])('%s', (variant) => {
    const spec = JSON.parse(readFileSync(join(ROOT, `spec/user-update.${variant}.json`), 'utf8')) as OperationSpec;
    const files = emit([spec]);
    const file = files.find((f) => f.path === `user-update/${variant}.ts`)!;
    expect(file.text).toBe(golden(`generated/user-update/${variant}.ts`, file.text));
    const runtime = files.find((f) => f.path === 'runtime.ts')!;
    expect(runtime.text).toBe(golden('generated/runtime.ts', runtime.text));
  });
});

describe('hostile page', () => {
  const input = readFileSync(join(ROOT, FIXTURES, 'hostile/input.md'), 'utf8');
  const r = generateSpec({ file: `${FIXTURES}/hostile/input.md`, text: input, variant: 'hostile' });
  if (!r.ok || r.spec.kind !== 'operation') throw new Error('hostile page did not generate');
  const spec = r.spec;
  const file = emit([spec]).find((f) => f.path.endsWith('hostile.ts'))!;

  it('keeps every property, whatever its name', () => {
    expect(spec.requestBody.properties.map((p) => p.name)).toEqual([
      '@odata.type',
      'my-prop',
      '123abc',
      '__proto__',
      'constructor',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile property name, on purpose
      '${x}',
      'quote"name',
      'toString',
      'weird',
      'status',
      'glob',
    ]);
    expect(serializeSpec(spec)).toBe(golden(`${FIXTURES}/hostile/expected.spec.json`, serializeSpec(spec)));
    expect(file.text).toBe(golden(`${FIXTURES}/hostile/expected.ts`, file.text));
  });

  it('cannot close a comment or a string early', () => {
    // Outside JSDoc and string literals, no doc text appears: strip both and look for the payloads.
    const code = file.text
      .replace(/\/\*\*[\s\S]*?\*\//g, '')
      .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
      .replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/pwned|process\.exit|console\.log/);
    // In JSDoc, the only unescaped `@` is the emitter's own `@see` tag at the start of a line.
    for (const m of file.text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
      for (const line of m[1]!.split('\n').map((l) => l.replace(/^\s*\*\s?/, ''))) {
        if (line.startsWith('@see ')) continue;
        expect(line).not.toMatch(/(?<!\\)@/);
      }
    }
    expect(file.text).toContain('A second line with \\@param and \\@see tags.');
    expect(file.text).toContain('• A list item *\\/');
    // A comment opener in the text neither: ts-morph's writer would close the comment before the next tag.
    expect(file.text).toContain('Glob path /users/\\* is fine, and so is image/\\*');
  });

  it('compiles under tsc --strict: npm run typecheck checks it with the strict options', () => {
    // A second tsc here cost more than the rest of this file; the typecheck covers the golden as long as it and
    // the strict options stay in the config the typecheck builds.
    const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.check.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    // The goldens of the create and list pages (operations.test.ts) are compiled the same way.
    for (const f of ['hostile/expected.ts', 'groups/group-post-groups.ts', 'groups/group-list.ts'])
      expect(config?.fileNames).toContain(join(ROOT, FIXTURES, f));
    expect(config?.options).toMatchObject({ strict: true, noUncheckedIndexedAccess: true });
  });

  it('validates as the spec says', async () => {
    const mod = (await import('../fixtures/emit/hostile/expected.js')) as typeof import('../fixtures/emit/hostile/expected.js');
    const v = mod.validateRequestBody;
    const body = JSON.parse(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile property name, on purpose
      '{"my-prop": "abc", "__proto__": "x", "123abc": 2, "constructor": true, "${x}": "ok", "quote\\"name": "q", "toString": ["one"], "status": null}',
    );
    expect(v(body)).toEqual({ valid: true });
    const rules = (b: string) => {
      const res = v(JSON.parse(b));
      return res.valid ? [] : res.errors.map((e) => `${e.rule} ${e.path}`);
    };
    expect(rules('{"my-prop": "abcdef"}')).toEqual(['max-length /my-prop']);
    expect(rules('{"__proto__": null}')).toEqual(['not-nullable /__proto__']);
    expect(rules('{"123abc": 3}')).toEqual(['allowed-values /123abc']);
    expect(rules('{"constructor": "yes"}')).toEqual(['type /constructor']);
    expect(rules('{"toString": ["a", "b"]}')).toEqual(['max-items /toString']);
    expect(rules('{"status": "c"}')).toEqual(['allowed-values /status']);
    expect(rules('{"hasOwnProperty": 1}')).toEqual(['unknown-property /hasOwnProperty']);
  });
});
