/**
 * What the example check reports as a doc bug, and what it must not: at corpus scale every false report
 * buries the real ones, so each "not a bug" case here is one the 2021 docs tree showed.
 */
import { describe, expect, it } from 'vitest';
import { buildContract } from '../../generator/emit/contract.js';
import { validateWith } from '../../generator/emit/runtime.js';
import type { ResourceLoader } from '../../generator/extract/type-registry.js';
import { generateSpec } from '../../generator/pipeline/generate.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { widgetUpdatePage } from '../support/pages.js';

const FILES: Record<string, string> = {
  'target.md':
    '# target resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| kind | String | K. |\n\n## Relationships\n\n| Relationship | Type | Description |\n|:--|:--|:--|\n| members | [target](target.md) collection | M. |\n',
  'widget.md':
    '# widget resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| code | String | The code. The maximum length is 3 characters. |\n',
  'json.md': '# Json resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n',
  'colour.md': '# colour enum type\n\n## Members\n\n|Member|\n|---|\n|red|\n|blue|\n',
  'enums.md': '# Enum types\n\n### shapeKind values\n\n|Member|\n|:---|\n|round|\n|square|\n',
};
const loader: ResourceLoader = (name) => {
  const f = `${name.toLowerCase()}.md`;
  return FILES[f] ? { file: f, text: FILES[f]! } : undefined;
};

/** `response`: the page answers with the updated widget, so its resource page is a second source. */
function check(rows: string[], body: unknown, response = false): OperationSpec {
  const table = rows.length ? ['| Property | Type | Description |', '|:--|:--|:--|', ...rows] : ['Supply a JSON representation of the target.'];
  const text = widgetUpdatePage(table, [
    '## Example',
    '',
    '```http',
    'PATCH https://graph.microsoft.com/v1.0/widgets/1',
    'Content-type: application/json',
    '',
    JSON.stringify(body, null, 2),
    '```',
    '',
    ...(response
      ? ['## Response', '', 'If successful, this method returns a `200 OK` response code and an updated [widget](widget.md) object in the response body.', '']
      : []),
  ]);
  const r = generateSpec({ file: 'widget-update.md', text, format: 'markdown', resources: loader });
  if (!r.ok) throw new Error('failed');
  return r.spec as OperationSpec;
}

/** The doc bugs the check reports; a reading the example forces on a rule is `readings`'. */
const bugs = (s: OperationSpec) => s.diagnostics.filter((d) => d.rule.startsWith('example-') && !READINGS.has(d.rule)).map((d) => d.message);
const READINGS = new Set(['example-contradicts-rule', 'example-outside-advice']);
const readings = (s: OperationSpec) => s.diagnostics.filter((d) => d.rule === 'example-contradicts-rule').map((d) => d.message);

describe('the example check', () => {
  it('reports a property the table does not list and a value of the wrong JSON type, at the body line', () => {
    const s = check(['| size | Float | How big. |', '| target | [target](target.md) | T. |'], { size: '3', extra: 1, target: { kind: 'a', colour: 'b' } });
    expect(bugs(s)).toEqual([
      expect.stringContaining('`size` is a string, the table says Double'),
      expect.stringContaining('sends `extra`, which the property table does not list'),
      expect.stringContaining('`target.colour` is not a property of target'),
    ]);
    // Each points at the line of its key in the example body (the body starts on line 22).
    expect(s.diagnostics.find((d) => d.message.includes('`size`'))?.line).toBe(23);
    expect(s.diagnostics.find((d) => d.message.includes('`extra`'))?.line).toBe(24);
    // The widget resource page does not list `extra` either: a doc bug. Only target's own page closes target,
    // so the example's reading of it is taken, and said.
    expect(readings(s)).toEqual([expect.stringContaining("`colour` is not a documented property; only target's own page lists its properties")]);
  });

  it('reads Float as a number', () => {
    expect(bugs(check(['| size | Float | How big. |'], { size: 2.5 }))).toEqual([]);
  });

  it('holds nothing against a page without a table', () => {
    expect(bugs(check([], { anything: 1 }))).toEqual([]);
  });

  it('does not judge values of a type it has no page for', () => {
    expect(bugs(check(['| mode | [modeType](modetype.md) | M. |'], { mode: 'fast' }))).toEqual([]);
  });

  it('does not check a derived type (named by @odata.type) against its base type', () => {
    const s = check(['| target | [target](target.md) | T. |'], { target: { '@odata.type': '#microsoft.graph.groupTarget', kind: 'a', groupId: 'g' } });
    expect(bugs(s)).toEqual([]);
    const same = check(['| target | [target](target.md) | T. |'], { target: { '@odata.type': '#microsoft.graph.target', groupId: 'g' } });
    expect(bugs(same)).toEqual([expect.stringContaining('`target.groupId` is not a property of target')]);
    expect(readings(same)).toEqual([expect.stringContaining('`groupId` is not a documented property')]);
  });

  it('accepts a relationship nested in a body (deep insert), and so does the validator', () => {
    const s = check(['| target | [target](target.md) | T. |'], { target: { kind: 'a', members: [] } });
    expect(bugs(s)).toEqual([]);
    const contract = buildContract(s);
    expect(validateWith(contract, { target: { kind: 'a', members: [{ kind: 'b' }] } })).toEqual({ valid: true });
    expect(validateWith(contract, { target: { kind: 'a', colour: 'b' } }).valid).toBe(false);
  });

  it('takes microsoft.graph.Json as any JSON, and so does the validator', () => {
    const s = check(['| values | [Json](json.md) | Cell values. |'], { values: [[1, 'a']] });
    expect(bugs(s)).toEqual([]);
    const contract = buildContract(s);
    for (const values of ['x', 3, [[1]], { a: 1 }]) expect(validateWith(contract, { values }), JSON.stringify(values)).toEqual({ valid: true });
  });
});

describe('enum values from every place the docs keep them', () => {
  const errors = (s: OperationSpec, body: unknown) => {
    const r = validateWith(buildContract(s), body);
    return r.valid ? [] : r.errors.map((e) => [e.path, e.rule, e.source]);
  };

  it('an enum type known only from a "### shapeKind values" section of enums.md', () => {
    const s = check(['| shape | shapeKind | The shape. |'], { shape: 'round' });
    expect(errors(s, { shape: 'square' })).toEqual([]);
    expect(errors(s, { shape: 'oval' })).toEqual([['/shape', 'enum-type', 'enums.md:5']]);
  });

  it('description and type page disagree: the union is allowed, and the diagnostic cites both lines', () => {
    const s = check(['| colour | [colour](colour.md) | Possible values are: red, green. |'], { colour: 'red' });
    for (const colour of ['red', 'green', 'blue']) expect(errors(s, { colour }), colour).toEqual([]);
    expect(errors(s, { colour: 'pink' })).toEqual([['/colour', 'allowed-values', 'widget-update.md:13']]);
    const d = s.diagnostics.filter((x) => x.rule === 'enum-values-disagree');
    expect(d).toHaveLength(1);
    expect(d[0]!.line).toBe(13);
    // The type page's Members table, not the top of its page.
    expect(d[0]!.message).toContain('colour.md:5');
    expect(d[0]!.message).toMatch(/only the description lists `green`; only the type page lists `blue`/);
  });
});

describe('example-violates-constraint', () => {
  it('an example body that breaks a rule its page and its resource page state: a doc bug, at the key line, naming the rule', () => {
    const s = check(['| code | String | The code. The maximum length is 3 characters. |'], { code: 'abcd' }, true);
    const d = s.diagnostics.filter((x) => x.rule === 'example-violates-constraint');
    expect(d.map((x) => x.line)).toEqual([22]);
    expect(d[0]!.message).toMatch(/\/code — 4 characters; the docs allow at most 3 \(max-length, widget-update\.md:13\)/);
    expect(readings(s)).toEqual([]);
    expect(check(['| code | String | The code. The maximum length is 3 characters. |'], { code: 'abc' }, true).diagnostics.map((x) => x.rule)).not.toContain(
      'example-violates-constraint',
    );
  });

  it('a rule only the page states, which its example breaks, is kept as advice: the example is shown outside it', () => {
    const s = check(['| code | String | The code. The maximum length is 3 characters. |'], { code: 'abcd' });
    expect(s.diagnostics.filter((x) => x.rule === 'example-violates-constraint')).toEqual([]);
    expect(readings(s)).toEqual([
      expect.stringMatching(/\/code: 4 characters; the docs allow at most 3; no second source agrees with "The maximum length is 3 characters\."/),
    ]);
    expect(s.diagnostics.find((x) => x.rule === 'example-outside-advice')?.line).toBe(22);
    expect(s.requestBody.properties[0]!.constraints).toEqual([expect.objectContaining({ kind: 'maxLength', max: 3, strength: 'advisory' })]);
  });
});
