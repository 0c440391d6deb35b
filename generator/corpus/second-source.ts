/**
 * A second source the coverage report adds to a page's own (see `pipeline/example-verdict.ts`): another
 * version's page, Microsoft's metadata. Each says whether an example that sends a value of another JSON type
 * than its row states is the doc bug.
 */
import { topProperty } from '../ir/json-pointer.js';
import type { PageStats } from './page-stats.js';

/**
 * Runs a second source over each `rule-suspect` example's wrongly typed top-level values (`explain` says why
 * the example is wrong there, or nothing). The example becomes a doc bug only when every issue no source
 * explained is explained now; otherwise it stays suspect, its decisive issue the first still unexplained.
 */
export function explainWith(pages: PageStats[], explain: (page: PageStats, name: string, stated: string) => string | undefined): PageStats[] {
  return pages.map((p) => {
    if (!p.examples.refused.some((r) => r.verdict === 'rule-suspect' && r.unexplained.some((i) => i.rule === 'type'))) return p;
    const refused = p.examples.refused.map((r) => {
      if (r.verdict !== 'rule-suspect') return r;
      const reasons = r.unexplained.map((i) => {
        const name = i.rule === 'type' ? topProperty(i.path) : undefined;
        const stated = name === undefined ? undefined : p.tableTypes[name];
        return name === undefined || stated === undefined ? undefined : explain(p, name, stated);
      });
      const left = r.unexplained.filter((_, k) => reasons[k] === undefined);
      if (left.length === r.unexplained.length) return r;
      if (left.length === 0) return { ...r, verdict: 'doc-bug' as const, why: reasons[0]!, unexplained: [] };
      const first = left[0]!;
      return { ...r, rule: first.rule, path: first.path, line: first.line, why: first.why, unexplained: left };
    });
    return { ...p, examples: { ...p.examples, refused } };
  });
}
