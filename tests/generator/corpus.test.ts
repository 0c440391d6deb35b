/**
 * Generality: every "Update X" page of the corpus (and the 2021 copies) goes through the generator without a
 * failure, and pages with a property table give properties. Prints the counts it measured.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { GRAPH_DOCS, ROOT, generateFile, hasCorpus } from '../support/pages.js';

function apiPages(): string[] {
  const dirs = ['v1.0/api', 'beta/api', '_historic-2021-07/v1.0/api', '_historic-2021-07/beta/api', 'localtest'];
  return dirs.flatMap((d) => {
    const dir = join(GRAPH_DOCS, d);
    try {
      return readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .map((f) => join(dir, f));
    } catch {
      return [];
    }
  });
}

describe.skipIf(!hasCorpus)('corpus api pages', () => {
  const pages = apiPages();
  const results = pages.map((file) => {
    const base = file.includes('/localtest/') ? join(GRAPH_DOCS, 'v1.0/api') : join(file, '..');
    return { file: relative(ROOT, file), spec: generateFile(relative(ROOT, file), base) as OperationSpec };
  });

  it('processes every page without a failure', () => {
    expect(pages.length).toBeGreaterThanOrEqual(21);
    for (const r of results)
      expect(
        r.spec.diagnostics.filter((d) => d.severity === 'error'),
        r.file,
      ).toEqual([]);
    const rows = results.map((r) => ({
      page: r.file.replace(/^.*graph-docs\//, ''),
      properties: r.spec.requestBody.properties.length,
      constraints: r.spec.requestBody.properties.reduce((n, p) => n + p.constraints.length, 0),
      types: Object.keys(r.spec.types).length,
      examples: r.spec.examples.length,
      diagnostics: r.spec.diagnostics.length,
    }));
    console.table(rows);
    const total = (k: keyof (typeof rows)[number]) => rows.reduce((n, r) => n + (r[k] as number), 0);
    console.log(`${rows.length} pages, ${total('properties')} properties, ${total('constraints')} constraints, ${total('diagnostics')} diagnostics`);
  });

  it('reads the table shapes of the generalisation set', () => {
    const count = (name: string) => results.find((r) => r.file.endsWith(`v1.0/api/${name}`))!.spec.requestBody.properties.length;
    expect(count('group-update.md')).toBe(9);
    expect(count('application-update.md')).toBe(17);
    expect(count('serviceprincipal-update.md')).toBe(15);
    expect(count('educationuser-update.md')).toBe(28);
    expect(count('intune-deviceconfig-windows10generalconfiguration-update.md')).toBe(207);
    const noTable = results.find((r) => r.file.endsWith('v1.0/api/team-update.md'))!.spec;
    // No table: the body's shape is the example's (PATCH /teams/{id} sends three settings objects).
    expect(noTable.requestBody.properties.map((p) => p.name)).toEqual(['memberSettings', 'messagingSettings', 'funSettings']);
    expect(noTable.requestBody.fromExample?.example).toBeDefined();
    expect(noTable.diagnostics.some((d) => d.rule === 'no-property-table')).toBe(true);
    // Without a table, body-level errors still point at the docs: the Request body heading.
    expect(noTable.requestBody.source?.line).toBe(noTable.diagnostics.find((d) => d.rule === 'no-property-table')!.line);
    const beta = (name: string) => results.find((r) => r.file.endsWith(`/beta/api/${name}`) && !r.file.includes('_historic'))!.spec;
    expect(beta('intune-devices-manageddevice-update.md').requestBody.properties).toHaveLength(78);
  });

  it('mines "Possible values" enums on Intune pages', () => {
    const spec = results.find((r) => r.file.endsWith('v1.0/api/intune-mam-iosmanagedappprotection-update.md'))!.spec;
    const enums = spec.requestBody.properties.filter((p) => p.constraints.some((c) => c.kind === 'enum'));
    expect(enums.length).toBeGreaterThan(3);
  });
});
