/**
 * Generation cost, in one run: `npm start` (the five bundled pages through the built CLI, writing nothing)
 * and one synthetic update page with 10, 100, 1,000 and 10,000 request-body rows, read, extracted and
 * emitted in this process. Time per row should not grow with the table: the last figure is the cost per row
 * at 10,000 rows over that at 1,000 (about 1 when generation is linear).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { variantFile } from '../generator/emit/emit-files.js';
import { generateWithPage } from '../generator/pipeline/generate.js';
import type { OperationSpec } from '../generator/ir/ir.js';
import { median } from './median.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES = [10, 100, 1000, 10_000];
const ROUNDS = 3;

/** Row descriptions in the docs' own words, so the constraint rules run on every row. */
const DESCRIPTIONS = [
  'The name shown for the widget. Maximum length is 64 characters.',
  'Whether the widget is enabled. Required.',
  'The kind of widget. The possible values are: `small`, `medium`, `large`.',
  'When the widget was last checked. The Timestamp type represents date and time information using ISO 8601 format and is always in UTC time.',
  'A free-form note about the widget.',
];
const TYPES = ['String', 'Boolean', 'String', 'DateTimeOffset', 'String'];

export function syntheticPage(rows: number): string {
  const table = Array.from({ length: rows }, (_, i) => `|property${i}|${TYPES[i % TYPES.length]}|${DESCRIPTIONS[i % DESCRIPTIONS.length]}|`).join('\n');
  return `---
title: "Update widget"
---

# Update widget

Update the properties of a widget object.

## HTTP request

<!-- { "blockType": "ignored" } -->
\`\`\`http
PATCH /widgets/{id}
\`\`\`

## Request headers

| Header | Value |
|:---|:---|
| Authorization | Bearer {token}. Required. |
| Content-Type | application/json. Required. |

## Request body

| Property | Type | Description |
|:---|:---|:---|
${table}

## Response

If successful, this method returns a \`204 No Content\` response code.

## Example

### Request

\`\`\`http
PATCH https://graph.microsoft.com/v1.0/widgets/1
Content-type: application/json

{
  "property0": "A widget"
}
\`\`\`

### Response

\`\`\`http
HTTP/1.1 204 No Content
\`\`\`
`;
}

function generateOnce(text: string): number {
  const start = performance.now();
  const r = generateWithPage({ file: 'widget-update.md', text, format: 'markdown', variant: 'v1.0' });
  if (!r.ok) throw new Error(`the synthetic page failed: ${r.diagnostics[0]?.message}`);
  variantFile(r.spec as OperationSpec);
  return performance.now() - start;
}

function npmStart(): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['bin/docspec.js', 'generate', '--check', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`docspec generate --check exited with ${r.status} (run npm run build and npm start first): ${r.stderr}`);
  return performance.now() - start;
}

export function runGenerateBench(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  npmStart();
  out['npm start (5 bundled pages, built CLI), median of 3, s'] = Number((median([npmStart(), npmStart(), npmStart()]) / 1000).toFixed(2));
  // A warm-up, so the smallest size does not pay for compiling the generator.
  generateOnce(syntheticPage(200));
  const perRow = new Map<number, number>();
  for (const rows of SIZES) {
    const text = syntheticPage(rows);
    const ms = median(Array.from({ length: ROUNDS }, () => generateOnce(text)));
    perRow.set(rows, ms / rows);
    out[`${rows} rows`] = { ms: Math.round(ms), 'µs per row': Math.round((ms * 1000) / rows) };
  }
  out['per row at 10,000 / per row at 1,000 (linear: about 1)'] = Number((perRow.get(10_000)! / perRow.get(1000)!).toFixed(2));
  return out;
}
