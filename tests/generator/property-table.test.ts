/**
 * Table shapes the 2021 docs tree holds that a row-by-row reading gets wrong: a line break inside a row
 * (its second line is not a property) and a remark in the name cell (`backupReviewers (deprecated)`).
 */
import { describe, expect, it } from 'vitest';
import { generateSpec } from '../../generator/pipeline/generate.js';
import type { OperationSpec } from '../../generator/ir/ir.js';

function spec(rows: string[]): OperationSpec {
  const text = ['# Update widget', '', '## Request body', '', '|Property|Type|Description|', '|:---|:---|:---|', ...rows, '', '## Response', ''].join('\n');
  const r = generateSpec({ file: 'widget-update.md', text, format: 'markdown' });
  if (!r.ok) throw new Error('failed');
  return r.spec as OperationSpec;
}

describe('property tables', () => {
  it('keeps the first of a property listed twice and warns at the second row', () => {
    const s = spec(['|name|String|First.|', '|size|Int32|How big.|', '|name|Int32|Second.|']);
    expect(s.requestBody.properties.map((p) => [p.name, p.description])).toEqual([
      ['name', 'First.'],
      ['size', 'How big.'],
    ]);
    const dup = s.diagnostics.filter((d) => d.rule === 'duplicate-property');
    expect(dup.map((d) => [d.line, d.message])).toEqual([[9, 'Property `name` is listed twice; the first row is used']]);
  });

  it('joins a line that continues the row above to its description, constraints included', () => {
    const s = spec([
      '|mode|[modeType](mode.md)|How it works. Possible values are: `off`, `lan`, `group`.',
      'Option 1 only applies to mode lan. The maximum length is 12 characters.|',
      '|size|Int32|How big.|',
    ]);
    expect(s.requestBody.properties.map((p) => p.name)).toEqual(['mode', 'size']);
    const mode = s.requestBody.properties[0]!;
    expect(mode.description).toBe(
      'How it works. Possible values are: off, lan, group.\nOption 1 only applies to mode lan. The maximum length is 12 characters.',
    );
    // Each constraint cites the line its sentence stands on: the row for the values, the next line for the length.
    expect(mode.constraints.find((c) => c.kind === 'maxLength')?.source.line).toBe(8);
    expect(mode.constraints.find((c) => c.kind === 'enum')?.source.line).toBe(7);
    const d = s.diagnostics.find((x) => x.rule === 'table-row-continued')!;
    expect(d).toMatchObject({ severity: 'warning', line: 8 });
    expect(d.message).toContain('`mode`');
  });

  it('keeps rows whose name has spaces when their type cell is a type', () => {
    const s = spec(['|display name|String|Shown.|']);
    expect(s.requestBody.properties.map((p) => p.name)).toEqual(['display name']);
    expect(s.diagnostics.some((x) => x.rule === 'table-row-continued')).toBe(false);
  });

  it('takes the identifier from "name (remark)" and keeps the remark with the description', () => {
    const s = spec(['|backupReviewers (deprecated)|String collection|Use fallbackReviewers instead.|']);
    expect(s.requestBody.properties[0]).toMatchObject({ name: 'backupReviewers', description: '(deprecated) Use fallbackReviewers instead.' });
  });
});
