/**
 * Drift as one self-contained HTML page (inline CSS, no scripts, nothing fetched) for a reviewer to open from
 * a CI artifact: the verdict, then each operation with its changes grouped by the audience they break.
 */
import { type Breaking, breakingText, changeKey, type DriftChange, operationOf } from '../diff/change.js';
import { type DriftRun, gateName, standing } from '../diff/drift-run.js';
import { driftSummary, sideText } from './drift-text.js';
import { entryKey } from '../diff/ignore.js';
import { htmlText } from './html-text.js';
import { sourceRef } from '../ir/source-ref.js';

const STYLE = `
:root { font-family: system-ui, sans-serif; font-size: 14px; color: #1b1f24; }
body { margin: 24px; max-width: 72em; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 24px 0 4px; font-family: ui-monospace, monospace; }
h3 { font-size: 14px; margin: 12px 0 4px; color: #57606a; }
p { margin: 4px 0 12px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #f6f8fa; }
code, .subject { font-family: ui-monospace, monospace; }
.why, .where, .id { display: block; color: #57606a; font-size: 12px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; font-weight: 600; }
tr.fails .badge { background: #ffd7d5; color: #82071e; }
tr.breaking .badge { background: #fff1b8; color: #7d4e00; }
tr.accepted .badge { background: #ddf4ff; color: #0550ae; }
tr.info .badge { background: #eaeef2; color: #24292f; }
#verdict.fail { color: #82071e; }
#verdict.pass { color: #1a7f37; }
`;

const AUDIENCES: { title: string; test: (b: Breaking) => boolean }[] = [
  { title: 'Breaks clients and servers', test: (b) => b.client && b.server },
  { title: 'Breaks clients', test: (b) => b.client && !b.server },
  { title: 'Breaks servers', test: (b) => b.server && !b.client },
  { title: 'Breaks nobody', test: (b) => !b.client && !b.server },
];

function row(operation: string, c: DriftChange, run: DriftRun): string {
  const s = standing(c, run.failOn);
  const badge = { fails: `fails ${gateName(run)}`, breaking: 'breaking, not gated', accepted: 'accepted', info: 'informational' }[s];
  const value = (v: string | undefined, at: DriftChange['a']) =>
    `${v ? `<code>${htmlText(v)}</code>` : '—'}${at ? `<span class="where">${htmlText(sourceRef(at) ?? '')}</span>` : ''}`;
  const notes = [
    c.reason && `<span class="why">why: ${htmlText(c.reason)}</span>`,
    c.accepted && `<span class="why">accepted: ${htmlText(c.accepted.reason)}${c.accepted.expires ? ` (until ${htmlText(c.accepted.expires)})` : ''}</span>`,
    `<span class="id">${htmlText(changeKey(operation, c))}</span>`,
  ]
    .filter(Boolean)
    .join('');
  return `<tr class="${s}" data-kind="${htmlText(c.kind)}" data-breaks="${htmlText(breakingText(c.breaking))}"><td><span class="badge">${htmlText(badge)}</span></td><td>${htmlText(c.kind)}</td><td class="subject">${htmlText(c.subject)}</td><td>${value(c.before, c.a)}</td><td>${value(c.after, c.b)}</td><td>${htmlText(c.message)}${notes}</td></tr>`;
}

export function formatDriftHtml(run: DriftRun): string {
  const sections: string[] = [];
  for (const r of run.reports) {
    if (!r.changes.length) continue;
    const operation = operationOf(r);
    const parts = [`<section class="operation" data-operation="${htmlText(operation)}">`, `<h2>${htmlText(operation)}</h2>`];
    parts.push(`<p>A: ${htmlText(sideText(r.a))}<br>B: ${htmlText(sideText(r.b))}</p>`);
    for (const audience of AUDIENCES) {
      const changes = r.changes.filter((c) => audience.test(c.breaking));
      if (!changes.length) continue;
      parts.push(
        `<h3>${audience.title} (${changes.length})</h3>`,
        '<table><thead><tr><th>status</th><th>change</th><th>subject</th><th>A</th><th>B</th><th>details</th></tr></thead><tbody>',
        ...changes.map((c) => row(operation, c, run)),
        '</tbody></table>',
      );
    }
    parts.push('</section>');
    sections.push(parts.join('\n'));
  }
  const failing = run.reports.some((r) => r.changes.some((c) => standing(c, run.failOn) === 'fails'));
  const title = run.tree ? `${run.tree.base} → ${run.tree.head}` : run.reports[0] ? `${sideText(run.reports[0].a)} → ${sideText(run.reports[0].b)}` : '';
  const ignore = run.ignore
    ? [
        ...run.ignore.expired.map((e) => `<li>${htmlText(sourceRef(e.source) ?? '')}: expired ${htmlText(e.expires ?? '')}; the change fails again</li>`),
        ...run.ignore.unused.map((e) => `<li>${htmlText(sourceRef(e.source) ?? '')}: matches no change (${htmlText(entryKey(e))})</li>`),
      ]
    : [];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>docspec drift: ${htmlText(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>docspec drift</h1>
<p>${htmlText(title)}</p>
<p id="verdict" class="${failing ? 'fail' : 'pass'}">${htmlText(driftSummary(run))}</p>
${ignore.length ? `<ul id="ignore">${ignore.join('')}</ul>` : ''}
${sections.join('\n') || '<p>No changes.</p>'}
</body>
</html>
`;
}
