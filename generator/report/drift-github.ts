/**
 * Drift as GitHub workflow commands: one annotation per change on the line of the new page (HEAD, B) where it
 * shows, so a reviewer sees it on the pull request's diff. Changes that fail the gate are errors, breaking
 * ones not gated warnings, the rest notices. https://docs.github.com/actions/reference/workflow-commands
 */
import { breakingText, changeKey, operationOf } from '../diff/change.js';
import { type DriftRun, standing } from '../diff/drift-run.js';
import { driftSummary } from './drift-text.js';
import { sourceRef } from '../ir/source-ref.js';

/** Message text: `%`, CR and LF are encoded so one command stays one line. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally encode `:` and `,`, which separate the properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const LEVEL = { fails: 'error', breaking: 'warning', accepted: 'notice', info: 'notice' } as const;

export function formatDriftGithub(run: DriftRun): string {
  const lines: string[] = [];
  // A source is relative to its docs root; GitHub wants the path in the repository.
  const inRepo = (file: string) => (run.pathPrefix ? `${run.pathPrefix.replace(/\/*$/, '/')}${file}` : file);
  for (const r of run.reports) {
    for (const c of r.changes) {
      const s = standing(c, run.failOn);
      const at = c.b ?? r.b.anchor ?? c.a;
      const props = [
        at && `file=${escapeProperty(inRepo(at.file))}`,
        at && `line=${at.line}`,
        `title=${escapeProperty(`docspec drift: ${c.kind} ${c.subject} (breaks ${breakingText(c.breaking)})`)}`,
      ].filter(Boolean);
      const text = [
        c.message,
        c.reason && `why: ${c.reason}`,
        c.accepted && `accepted: ${c.accepted.reason}`,
        !c.b && c.a && `A: ${sourceRef(c.a)}`,
        `ignore key: ${changeKey(operationOf(r), c)}`,
      ]
        .filter(Boolean)
        .join('\n');
      lines.push(`::${LEVEL[s]} ${props.join(',')}::${escapeData(text)}`);
    }
  }
  for (const e of run.ignore?.expired ?? [])
    lines.push(`::warning file=${escapeProperty(e.source.file)},line=${e.source.line}::${escapeData(`ignore entry expired ${e.expires}`)}`);
  for (const e of run.ignore?.unused ?? [])
    lines.push(`::notice file=${escapeProperty(e.source.file)},line=${e.source.line}::${escapeData('ignore entry matches no change')}`);
  lines.push(driftSummary(run), '');
  return lines.join('\n');
}
