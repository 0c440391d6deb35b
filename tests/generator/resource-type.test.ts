/**
 * A request row whose type the resource page contradicts (`otherMails`: String in v1.0's Update user table,
 * String collection in user.md) keeps the page's type as `resourceType`, with its line; certification then
 * sends no value of it as valid, since none is valid under both readings.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validBody } from '../../harness/arbitraries/body.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { generateText, ROOT, widgetUpdatePage } from '../support/pages.js';

const API = join(ROOT, 'tests/fixtures/docs-tree/v1.0/api');
const page = (nameType: string) =>
  generateText(
    join(API, 'widget-update.md'),
    widgetUpdatePage(['| Property | Type | Description |', '|:--|:--|:--|', `| name | ${nameType} | The name. |`, '| size | Int32 | How big. |']),
    API,
  ) as OperationSpec;

describe("a row the resource page's type contradicts", () => {
  it('keeps the resource type and its line when no value fits both; nothing when one does', () => {
    const name = (s: OperationSpec) => s.requestBody.properties.find((p) => p.name === 'name')!;
    expect(name(page('String collection')).resourceType).toEqual({
      type: { kind: 'primitive', name: 'String', collection: false },
      source: { file: 'tests/fixtures/docs-tree/v1.0/resources/widget.md', line: 15, column: 1 },
    });
    expect(name(page('Int32')).resourceType?.type.name).toBe('String');
    expect(name(page('String')).resourceType).toBeUndefined();
  });

  it('is never in a valid body; the other properties still are', () => {
    const seen = new Set<string>();
    for (const body of fc.sample(validBody(page('String collection')), { numRuns: 200, seed: 3 })) for (const k of Object.keys(body)) seen.add(k);
    expect([...seen]).toEqual(['size']);
    const agreeing = new Set(fc.sample(validBody(page('String')), { numRuns: 200, seed: 3 }).flatMap((b) => Object.keys(b)));
    expect(agreeing.has('name')).toBe(true);
  });
});
