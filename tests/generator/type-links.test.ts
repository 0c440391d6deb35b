/**
 * Types resolve through the Type cell's link first (Intune names its pages `intune-<area>-<type>.md`), but a
 * link to another type's page never defines the type; resource pages' relationships are recorded.
 */
import { describe, expect, it } from 'vitest';
import type { ResourceLoader } from '../../generator/extract/type-registry.js';
import { generateSpec } from '../../generator/pipeline/generate.js';
import type { OperationSpec } from '../../generator/ir/ir.js';

const resource = (name: string, rows: string[], relationships: string[] = []) =>
  [
    '---',
    `title: "${name} resource type"`,
    '---',
    '',
    `# ${name} resource type`,
    '',
    '## Properties',
    '',
    '| Property | Type | Description |',
    '|:--|:--|:--|',
    ...rows,
    '',
    ...(relationships.length ? ['## Relationships', '', '| Relationship | Type | Description |', '|:--|:--|:--|', ...relationships, ''] : []),
  ].join('\n');

const FILES: Record<string, string> = {
  'intune-shared-mimecontent.md': resource('mimeContent', ['| type | String | The mime type. |']),
  'other.md': resource('other', ['| x | String | X. |']),
  'post.md': resource('post', ['| subject | String | S. |'], ['| attachments | [attachment](attachment.md) collection | Files. |']),
  // printTaskTrigger's page (v1.0 resources/printtasktrigger.md) documents its printEvent enum in a section.
  'trigger.md': `${resource('trigger', ['| event | printEvent | The event. Valid values are described in the following table. |'])}
### printEvent values

|Member|Value|Description|
|:---|:---|:---|
|null|-|No event (user.md's "### ageGroup values" has such a row): not a member to send as text.|
|jobStarted|0|A new print job is started.|
|unknownFutureValue|1|Evolvable enumeration sentinel value.|
`,
};

function spec(rows: string[]): { spec: OperationSpec; asked: string[] } {
  const asked: string[] = [];
  const loader: ResourceLoader = (name, link) => {
    const candidates = [...(link ? [link.split('/').pop()!] : []), `${name.toLowerCase()}.md`];
    for (const f of candidates) {
      asked.push(f);
      if (FILES[f]) return { file: f, text: FILES[f]! };
    }
    return undefined;
  };
  const text = ['# Update widget', '', '## Request body', '', '| Property | Type | Description |', '|:--|:--|:--|', ...rows, ''].join('\n');
  const r = generateSpec({ file: 'widget-update.md', text, format: 'markdown', resources: loader });
  if (!r.ok) throw new Error('failed');
  return { spec: r.spec as OperationSpec, asked };
}

describe('type links', () => {
  it('resolves a type from the page its Type cell links to, whatever that page is called', () => {
    const { spec: s } = spec(['| icon | [mimeContent](../resources/intune-shared-mimecontent.md) | The icon. |']);
    expect(s.requestBody.properties[0]!.type).toMatchObject({ kind: 'named', name: 'mimeContent', resolution: 'complex' });
    expect(s.types.mimeContent?.source?.file).toBe('intune-shared-mimecontent.md');
    expect(s.diagnostics.some((d) => d.rule === 'unresolved-type')).toBe(false);
  });

  it('does not let a link to another type define this one: it looks the name up instead', () => {
    const { spec: s, asked } = spec(['| part | [gizmo](../resources/other.md) | A part. |']);
    expect(asked).toContain('gizmo.md');
    expect(s.types.other).toBeUndefined();
    expect(s.requestBody.properties[0]!.type).toMatchObject({ name: 'gizmo', resolution: 'unresolved' });
  });

  it('resolves an enum with no page of its own from a section of the page that uses it', () => {
    const { spec: s } = spec(['| trigger | [trigger](trigger.md) | The trigger. |']);
    const event = (s.types.trigger as Extract<OperationSpec['types'][string], { kind: 'complex' }>).properties[0]!;
    expect(event.type).toMatchObject({ name: 'printEvent', resolution: 'enum' });
    expect(s.types.printEvent).toMatchObject({ kind: 'enum', values: ['jobStarted', 'unknownFutureValue'], source: { file: 'trigger.md' } });
    expect(s.diagnostics.some((d) => d.rule === 'unresolved-type')).toBe(false);
  });

  it('records the relationships of a resource page', () => {
    const { spec: s } = spec(['| reply | [post](post.md) | The reply. |']);
    expect(s.types.post).toMatchObject({ kind: 'complex', relationships: ['attachments'] });
  });
});
