/**
 * Ten scripted edits of the 2021 v1.0 docs tree, each one kind of change a pull request makes to the docs:
 * `docspec drift --docs` must report exactly these and nothing else. Used by the corpus test and by the
 * `drift-docs` benchmark; `node --import tsx scripts/edit-docs-tree.ts OUT` makes the BASE/HEAD pair by hand.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Edit {
  page: string;
  what: string;
  /** `kind subject` of the change drift must report for it. */
  expect: string;
  apply(text: string): string | undefined;
}

const replace = (from: string | RegExp, to: string) => (t: string) => {
  const out = t.replace(from, to);
  return out === t ? undefined : out;
};

export const EDITS: Edit[] = [
  {
    page: 'group-update.md',
    what: 'row removed',
    expect: 'property-removed displayName',
    apply: replace(/^\|displayName\|String\|.*\n/m, ''),
  },
  {
    page: 'application-update.md',
    what: 'type changed',
    expect: 'type-changed displayName',
    apply: replace(/^(\| displayName\s+\| )String(\s+\|)/m, '$1Int32$2'),
  },
  {
    page: 'alert-update.md',
    what: 'enum value dropped',
    expect: 'enum-values-removed status',
    apply: replace('Possible values are: `unknown`, `newAlert`, `inProgress`, `resolved`.', 'Possible values are: `unknown`, `newAlert`, `inProgress`.'),
  },
  {
    page: 'externalconnectors-externalconnection-update.md',
    what: 'max length tightened',
    expect: 'constraint-tightened name',
    apply: replace('Maximum length of 128 characters.', 'Maximum length of 64 characters.'),
  },
  {
    page: 'contact-update.md',
    what: 'row added',
    expect: 'property-added pronunciation',
    apply: replace(/^(\|displayName\|String\|.*\n)/m, '$1|pronunciation|String|How the name is said.|\n'),
  },
  {
    page: 'team-update.md',
    what: 'success status changed',
    expect: 'status-changed status',
    apply: replace('returns a `204 No Content` response code.', 'returns a `200 OK` response code.'),
  },
  {
    page: 'event-update.md',
    what: 'path removed',
    expect: 'path-removed path /groups/{id}/events/{id}',
    apply: replace(/^PATCH \/groups\/\{id\}\/events\/\{id\}\n/m, ''),
  },
  {
    page: 'educationclass-update.md',
    what: 'required header added',
    expect: 'header-added header Prefer',
    apply: replace(/^(\| Content-Type\s*\|[^\n]*\n)/m, '$1| Prefer | return=minimal. Required. |\n'),
  },
  {
    page: 'administrativeunit-delete.md',
    what: 'page deleted',
    expect: 'operation-removed administrativeunit-delete',
    apply: () => '',
  },
  {
    page: 'team-archive.md',
    what: 'page added (a copy under a new name)',
    expect: 'operation-added team-archive2',
    apply: (t) => t,
  },
];

/** BASE is the tree as it is; HEAD the tree with the ten edits. Both hold only v1.0 and the includes. */
export function makeTrees(apiReference: string, out: string): { base: string; head: string } {
  const base = join(out, 'base');
  const head = join(out, 'head');
  rmSync(out, { recursive: true, force: true });
  for (const dir of [base, head]) {
    mkdirSync(dir, { recursive: true });
    cpSync(join(apiReference, 'v1.0'), join(dir, 'v1.0'), { recursive: true });
    cpSync(join(apiReference, 'includes'), join(dir, 'includes'), { recursive: true });
  }
  for (const e of EDITS) {
    const file = join(head, 'v1.0', 'api', e.page);
    const text = readFileSync(file, 'utf8');
    if (e.what === 'page deleted') {
      rmSync(file);
      continue;
    }
    if (e.what.startsWith('page added')) {
      writeFileSync(join(head, 'v1.0', 'api', e.page.replace('.md', '2.md')), text);
      continue;
    }
    const edited = e.apply(text);
    if (edited === undefined) throw new Error(`${e.page}: the "${e.what}" edit no longer matches the page`);
    writeFileSync(file, edited);
  }
  return { base, head };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [apiReference, out] = process.argv.slice(2);
  if (!apiReference || !out) {
    process.stderr.write('usage: node --import tsx scripts/edit-docs-tree.ts API_REFERENCE OUT\n');
    process.exit(2);
  }
  const { base, head } = makeTrees(apiReference, out);
  process.stdout.write(`${base}\n${head}\n`);
}
