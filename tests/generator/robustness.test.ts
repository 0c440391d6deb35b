/**
 * The readers and extractors never throw, whatever the text: random markdown and rendered text (ragged
 * tables, stray pipes, html, unicode, empty input) come back as a page or spec plus diagnostics.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSpec } from '../../generator/pipeline/generate.js';
import { readConnector } from '../../generator/read/connector.js';
import { readMarkdown } from '../../generator/read/markdown.js';
import { readRenderedText } from '../../generator/read/rendered-text.js';

const fragment = fc.oneof(
  fc.constantFrom(
    '| Property | Type | Description |',
    '|:--|:--|:--|',
    '|a|String|b|',
    '|x|',
    '|||||',
    '| aboutMe | String | The maximum length is 64 characters. Allowed values: `null`, `A`. |',
    '## Request body',
    '## HTTP request',
    '## Examples',
    '# [HTTP](#tab/http)',
    '<!-- { "blockType": "request", "name": "x" } -->',
    '<!-- { not json -->',
    '```http',
    '```',
    'PATCH https://graph.microsoft.com/v1.0/users/{id}',
    'HTTP/1.1 204 No Content',
    'Content-type: application/json',
    '{ "a": [1, 2, {"b": null}] }',
    '{ "unterminated": ',
    '[!INCLUDE [x](../includes/x.md)]',
    '> [!NOTE]',
    '> - The following properties cannot be updated by an app with only application permissions: **a**, **b**.',
    '---',
    'title: "x"',
    '<br/><li>item</li>',
    'Property Type Description',
    '  • name String desc',
    '    • Label (list of text): text',
    'Input',
    'Output',
    'Note',
    '[email\u00a0protected]',
    'Only the following characters are allowed `A - Z`, ` . - _`.',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const page = fc.array(fragment, { maxLength: 40 }).map((lines) => lines.join('\n'));

describe('readers never throw', () => {
  it('markdown reader', () => {
    fc.assert(
      fc.property(page, (text) => {
        const model = readMarkdown({ file: 'random.md', text, resolveInclude: () => ({ file: 'inc.md', text }) });
        expect(Array.isArray(model.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('rendered-text and connector readers', () => {
    fc.assert(
      fc.property(page, (text) => {
        expect(readRenderedText({ file: 'random.txt', text }).file).toBe('random.txt');
        expect(readConnector({ file: 'random.txt', text }).file).toBe('random.txt');
      }),
      { numRuns: 300 },
    );
  });

  it('the whole generator returns a spec, never a failure, in every format', () => {
    fc.assert(
      fc.property(page, fc.constantFrom('markdown', 'rendered-text', 'connector') as fc.Arbitrary<'markdown'>, (text, format) => {
        const r = generateSpec({ file: 'random', text, format, resources: () => ({ file: 'r.md', text }) });
        expect(r.ok ? [] : r.diagnostics).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('empty input gives an empty spec, not an error', () => {
    const r = generateSpec({ file: 'empty.md', text: '' });
    expect(r.ok && r.spec.kind === 'operation' && r.spec.requestBody.properties).toEqual([]);
  });
});
