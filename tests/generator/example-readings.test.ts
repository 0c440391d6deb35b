/**
 * A page's own example is a reading of it: a rule it breaks that no second source states stops binding, with a
 * diagnostic at the example's line; a rule a second source states stays binding, and the example is the doc
 * bug. The page below is made for the test, in the shape of a Graph action page.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validBody } from '../../harness/arbitraries/body.js';
import { buildContract } from '../../generator/emit/contract.js';
import { validateWith } from '../../generator/emit/runtime.js';
import { diffSpecs } from '../../generator/diff/diff-specs.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { unsendable } from '../../harness/model/example-requests.js';
import { certifyServer } from '../../harness/run/certify-server.js';
import { generateSpec } from '../../generator/pipeline/generate.js';
import { generateText } from '../support/pages.js';

const page = (table: string, body: string) => `# widget: paint

Namespace: microsoft.graph

## HTTP request

\`\`\`http
POST /widgets/{id}/paint
\`\`\`

## Request body

| Parameter | Type | Description |
|:--|:--|:--|
${table}

## Example

### Request

<!-- { "blockType": "request", "name": "paint_widget" } -->
\`\`\`http
POST https://graph.microsoft.com/v1.0/widgets/1/paint
Content-type: application/json

${body}
\`\`\`

## Response

If successful, this method returns a \`204 No Content\` response code.
`;

const spec = (table: string, body: string) => generateText('v1.0/api/widget-paint.md', page(table, body)) as OperationSpec;
const plain = (s: OperationSpec, body: unknown) => validateWith(buildContract(s), body);
const strict = (s: OperationSpec, body: unknown) => validateWith(buildContract(s), body, { strict: true });
const readings = (s: OperationSpec) => s.diagnostics.filter((d) => d.rule === 'example-contradicts-rule');

describe("rules the page's own example contradicts", () => {
  it('a value outside one list of values: the list is kept as advice, cited at the example', () => {
    const s = spec('|finish|String|The finish. Possible values are: `matte`, `gloss`.|', '{\n  "finish": "satin"\n}');
    const finish = s.requestBody.properties.find((p) => p.name === 'finish')!;
    expect(finish.constraints.find((c) => c.kind === 'enum')).toMatchObject({ values: ['matte', 'gloss'], strength: 'advisory' });
    expect(readings(s)).toHaveLength(1);
    expect(readings(s)[0]!.message).toContain('"satin" is not one of the allowed values');
    // The line of the example's `finish` key.
    expect(readings(s)[0]!.line).toBe(27);
    expect(plain(s, { finish: 'satin' }).valid).toBe(true);
    // Still what a strict validation and valid bodies keep to.
    expect(strict(s, { finish: 'satin' }).valid).toBe(false);
  });

  it('valid bodies keep to a rule kept as advice: no value outside the list, no property only advised read-only', () => {
    const s = spec('|finish|String|The finish. Possible values are: `matte`, `gloss`.|\n|tag|String|Read-only.|', '{ "finish": "satin", "tag": "t" }');
    expect(readings(s)).toHaveLength(2);
    const bodies = fc.sample(validBody(s), { numRuns: 200, seed: 7 });
    expect(new Set(bodies.flatMap((b) => (typeof b.finish === 'string' ? [b.finish] : [])))).toEqual(new Set(['matte', 'gloss']));
    expect(bodies.filter((b) => 'tag' in b)).toEqual([]);
  });

  it('an example that keeps to the rule changes nothing', () => {
    const s = spec('|finish|String|The finish. Possible values are: `matte`, `gloss`.|', '{ "finish": "gloss" }');
    expect(readings(s)).toEqual([]);
    expect(plain(s, { finish: 'satin' }).valid).toBe(false);
  });

  it("a property no source lists is accepted, unchecked, and marked as the example's", () => {
    const s = spec('|finish|String|The finish.|', '{ "finish": "gloss", "coats": 2 }');
    expect(s.requestBody.properties.find((p) => p.name === 'coats')).toMatchObject({ via: 'example', constraints: [] });
    expect(readings(s)[0]!.message).toContain('`coats`');
    expect(plain(s, { coats: 'any' }).valid).toBe(true);
    expect(plain(s, { sheen: 1 }).valid).toBe(false);
  });

  it('drift compares what the docs state: a row dropped is a property removed, though the example still sends it', () => {
    const before = spec('|finish|String|The finish.|\n|coats|Int32|How many coats.|', '{ "finish": "gloss", "coats": 2 }');
    const after = spec('|finish|String|The finish.|', '{ "finish": "gloss", "coats": 2 }');
    expect(after.requestBody.properties.find((p) => p.name === 'coats')?.via).toBe('example');
    expect(diffSpecs(before, after).changes.map((c) => `${c.kind} ${c.subject}`)).toEqual(['property-removed coats']);
  });

  it('letter case is advice: a plain validation folds it, a strict one does not', () => {
    const s = spec('|finish|String|The finish. Possible values are: `matte`, `gloss`.|', '{ "finish": "Gloss" }');
    expect(readings(s)).toEqual([]);
    expect(s.requestBody.properties[0]!.constraints.find((c) => c.kind === 'enum')?.strength).toBeUndefined();
    expect(plain(s, { finish: 'GLOSS' }).valid).toBe(true);
    expect(strict(s, { finish: 'GLOSS' }).valid).toBe(false);
    expect(plain(s, { finish: 'satin' }).valid).toBe(false);
  });
});

describe('a table type the resource page and the example both contradict', () => {
  // featureRolloutPolicy (v1.0 featurerolloutpolicies-post.md): the create table says `isEnabled` is a string,
  // the resource page says Boolean, and the example sends `true`.
  const text = page('|isEnabled|String|Whether the rollout is enabled.|', '{ "isEnabled": true }')
    .replace('# widget: paint', '# Create widget')
    .replaceAll('/widgets/{id}/paint', '/widgets')
    .replace('/widgets/1/paint', '/widgets')
    .replace('## Request body\n', '## Request body\n\nIn the request body, supply a JSON representation of a [widget](../resources/widget.md) object.\n');
  const widget = [
    '# widget resource type',
    '',
    '## Properties',
    '',
    '| Property | Type | Description |',
    '|:--|:--|:--|',
    '| isEnabled | Boolean | Enabled. |',
    '',
  ].join('\n');
  const r = generateSpec({
    file: 'v1.0/api/widget-paint.md',
    text,
    resources: (name) => (name.toLowerCase() === 'widget' ? { file: 'v1.0/resources/widget.md', text: widget } : undefined),
  });
  const s = (r.ok ? r.spec : undefined) as OperationSpec;

  it("takes the resource page's type, and says so at the example", () => {
    expect(s.requestBody.properties.find((p) => p.name === 'isEnabled')?.type).toMatchObject({ kind: 'primitive', name: 'Boolean' });
    expect(readings(s)[0]!.message).toContain('types it Boolean (v1.0/resources/widget.md:7) as the example sends it');
    expect(plain(s, { isEnabled: true }).valid).toBe(true);
    // A type error cites the row the type was read from, the resource page's, not the table's String row.
    expect(plain(s, { isEnabled: 'yes' })).toMatchObject({ valid: false, errors: [{ rule: 'type', source: 'v1.0/resources/widget.md:7' }] });
  });

  it("drift still compares the table's type: an edit of the cell is a type change", () => {
    expect(s.requestBody.properties.find((p) => p.name === 'isEnabled')?.tableType).toMatchObject({ name: 'String' });
    const edited = generateSpec({
      file: 'v1.0/api/widget-paint.md',
      text: text.replace('|isEnabled|String|', '|isEnabled|Int32|'),
      resources: (name) => (name.toLowerCase() === 'widget' ? { file: 'v1.0/resources/widget.md', text: widget } : undefined),
    });
    const after = (edited.ok ? edited.spec : undefined) as OperationSpec;
    expect(diffSpecs(s, after).changes.map((c) => `${c.kind} ${c.subject}`)).toContain('type-changed isEnabled');
  });
});

describe('a set of members where the page lists single values', () => {
  // chatMessage's verdictDetails (v1.0 chatmessage-update.md): "Supported values are: None, …", and the
  // page's example sends two of them joined by a comma, as OData writes a flags enum.
  const s = spec(
    '|verdict|String|What the sender may do. Supported values are: `None`, `AllowOverride`, `AllowFalsePositive`.|',
    '{ "verdict": "AllowOverride,AllowFalsePositive" }',
  );

  it('is read as a flags enum: any set of listed members passes, each member still checked', () => {
    expect(readings(s)[0]!.message).toContain('is read as a flags enum');
    expect(s.requestBody.properties[0]!.constraints.find((c) => c.kind === 'flagSet')).toMatchObject({
      values: ['None', 'AllowOverride', 'AllowFalsePositive'],
    });
    expect(plain(s, { verdict: 'AllowOverride,AllowFalsePositive' }).valid).toBe(true);
    expect(strict(s, { verdict: 'None' }).valid).toBe(true);
    expect(plain(s, { verdict: 'AllowOverride,Bogus' }).valid).toBe(false);
    expect(plain(s, { verdict: 'Bogus' }).valid).toBe(false);
  });

  it('a value with a member not listed is no set: the list is kept as advice instead', () => {
    const t = spec('|verdict|String|Supported values are: `None`, `AllowOverride`.|', '{ "verdict": "AllowOverride,Other" }');
    expect(t.requestBody.properties[0]!.constraints.some((c) => c.kind === 'flagSet')).toBe(false);
    expect(t.requestBody.properties[0]!.constraints.find((c) => c.kind === 'enum')).toMatchObject({ strength: 'advisory' });
  });
});

describe('which examples a certification sends as valid', () => {
  it('a server refusing an example that breaks a rule kept as advice is not failed: the examples phase skips it', async () => {
    const s = spec('|finish|String|The finish. Possible values are: `matte`, `gloss`.|', '{\n  "finish": "satin"\n}');
    // A server holding the rule the page's own example breaks.
    const handler = async (r: Request) => {
      const body = (await r.json()) as Record<string, unknown>;
      return ['matte', 'gloss'].includes(body.finish as string)
        ? new Response(null, { status: 204 })
        : Response.json({ error: { code: 'BadRequest' } }, { status: 400 });
    };
    const report = await certifyServer({ spec: s, handler, params: { id: '1' }, seed: 1, runs: 3, checks: ['examples'] });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([['examples/paint_widget', 'skipped']]);
    expect(report.checks[0]!.message).toMatch(/outside a rule the page states as advice at \/finish \(allowed-values, v1\.0\/api\/widget-paint\.md:15\)/);
  });

  it('the examples phase sends none outside a rule kept as advice; a setup create may still try it', () => {
    const s = spec('|finish|String|The finish. Possible values are: `matte`, `gloss`.|', '{\n  "finish": "satin"\n}');
    const contract = buildContract(s);
    expect(unsendable(contract, { finish: 'satin' }, {})).toBeUndefined();
    expect(unsendable(contract, { finish: 'satin' }, {}, { strict: true })).toMatch(
      /^the example is outside a rule the page states as advice at \/finish \(allowed-values, /,
    );
    expect(unsendable(contract, { finish: 'gloss' }, {}, { strict: true })).toBeUndefined();
  });
});
