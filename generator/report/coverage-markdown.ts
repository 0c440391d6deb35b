/**
 * The coverage report as markdown: one table comparing the versions, then per version what was not
 * resolved, which rules mined what, and the doc bugs the example check found (with their lines).
 */
import type { CoverageReport, VersionCoverage } from '../corpus/coverage.js';
import { markdownCell, markdownCode } from './markdown-text.js';
import { sourceRef } from '../ir/source-ref.js';

const DOC_BUGS_SHOWN = 25;
const GROUPS_SHOWN = 20;
const SUSPECTS_SHOWN = 20;

export function formatCoverageMarkdown(report: CoverageReport, title = 'docspec coverage'): string {
  const v = report.versions;
  const row = (label: string, cell: (c: VersionCoverage) => string) => `| ${label} | ${v.map(cell).join(' | ')} |`;
  const lines = [
    `## ${markdownCell(title)}`,
    '',
    `| | ${v.map((c) => markdownCode(c.version)).join(' | ')} |`,
    `|---|${v.map(() => '---:').join('|')}|`,
    row('api pages seen', (c) => String(c.pages)),
    row('pages that failed', (c) => String(c.failedPages.length)),
    row('pages with a request body section', (c) => String(c.pagesWithRequestBody)),
    row('pages with a request property table', (c) => String(c.pagesWithRequestTable)),
    row('… of them Property \\| Type \\| Description', (c) => String(c.pagesWithPropertyTypeDescriptionTable)),
    row('… extracted with all rows', (c) => `${c.pagesWithAllRowsExtracted} of ${c.pagesWithRequestTable}`),
    row('table rows → properties', (c) => `${c.tableRows} → ${c.properties}`),
    row(
      'property types resolved',
      (c) => `${percent(c.types.resolvedShare)} (${c.types.primitive} primitive, ${c.types.resolved} from resource pages, ${c.types.unresolved} unresolved)`,
    ),
    row('named types with a resource page', (c) => percent(c.types.namedResolvedShare)),
    row('constraints mined', (c) => String(c.constraintsByRule.reduce((n, r) => n + r.count, 0))),
    row('example bodies valid / checked', (c) => `${c.examples.valid} / ${c.examples.checked}`),
    row('… refused: doc-bug / rule-suspect', (c) => `${c.examples.docBug} / ${c.examples.ruleSuspect}`),
    row('… accepted or doc-bug', (c) => percent(c.examples.acceptedOrDocBugShare)),
    // Accepted because the example's reading was taken: the rules it contradicts are kept as advice.
    row('… rules the examples contradict, kept as advice', (c) => String(c.diagnosticsByRule.find((d) => d.rule === 'example-contradicts-rule')?.count ?? 0)),
    row('doc bugs in examples', (c) => String(c.docBugs.count)),
    row(
      'description sentences: binding / advisory / conditional / informational',
      (c) => `${c.sentences.byClass.binding} / ${c.sentences.byClass.advisory} / ${c.sentences.byClass.conditional} / ${c.sentences.byClass.informational}`,
    ),
    row(
      'unrecognised rule-like sentences',
      (c) => `${c.sentences.byClass.unrecognised} of ${c.sentences.ruleLike} (${percent(c.sentences.unrecognisedShare)})`,
    ),
    '',
  ];
  for (const c of v) lines.push(...versionSection(c));
  return `${lines.join('\n')}\n`;
}

function versionSection(c: VersionCoverage): string[] {
  const out = [`### ${markdownCode(c.version)}`, ''];
  if (c.failedPages.length) out.push(`**Pages that failed:** ${c.failedPages.map(markdownCode).join(', ')}`, '');
  if (c.pagesMissingRows.length) {
    out.push('**Pages where some table row gave no property:**', '', '| page | rows | properties |', '|---|---:|---:|');
    for (const m of c.pagesMissingRows) out.push(`| ${markdownCode(m.file)} | ${m.rows} | ${m.properties} |`);
    out.push('');
  }
  out.push(
    '**Most frequent unresolved types:** ' +
      (c.types.topUnresolved.length ? c.types.topUnresolved.map((t) => `${markdownCode(t.name)} (${t.count})`).join(', ') : 'none'),
    '',
  );
  out.push('| constraint rule | mined |', '|---|---:|', ...c.constraintsByRule.map((r) => `| ${markdownCode(r.rule)} | ${r.count} |`), '');
  out.push('| constraint kind | mined |', '|---|---:|', ...c.constraintsByKind.map((r) => `| ${markdownCode(r.kind)} | ${r.count} |`), '');
  out.push('| method | operations |', '|---|---:|', ...c.operationsByMethod.map((r) => `| ${markdownCode(r.method)} | ${r.count} |`), '');
  if (c.examples.failedRules.length) {
    out.push(
      '| example bodies failing their own validator, by rule | bodies |',
      '|---|---:|',
      ...c.examples.failedRules.map((r) => `| ${markdownCode(r.rule)} | ${r.count} |`),
      '',
    );
  }
  out.push(
    '| diagnostic | severity | count |',
    '|---|---|---:|',
    ...c.diagnosticsByRule.map((r) => `| ${markdownCode(r.rule)} | ${r.severity} | ${r.count} |`),
    '',
  );
  const suspects = c.examples.refused.filter((r) => r.verdict === 'rule-suspect');
  if (suspects.length) {
    out.push(
      `**Examples their own validator refuses, with no second source for the rule (rule-suspect): ${suspects.length}**; the first ${Math.min(SUSPECTS_SHOWN, suspects.length)} (all in coverage.json):`,
      '',
      ...suspects
        .slice(0, SUSPECTS_SHOWN)
        .map((r) => `- ${markdownCode(sourceRef(r)!)} ${markdownCode(r.rule)} at ${markdownCode(r.path || '/')}: ${markdownCell(r.why)}`),
      '',
    );
  }
  if (c.sentences.unrecognisedGroups.length) {
    const groups = c.sentences.unrecognisedGroups;
    out.push(
      `**Unrecognised rule-like sentences: ${c.sentences.byClass.unrecognised}** in ${groups.length} wording${groups.length === 1 ? '' : 's'}; the ${Math.min(GROUPS_SHOWN, groups.length)} most frequent (all in coverage.json):`,
      '',
      '| wording | sentences | for example |',
      '|---|---:|---|',
      ...groups
        .slice(0, GROUPS_SHOWN)
        .map((g) => `| ${markdownCell(g.wording)} | ${g.count} | ${markdownCode(sourceRef(g.examples[0]!)!)} ${markdownCell(g.examples[0]!.text)} |`),
      '',
    );
  }
  if (c.docBugs.count) {
    out.push(`**Doc bugs found by the example check: ${c.docBugs.count}** (${c.docBugs.byRule.map((r) => `${r.rule} ${r.count}`).join(', ')})`, '');
    for (const b of c.docBugs.list.slice(0, DOC_BUGS_SHOWN)) out.push(`- ${markdownCode(sourceRef(b)!)} ${markdownCell(b.message)}`);
    if (c.docBugs.count > DOC_BUGS_SHOWN) out.push(`- … and ${c.docBugs.count - DOC_BUGS_SHOWN} more in coverage.json`);
    out.push('');
  }
  return out;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
