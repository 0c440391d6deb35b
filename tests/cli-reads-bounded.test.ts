/**
 * A page reads nothing outside its docs root: an include that climbs out (`../../../…/secret.md`), and an
 * include, a resource page or (in corpus mode) an api page that is a link to a file elsewhere, are refused
 * with a diagnostic, and no text of theirs reaches the spec or the generated code.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { filesUnder } from './support/files.js';
import { ROOT } from './support/pages.js';

const work = mkdtempSync(join(tmpdir(), 'docspec-bounded-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A file outside every docs root below: its words must appear in no output. */
const SECRET = join(work, 'private/secret.md');
mkdirSync(join(work, 'private'));
writeFileSync(
  SECRET,
  [
    '---',
    'title: "widgetOwner resource type"',
    '---',
    '',
    '# widgetOwner resource type',
    '',
    '## Properties',
    '',
    '| Property | Type | Description |',
    '|:--|:--|:--|',
    '| hunter2Token | String | The s3cret-value. |',
    '',
  ].join('\n'),
);
const leaked = (text: string) => /hunter2Token|s3cret-value/.test(text);

/** Every file under `dir`, concatenated. */
const everything = (dir: string) => Object.values(filesUnder(dir)).join('\n');

/** The fixture tree with the owner's resource page and the preview include replaced by links to SECRET. */
function linkedTree(name: string): string {
  const tree = join(work, name);
  cpSync(join(ROOT, 'tests/fixtures/docs-tree'), tree, { recursive: true });
  for (const f of ['v1.0/resources/widgetowner.md', 'includes/preview-note.md']) {
    rmSync(join(tree, f));
    symlinkSync(SECRET, join(tree, f));
  }
  return tree;
}

describe('reads bounded by the docs root', () => {
  it('a lone page: an include climbing out of its folder is refused, not read', async () => {
    const dir = join(work, 'lone/pages');
    mkdirSync(dir, { recursive: true });
    const climb = relative(dir, SECRET);
    const page = readFileSync(join(ROOT, 'tests/fixtures/docs-tree/v1.0/api/widget-update.md'), 'utf8').replace('../../includes/preview-note.md', climb);
    writeFileSync(join(dir, 'widget-update.md'), page);
    const out = join(work, 'lone/out');
    const r = await runCli(['generate', join(dir, 'widget-update.md'), '--spec-dir', join(out, 'spec'), '--generated-dir', join(out, 'generated')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      new RegExp(`widget-update\\.md:10:1 warning Include \`${climb.replace(/[.]/g, '\\.')}\` is not read: it leads out of the docs root +read-outside-root`),
    );
    expect(leaked(everything(out))).toBe(false);
  });

  it('a page in a tree: an include and a resource page that link out of it are refused, with a diagnostic each', async () => {
    const tree = linkedTree('linked');
    const out = join(work, 'linked-out');
    const r = await runCli(['generate', join(tree, 'v1.0/api/widget-update.md'), '--spec-dir', join(out, 'spec'), '--generated-dir', join(out, 'generated')]);
    expect(r.code, r.stderr).toBe(0);
    const spec = JSON.parse(readFileSync(join(out, 'spec/widget-update.v1.0.json'), 'utf8'));
    expect(spec.diagnostics.filter((d: { rule: string }) => d.rule === 'read-outside-root').map((d: { message: string }) => d.message)).toEqual([
      'Include `../../includes/preview-note.md` is not read: it leads out of the docs root',
      'The resource page of `widgetOwner` is not read: it leads out of the docs root',
    ]);
    expect(spec.requestBody.properties.find((p: { name: string }) => p.name === 'owner').type.resolution).toBe('unresolved');
    expect(leaked(everything(out))).toBe(false);
  });

  it('corpus mode: an api page that links out of the tree fails as page-outside-root, printed, and nothing of it is read', async () => {
    const tree = linkedTree('corpus');
    symlinkSync(SECRET, join(tree, 'v1.0/api/secret-update.md'));
    const out = join(work, 'corpus-out');
    const r = await runCli(['generate', '--docs', tree, '--out', out], { env: { CI: 'true' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^v1\.0\/api\/secret-update\.md:1:1 error The page is a link to a file outside the docs tree; it is not read +page-outside-root$/m,
    );
    expect(r.stderr).toMatch(/4 api pages .*, 1 failed/);
    expect(leaked(everything(out))).toBe(false);
  });
});
