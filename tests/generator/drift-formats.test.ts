/**
 * The drift formats as one registry the CLI and library callers share, and reports that name the gate in
 * their caller's words: the library speaks of `the breaking gate`, the CLI of `--fail-on breaking`.
 */
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../generator/diff/diff-specs.js';
import type { DriftRun } from '../../generator/diff/drift-run.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { DRIFT_FORMATS, formatDriftJson, isDriftFormat } from '../../generator/report/drift-formats.js';
import { bundled } from '../support/pages.js';

describe('drift formats', () => {
  const run: DriftRun = { reports: [diffSpecs(bundled('v1.0') as OperationSpec, bundled('beta') as OperationSpec)], failOn: 'any' };

  it('offers text, md, json, junit, github and html, and nothing else', () => {
    expect(Object.keys(DRIFT_FORMATS).sort()).toEqual(['github', 'html', 'json', 'junit', 'md', 'text']);
    expect(isDriftFormat('md')).toBe(true);
    expect(isDriftFormat('toString')).toBe(false);
  });

  it('writes every change in every format', () => {
    const first = run.reports[0]!.changes[0]!;
    for (const [name, format] of Object.entries(DRIFT_FORMATS)) expect(format(run), name).toContain(first.kind);
  });

  it('keeps one pair at the top level of the JSON, with the gate and its count', () => {
    const json = JSON.parse(formatDriftJson(run)) as { failOn: string; failing: number; changes: unknown[] };
    expect(json.failOn).toBe('any');
    expect(json.changes).toHaveLength(run.reports[0]!.changes.length);
    expect(json.failing).toBe(run.reports[0]!.changes.length);
  });

  it('names the gate in its own words unless the caller gives theirs', () => {
    const summary = (r: DriftRun) => DRIFT_FORMATS.text(r).trim().split('\n').at(-1);
    expect(summary(run)).toMatch(/; \d+ fail the any gate$/);
    expect(DRIFT_FORMATS.md(run)).toContain('### Failing the any gate (');
    expect(summary({ ...run, gateName: '--fail-on any' })).toMatch(/; \d+ fail --fail-on any$/);
    for (const format of Object.values(DRIFT_FORMATS)) expect(format(run)).not.toContain('--fail-on');
  });
});
