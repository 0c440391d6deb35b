/**
 * The variant matrix: one row per request property, one column per variant (beta, v1.0, localtest, Intune,
 * a connector), each cell the type and constraints that variant documents. A cell is highlighted when it
 * disagrees with the most common cell of its row; a variant that does not document the property is marked.
 */
import type { ConnectorSpec, Constraint, OperationSpec, SourceRef, Spec, TypeRef } from '../ir/ir.js';
import { statedProperties } from '../ir/enforced.js';
import { constraintText } from './constraint-diff.js';
import { typeText } from './property-diff.js';

export interface MatrixCell {
  type: string;
  constraints: string[];
  /** Connector fields the cell stands for (`Password`, …), when the variant is a connector. */
  fields?: string[];
  source: SourceRef;
  /** Disagrees with the row's most common cell; every cell of a row whose variants tie (no majority). */
  differs: boolean;
}

export interface MatrixRow {
  property: string;
  /** One per variant, in column order; `null` where the variant does not document the property. */
  cells: (MatrixCell | null)[];
  /** The variants that document the property disagree on its type or constraints. */
  differs: boolean;
  /** Some variant that documents the whole body does not document the property. */
  incomplete: boolean;
  /** Whether one reading of the property is more common than every other (false on a tie). */
  majority: boolean;
}

export interface Matrix {
  operation: string;
  /**
   * `subset`: the variant documents a part of the body on purpose (an Intune page with a one-row table), so
   * the rows it omits are out of its scope, not missing.
   */
  variants: { variant: string; file: string; kind: Spec['kind']; scope: 'full' | 'subset' }[];
  rows: MatrixRow[];
  summary: { properties: number; differing: number; incomplete: number; everywhere: number };
}

type Draft = Omit<MatrixCell, 'differs'>;

function cell(type: TypeRef, constraints: Constraint[], source: SourceRef, fields?: string[]): Draft {
  const draft: Draft = { type: typeText(type), constraints: constraints.map(constraintText), source };
  if (fields) draft.fields = fields;
  return draft;
}

function operationCells(spec: OperationSpec): Map<string, Draft> {
  return new Map(statedProperties(spec).map((p) => [p.name, cell(p.type, p.constraints, p.source)]));
}

/** Fields map by their property path; nested ones (`passwordProfile.password`) fold into their top property. */
function connectorCells(spec: ConnectorSpec): Map<string, Draft> {
  const direct = new Map<string, ConnectorSpec['fields'][number]>();
  const nested = new Map<string, ConnectorSpec['fields'][number][]>();
  for (const f of spec.fields) {
    if (f.direction !== 'input' || f.pathParameter) continue;
    const path = f.graphPath ?? f.normalizedName;
    const top = path.split('.')[0]!;
    if (path === top) direct.set(top, f);
    else nested.set(top, [...(nested.get(top) ?? []), f]);
  }
  const out = new Map<string, Draft>();
  for (const top of new Set([...direct.keys(), ...nested.keys()])) {
    const f = direct.get(top);
    const inner = nested.get(top) ?? [];
    const labels = [...(f ? [f.label] : []), ...inner.map((x) => x.label)];
    out.set(top, f ? cell(f.type, f.constraints ?? [], f.source, labels) : { type: 'object', constraints: [], fields: labels, source: inner[0]!.source });
  }
  return out;
}

/**
 * A variant documenting at most a quarter of the widest variant's properties (and few of them) documents a
 * part on purpose: the Intune "Update user" page's table has one row of the forty the others list.
 */
function isSubset(size: number, widest: number): boolean {
  return size > 0 && size <= 5 && size * 4 <= widest;
}

function key(c: Draft): string {
  return `${c.type.toLowerCase()}|${[...c.constraints].sort().join(';').toLowerCase()}`;
}

export function buildMatrix(specs: Spec[]): Matrix {
  const columns = specs.map((s) => (s.kind === 'operation' ? operationCells(s) : connectorCells(s)));
  const names: string[] = [];
  const seen = new Set<string>();
  for (const c of columns) {
    for (const name of c.keys()) {
      if (!seen.has(name.toLowerCase())) {
        seen.add(name.toLowerCase());
        names.push(name);
      }
    }
  }
  const widest = Math.max(0, ...columns.map((c) => c.size));
  const scopes = columns.map((c) => (isSubset(c.size, widest) ? 'subset' : 'full') as 'full' | 'subset');
  const rows = names.map((property): MatrixRow => {
    const drafts = columns.map((c) => c.get(property) ?? [...c].find(([n]) => n.toLowerCase() === property.toLowerCase())?.[1] ?? null);
    const counts = new Map<string, number>();
    for (const d of drafts) if (d) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
    const ranked = [...counts].sort((x, y) => y[1] - x[1]);
    // A tie has no winner: the first column is not right because it comes first.
    const majority = ranked.length <= 1 || ranked[0]![1] > ranked[1]![1];
    const common = majority ? ranked[0]?.[0] : undefined;
    const cells = drafts.map((d) => (d ? { ...d, differs: counts.size > 1 && key(d) !== common } : null));
    const incomplete = cells.some((c, i) => c === null && scopes[i] === 'full');
    return { property, cells, differs: counts.size > 1, incomplete, majority };
  });
  return {
    operation: specs[0]?.operation ?? '',
    variants: specs.map((s, i) => ({ variant: s.variant, file: s.page.file, kind: s.kind, scope: scopes[i]! })),
    rows,
    summary: {
      properties: rows.length,
      differing: rows.filter((r) => r.differs).length,
      incomplete: rows.filter((r) => r.incomplete).length,
      everywhere: rows.filter((r) => !r.incomplete).length,
    },
  };
}

/** The sentence every matrix format opens with. */
export function matrixSummaryText(m: Matrix): string {
  const subsets = m.variants.filter((v) => v.scope === 'subset').map((v) => v.variant);
  const scope = subsets.length
    ? ` (${subsets.join(', ')} document${subsets.length === 1 ? 's' : ''} a part of the body on purpose and ${subsets.length === 1 ? 'is' : 'are'} not counted as missing the rest)`
    : '';
  return `${m.summary.properties} properties; ${m.summary.differing} differ between the variants that document them; ${m.summary.incomplete} are missing from some variant; ${m.summary.everywhere} are documented by every variant${scope}.`;
}
