/**
 * The rendered-text reader must see the same table as the markdown reader: the v1.0 website text (seed 001)
 * and the v1.0 markdown source of the same page in the corpus give the same property names and types.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { GRAPH_DOCS, generateFile, hasCorpus } from '../support/pages.js';

const base = join(GRAPH_DOCS, 'v1.0/api');
// The markdown type cell also links to the resource page; the website text cannot carry that link, and it is
// provenance rather than type, so it is left out of the comparison.
const shape = (s: OperationSpec) =>
  s.requestBody.properties.map(({ name, type }) => {
    const { link: _link, ...rest } = type as typeof type & { link?: string };
    return { name, type: rest };
  });

describe.skipIf(!hasCorpus)('rendered text vs markdown (v1.0 Update user)', () => {
  // Read in beforeAll, not while collecting: a skipped block's body still runs, and the corpus may be absent.
  let rendered: OperationSpec;
  let markdown: OperationSpec;
  beforeAll(() => {
    rendered = generateFile('spec/sources/v1.0/user-update.txt', base, 'v1.0') as OperationSpec;
    markdown = generateFile(join(base, 'user-update.md'), base, 'v1.0') as OperationSpec;
  });

  it('gives exactly the same property names and types', () => {
    expect(shape(rendered)).toHaveLength(42);
    expect(shape(rendered)).toEqual(shape(markdown));
  });

  it('mines the same constraint kinds per property', () => {
    // Permission notes differ between the two page versions; the data constraints must not.
    const kinds = (s: OperationSpec) =>
      s.requestBody.properties.map((p) => [p.name, p.constraints.filter((c) => c.kind !== 'requiresPermission').map((c) => c.kind)]);
    expect(kinds(rendered)).toEqual(kinds(markdown));
  });

  it('finds the same groups, paths and responses', () => {
    expect(rendered.requestBody.groups.map((g) => g.members)).toEqual(markdown.requestBody.groups.map((g) => g.members));
    expect(rendered.http.paths.map((p) => p.template)).toEqual(markdown.http.paths.map((p) => p.template));
    expect(rendered.responses.map((r) => r.status)).toEqual(markdown.responses.map((r) => r.status));
  });
});
