/**
 * Request header tables come in three shapes in the Graph docs: `Header | Value` (1,039 v1.0 pages of the
 * 2021 reference), `Name | Description` (796) and `Name | Type | Description` (171). What to send is the
 * value or the description, never the type column.
 */
import { describe, expect, it } from 'vitest';
import { readHeaders } from '../../generator/extract/http.js';
import { readPage } from '../../generator/read/read-page.js';

const page = (table: string, heading = 'Request headers') =>
  readPage({
    file: 'widget-update.md',
    format: 'markdown',
    text: `---\ntitle: "Update widget"\n---\n\n# Update widget\n\n## HTTP request\n\n\`\`\`http\nPATCH /widgets/{id}\n\`\`\`\n\n## ${heading}\n\n${table}\n`,
  });

describe('request headers', () => {
  it.each([
    ['Header | Value', '| Header | Value |\n|:--|:--|\n| Authorization | Bearer {token}. Required. |\n| Content-Type | application/json |'],
    ['Name | Description', '| Name | Description |\n|:--|:--|\n| Authorization | Bearer {token}. Required. |\n| Content-Type | application/json |'],
    [
      'Name | Type | Description',
      '| Name | Type | Description |\n|:--|:--|:--|\n| Authorization | string | Bearer {token}. Required. |\n| Content-Type | string | application/json |',
    ],
  ])('%s: the value is what to send', (_, table) => {
    const headers = readHeaders(page(table));
    expect(headers.map((h) => [h.name, h.value, h.required])).toEqual([
      ['Authorization', 'Bearer {token}. Required.', true],
      ['Content-Type', 'application/json', false],
    ]);
    expect(headers[0]!.source.line).toBeGreaterThan(1);
  });

  it('a table under "Optional request headers" is read too: 28 workbook pages put Authorization there', () => {
    const table = '| Name | Description |\n|:--|:--|\n| Authorization | Bearer {token}. Required. |\n| Workbook-Session-Id | Workbook session Id. Optional. |';
    expect(readHeaders(page(table, 'Optional request headers')).map((h) => [h.name, h.required])).toEqual([
      ['Authorization', true],
      ['Workbook-Session-Id', false],
    ]);
    expect(readHeaders(page(table, 'Request body'))).toEqual([]);
  });
});
