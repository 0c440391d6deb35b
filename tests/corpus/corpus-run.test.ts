/**
 * The whole 2021 Graph api-reference (7,116 api pages, v1.0 and beta) through `docspec generate --docs`, as a
 * user runs it: no page fails, every request table is extracted with all its rows (held against a line-by-line
 * reading of the markdown), types resolve, the output type-checks, the README's doc-bug figures are the ones
 * the run finds, types and validators agree on every enum, the v1.0 operations make one valid OpenAPI document,
 * and touching one page redoes one page. Skipped when ../shared/corpus is absent.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { compileErrors, validate as validateOpenApi } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheEntry } from '../../cli/corpus/cache.js';
import type { CoverageReport } from '../../generator/corpus/coverage.js';
import type { OperationSpec, Spec } from '../../generator/ir/ir.js';
import { draw, frame } from '../../scripts/draw-unseen-cells.js';
import { labelledSamples } from '../../scripts/labelled-samples.js';
import { specProblems } from '../../generator/ir/spec-problems.js';
import { enumAgreement } from '../support/enum-agreement.js';
import { API_REFERENCE_2021, CORPUS, hasApiReference, ROOT } from '../support/pages.js';
import { requestTableNames } from '../support/table-rows.js';

const BIN = join(ROOT, 'bin/docspec.js');
const METADATA = join(CORPUS, 'graph-metadata/v1.0-Prod.csdl');
const work = mkdtempSync(join(tmpdir(), 'docspec-corpus-run-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, args, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, CI: 'true' } });
    return { code: 0, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stderr: `${x.stdout}${x.stderr}` };
  }
}

describe.skipIf(!hasApiReference)('the 2021 api-reference in one run', () => {
  let cold: { code: number; stderr: string };
  let coverage: CoverageReport;
  const out = join(work, 'out');
  /** The docs tree: every file the cache and the specs name is a path inside it. */
  const tree = join(work, 'api-reference');
  beforeAll(async () => {
    // A copy, so that the incremental run can touch a page.
    cpSync(API_REFERENCE_2021, join(work, 'api-reference'), { recursive: true });
    // Microsoft's v1.0 metadata beside the tree: a second source for the example verdicts.
    cold = await run([BIN, 'generate', '--docs', 'api-reference', '--out', 'out', '--metadata', METADATA]);
    coverage = JSON.parse(readFileSync(join(out, 'coverage.json'), 'utf8'));
  });

  it('processes every api page without a failure', () => {
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.stderr).toContain('docspec: 7116 api pages (v1.0 2102, beta 5014): 7116 generated, 0 from the cache, 0 failed');
    expect(cold.stderr).not.toContain('page-failed');
    expect(coverage.versions.map((v) => [v.version, v.pages, v.failedPages.length])).toEqual([
      ['v1.0', 2102, 0],
      ['beta', 5014, 0],
    ]);
  });

  it('extracts every Property/Type/Description request table with all its rows', () => {
    const [v1, beta] = coverage.versions;
    expect([v1!.pagesWithRequestBody, beta!.pagesWithRequestBody]).toEqual([1978, 4874]);
    // The corpus manifest counts 468 / 1,405 by the plain header line; two beta pages write it in bold.
    expect([v1!.pagesWithPropertyTypeDescriptionTable, beta!.pagesWithPropertyTypeDescriptionTable]).toEqual([468, 1407]);
    const cache = JSON.parse(readFileSync(join(out, '.docspec-cache.json'), 'utf8')) as { entries: CacheEntry[] };
    const bold = cache.entries
      .filter(
        (e) =>
          e.stats.propertyTypeDescriptionTable && !/^\s*\|\s*Property\s*\|\s*Type\s*\|\s*Description\s*\|/im.test(readFileSync(join(tree, e.file), 'utf8')),
      )
      .map((e) => e.file);
    expect(bold).toEqual([
      'beta/api/multivaluelegacyextendedproperty-post-multivalueextendedproperties.md',
      'beta/api/singlevaluelegacyextendedproperty-post-singlevalueextendedproperties.md',
    ]);
    for (const v of coverage.versions) {
      expect(v.pagesMissingRows, v.version).toEqual([]);
      expect(v.pagesWithAllRowsExtracted).toBe(v.pagesWithRequestTable);
    }
  });

  it('gives each page exactly the properties a line-by-line reading of its tables names', () => {
    const cache = JSON.parse(readFileSync(join(out, '.docspec-cache.json'), 'utf8')) as { entries: CacheEntry[] };
    let pages = 0;
    const wrong: string[] = [];
    for (const e of cache.entries.filter((x) => x.stats.requestTable)) {
      pages++;
      const want = [...new Set(requestTableNames(readFileSync(join(tree, e.file), 'utf8')))];
      const spec = JSON.parse(readFileSync(join(out, e.outputs[0]!), 'utf8')) as { requestBody: { properties: { name: string; via?: string }[] } };
      // "Specify other writable properties" adds the resource page's ones after the table's, marked.
      const got = spec.requestBody.properties.filter((p) => p.via === undefined).map((p) => p.name);
      if (want.join('\n') !== got.join('\n'))
        wrong.push(`${e.file}: ${want.filter((n) => !got.includes(n)).join(',')} / ${got.filter((n) => !want.includes(n)).join(',')}`);
    }
    expect(pages).toBe(coverage.versions.reduce((n, v) => n + v.pagesWithRequestTable, 0));
    expect(wrong).toEqual([]);
  });

  it('resolves the types of almost every property', () => {
    for (const v of coverage.versions) {
      console.log(
        `${v.version}: types resolved ${(v.types.resolvedShare * 100).toFixed(1)}%, named ${(v.types.namedResolvedShare * 100).toFixed(1)}%; top unresolved ${v.types.topUnresolved
          .slice(0, 5)
          .map((t) => t.name)
          .join(', ')}`,
      );
      expect(v.types.resolvedShare, v.version).toBeGreaterThan(0.99);
    }
  });

  it('classifies every example its validator refuses; none in v1.0 is a rule the docs do not bear out', () => {
    const [v1, beta] = coverage.versions;
    for (const v of coverage.versions) {
      const { checked, valid, refused } = v.examples;
      expect(refused.length, v.version).toBe(checked - valid);
      for (const r of refused) expect(r.why, `${r.file}:${r.line}`).not.toBe('');
    }
    const suspects = (v: typeof v1) => v!.examples.refused.filter((r) => r.verdict === 'rule-suspect').map((r) => `${r.file}:${r.line} ${r.rule} ${r.path}`);
    expect(suspects(v1)).toEqual([]);
    // beta has no metadata here: its suspects are listed in coverage.json, and may only go down.
    expect(suspects(beta).length).toBeLessThanOrEqual(12);
    expect(v1!.examples.ruleSuspect).toBe(0);
    expect((v1!.examples.valid + v1!.examples.docBug) / v1!.examples.checked).toBeGreaterThanOrEqual(0.97);
  });

  it('finds the doc bugs the README quotes', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const bugs = coverage.versions.flatMap((v) => v.docBugs.list);
    const quoted = /finds \*\*(\d+) doc bugs\*\* \((\d+) in v1\.0, (\d+) in beta\)/.exec(readme);
    expect(quoted, 'README states the doc-bug count').not.toBeNull();
    expect(quoted!.slice(1).map(Number)).toEqual([bugs.length, coverage.versions[0]!.docBugs.count, coverage.versions[1]!.docBugs.count]);
    const examples = [...readme.matchAll(/^- `(v1\.0|beta)\/api\/([\w.-]+\.md):(\d+)`/gm)];
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const [, version, page, line] of examples) {
      expect(
        bugs.some((b) => b.file === `${version}/api/${page}` && b.line === Number(line)),
        `${version}/api/${page}:${line}`,
      ).toBe(true);
    }
  });

  it('the unseen census holds every cell the earlier samples left, in the order its seed gives', () => {
    const specs = readdirSync(join(out, 'spec'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(out, 'spec', f), 'utf8')) as Spec)
      .filter((x): x is OperationSpec => x.kind === 'operation');
    const census = labelledSamples().find((x) => x.name === 'unseen-2030')!;
    const cell = (c: { page: string; property: string; description: string }) => `${c.page} ${c.property}: ${c.description}`;
    const all = frame(specs, census.seed);
    expect(draw(all, census.seed, all.length).map(cell)).toEqual(census.cells.map(cell));
  });

  it('writes only specs that docspec loads back: each conforms to the format 2 schema, none has a problem its loader refuses', () => {
    const specs = readdirSync(join(out, 'spec')).filter((f) => f.endsWith('.json'));
    expect(specs.length).toBe(7116);
    const validate = new Ajv2020.default({ allErrors: false, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'spec/spec.schema.json'), 'utf8')));
    const invalid = specs.flatMap((f) => {
      const spec = JSON.parse(readFileSync(join(out, 'spec', f), 'utf8')) as Spec;
      return validate(spec) && spec.formatVersion === 2 ? [] : [`${f} ${JSON.stringify(validate.errors?.[0] ?? spec.formatVersion)}`];
    });
    expect(invalid).toEqual([]);
    const problems = specs.flatMap((f) =>
      specProblems(JSON.parse(readFileSync(join(out, 'spec', f), 'utf8')) as Spec).map((p) => `${f} ${p.path} ${p.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('emits code that type-checks as a whole (tsc -p OUT, in three parts)', async () => {
    // Each generated file imports only generated/runtime.ts, so three projects over the same tsconfig check
    // every file once: on two cores they take about half the wall time of one project, and each stays under
    // Node's default heap (one project over the ~125 MB of the 2021 tree did not).
    const files = readdirSync(join(out, 'generated'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(out, 'generated', d.name)).map((f) => `generated/${d.name}/${f}`))
      .sort();
    const beta = files.filter((f) => f.endsWith('/beta.ts'));
    const parts = [files.filter((f) => !f.endsWith('/beta.ts')), beta.slice(0, beta.length >> 1), beta.slice(beta.length >> 1)];
    expect(parts.flat()).toHaveLength(files.length);
    const results = await Promise.all(
      parts.map((part, i) => {
        const project = join(out, `tsconfig.part${i}.json`);
        writeFileSync(project, JSON.stringify({ extends: './tsconfig.json', include: [], files: ['generated/runtime.ts', ...part] }));
        return run(['--max-old-space-size=6144', join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project]);
      }),
    );
    for (const r of results) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('emits types and validators that allow the same values for every enum', () => {
    let enums = 0;
    const disagreements: string[] = [];
    for (const dir of readdirSync(join(out, 'generated'), { withFileTypes: true })) {
      if (!dir.isDirectory()) continue;
      for (const f of readdirSync(join(out, 'generated', dir.name))) {
        const r = enumAgreement(`${dir.name}/${f}`, readFileSync(join(out, 'generated', dir.name, f), 'utf8'));
        enums += r.enums;
        disagreements.push(...r.disagreements);
      }
    }
    expect(disagreements).toEqual([]);
    expect(enums).toBeGreaterThan(2000);
  });

  it('merges every v1.0 operation into one OpenAPI document, 3.1 and 3.0, that @readme/openapi-parser validates', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const quoted = /2,102 operations on ([\d,]+) paths\s.*\sIt leaves out (\d+) examples\s.*\sreports (\d+) method-and-path pairs/s.exec(readme);
    expect(quoted, 'README states the merged document figures').not.toBeNull();
    for (const version of ['3.1', '3.0']) {
      const file = join(work, `v1.0.openapi-${version}.json`);
      const r = await run([BIN, 'openapi', '--spec', join(out, 'spec'), '--variant', 'v1.0', '--openapi', version, '--out', file]);
      expect(r.code, r.stderr.slice(-2000)).toBe(0);
      expect(r.stderr).toMatch(/OpenAPI 3\.\d\.\d document of 2102 operations \(\d+ paths\)/);
      // The figures the README quotes are this run's.
      const count = (rule: string) => r.stderr.split('\n').filter((l) => l.endsWith(`  ${rule}`)).length;
      expect([/\((\d+) paths\)/.exec(r.stderr)![1], String(count('openapi-example-left-out')), String(count('openapi-duplicate-operation'))]).toEqual([
        quoted![1]!.replace(/,/g, ''),
        quoted![2],
        quoted![3],
      ]);
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { openapi: string; paths: object };
      expect(doc.openapi.slice(0, 3)).toBe(version);
      expect(Object.keys(doc.paths).length).toBeGreaterThan(2000);
      const result = await validateOpenApi(doc as never);
      expect(result.valid, result.valid ? '' : compileErrors(result).slice(0, 2000)).toBe(true);
    }
  });

  it('redoes only the touched page on the next run', async () => {
    appendFileSync(join(work, 'api-reference/v1.0/api/user-update.md'), '\nOne more line.\n');
    const warm = await run([BIN, 'generate', '--docs', 'api-reference', '--out', 'out']);
    expect(warm.code, warm.stderr).toBe(0);
    expect(warm.stderr).toContain('7116 api pages (v1.0 2102, beta 5014): 1 generated, 7115 from the cache, 0 failed');
  });
});
