/**
 * An enum type whose members' values are powers of two is an OData flags enum: its value lists members
 * separated by commas (`team-clone.md:89` sends `"partsToClone": "apps,tabs,settings,channels,members"`). The
 * validator, the TypeScript type and certification's values all read it so; a plain sequence stays an enum.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validBody } from '../../harness/arbitraries/body.js';
import { buildContract } from '../../generator/emit/contract.js';
import { emitFiles } from '../../generator/emit/emit-files.js';
import { validateWith } from '../../generator/emit/runtime.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { generateSpec } from '../../generator/pipeline/generate.js';
import { RUNTIME_SOURCE } from '../support/generated.js';
import { widgetUpdatePage } from '../support/pages.js';

const enumPage = (name: string, rows: [string, string][]) =>
  [
    `# ${name} enum type`,
    '',
    '## Members',
    '',
    '| Member | Value | Description |',
    '|:--|:--|:--|',
    ...rows.map(([m, v]) => `| ${m} | ${v} | ${m}. |`),
    '',
  ].join('\n');
const PAGES: Record<string, string> = {
  'widgetparts.md': enumPage('widgetParts', [
    ['none', '0'],
    ['apps', '1'],
    ['tabs', '2'],
    ['settings', '4'],
  ]),
  'widgetstage.md': enumPage('widgetStage', [
    ['draft', '0'],
    ['review', '1'],
    ['live', '2'],
    ['retired', '3'],
  ]),
};

const spec = (() => {
  const text = widgetUpdatePage([
    '| Property | Type | Description |',
    '|:--|:--|:--|',
    '| parts | [widgetParts](../resources/widgetparts.md) | The parts to copy. |',
    '| stage | [widgetStage](../resources/widgetstage.md) | The stage. |',
  ]);
  const r = generateSpec({
    file: 'v1.0/api/widget-update.md',
    text,
    resources: (name) => {
      const file = `${name.toLowerCase()}.md`;
      return PAGES[file] ? { file: `v1.0/resources/${file}`, text: PAGES[file] } : undefined;
    },
  });
  if (!r.ok || r.spec.kind !== 'operation') throw new Error('the page did not generate');
  return r.spec as OperationSpec;
})();

describe('flags enums', () => {
  it('are told from the Value column: powers of two are flags, a sequence is not', () => {
    expect(spec.types.widgetParts).toMatchObject({ kind: 'enum', flags: true });
    expect(spec.types.widgetStage).toMatchObject({ kind: 'enum' });
    expect(spec.types.widgetStage).not.toHaveProperty('flags');
  });

  it('validate a comma-separated list of members, and refuse a value that is none', () => {
    const validate = (body: unknown) => validateWith(buildContract(spec), body);
    expect(validate({ parts: 'apps,tabs,settings' })).toEqual({ valid: true });
    expect(validate({ parts: 'tabs' })).toEqual({ valid: true });
    const wrong = validate({ parts: 'apps,wheels' });
    expect(wrong.valid ? [] : wrong.errors.map((e) => [e.rule, e.path, e.source])).toEqual([['flag-set', '/parts', 'v1.0/resources/widgetparts.md:5']]);
    // A plain enum still takes one member.
    const stage = validate({ stage: 'draft,live' });
    expect(stage.valid ? [] : stage.errors.map((e) => e.rule)).toEqual(['enum-type']);
  });

  it('are typed as a string in TypeScript with their members in JSDoc, a plain enum as its members', () => {
    const code = emitFiles([spec], RUNTIME_SOURCE).find((f) => f.path === `${spec.operation}/${spec.variant}.ts`)!.text;
    expect(code).toMatch(/export type WidgetParts = string;/);
    expect(code).toMatch(/flags enum type: a comma-separated set of its members, none, apps, tabs, settings\.\n(?:.*\n)*?export type WidgetParts = string;/);
    expect(code).toMatch(/export type WidgetStage = "draft" \| "review" \| "live" \| "retired";/);
  });

  it('are drawn as lists of members in valid bodies', () => {
    const parts = fc.sample(validBody(spec), { numRuns: 300, seed: 4 }).flatMap((b) => (typeof b.parts === 'string' ? [b.parts] : []));
    expect(parts.some((p) => p.includes(','))).toBe(true);
    for (const p of parts) for (const m of p.split(',')) expect(['none', 'apps', 'tabs', 'settings']).toContain(m.trim());
  });
});
