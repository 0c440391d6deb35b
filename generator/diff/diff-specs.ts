/**
 * `diffSpecs(a, b)`: every difference between two specs of one operation — method, paths, headers, request
 * properties (with their complex types), own-request and permission groups, extensions, partial-update
 * semantics, the success response and the permissions table — each with the line on both sides.
 */
import type { OperationSpec, PathTemplate, PermissionRow, PropertyGroup, ReadOnlyStatement, ResponseSpec } from '../ir/ir.js';
import { statedProperties } from '../ir/enforced.js';
import { BOTH, type Breaking, CLIENT, type DriftChange, type DriftReport, NONE, report, SERVER } from './change.js';
import type { Unjudged } from './constraint-diff.js';
import { diffProperties } from './property-diff.js';
import { successResponse } from '../ir/responses.js';
import { templateShape } from '../ir/path-templates.js';

export function diffSpecs(a: OperationSpec, b: OperationSpec): DriftReport {
  const changes: DriftChange[] = [
    ...diffMethod(a, b),
    ...diffPaths(a.http.paths, b.http.paths),
    ...diffHeaders(a, b),
    ...diffProperties(
      { typesA: a.types, typesB: b.types, seen: new Set(), readOnly: readOnlyStatements(a, b), unjudged: unjudged(a, b) },
      statedProperties(a),
      statedProperties(b),
    ),
    ...diffGroups(a, b),
    ...diffExtensions(a, b),
    ...diffPartialUpdate(a, b),
    ...diffResponse(a.responses, b.responses),
    ...diffPermissions(a, b),
  ];
  const side = (s: OperationSpec) => {
    const anchor = s.requestBody.source ?? s.http.paths[0]?.source;
    return { file: s.page.file, operation: s.operation, variant: s.variant, kind: 'docs' as const, ...(anchor ? { anchor } : {}) };
  };
  return report(side(a), side(b), changes);
}

/**
 * A constraint one side's resource page lends (`resources/user.md`: "Maximum length is 128 characters") is
 * no change when the other side read no resource page at all: that side could not have said it.
 */
function unjudged(a: OperationSpec, b: OperationSpec): Unjudged {
  const page = { a: a.page.file, b: b.page.file };
  const hadResource = { a: a.requestBody.resourceReadOnly !== undefined, b: b.requestBody.resourceReadOnly !== undefined };
  return (c, side) => {
    const other = side === 'a' ? 'b' : 'a';
    if (c.source.file === page[side] || hadResource[other]) return undefined;
    return `stated by ${side.toUpperCase()}'s resource page (${c.source.file}); ${other.toUpperCase()} had no resource page at hand to compare`;
  };
}

function readOnlyStatements(a: OperationSpec, b: OperationSpec): Map<string, ReadOnlyStatement> {
  const out = new Map<string, ReadOnlyStatement>();
  for (const s of [...(b.requestBody.resourceReadOnly ?? []), ...(a.requestBody.resourceReadOnly ?? [])]) {
    if (!out.has(s.property.toLowerCase())) out.set(s.property.toLowerCase(), s);
  }
  return out;
}

function diffMethod(a: OperationSpec, b: OperationSpec): DriftChange[] {
  if (a.http.method === b.http.method) return [];
  const at = (s: OperationSpec) => s.http.paths[0]?.source;
  return [
    {
      kind: 'method-changed',
      subject: 'method',
      message: `method: ${a.http.method} in A, ${b.http.method} in B`,
      before: a.http.method,
      after: b.http.method,
      breaking: BOTH,
      a: at(a),
      b: at(b),
    },
  ];
}

/** `/widgets/{id | name}` and `/widgets/{widgetsId}` address the same route: compare by shape. */
function shape(p: PathTemplate): string {
  return templateShape(p.template).toLowerCase();
}

function diffPaths(a: PathTemplate[], b: PathTemplate[]): DriftChange[] {
  const changes: DriftChange[] = [];
  for (const pa of a) {
    const pb = b.find((p) => shape(p) === shape(pa));
    if (!pb) {
      changes.push({
        kind: 'path-removed',
        subject: `path ${pa.template}`,
        message: `path ${pa.template} is only in A`,
        before: pa.template,
        breaking: CLIENT,
        a: pa.source,
      });
      continue;
    }
    if (pa.template === pb.template) continue;
    // A renamed placeholder (`{id}` → `{usersId}`) changes no request; a segment that documents fewer ways
    // to address the resource (`{id | name}` → `{usersId}`) no longer promises the others.
    const fewer = pa.params.some((p, i) => p.alternatives.length > (pb.params[i]?.alternatives.length ?? 0));
    const more = pb.params.some((p, i) => p.alternatives.length > (pa.params[i]?.alternatives.length ?? 0));
    changes.push({
      kind: 'path-changed',
      subject: `path ${pa.template}`,
      message: `path ${pa.template} is written ${pb.template} in B${fewer ? ' (fewer ways to address the resource)' : ''}`,
      before: pa.template,
      after: pb.template,
      breaking: { client: fewer, server: more },
      a: pa.source,
      b: pb.source,
    });
  }
  for (const pb of b) {
    if (!a.some((p) => shape(p) === shape(pb))) {
      changes.push({
        kind: 'path-added',
        subject: `path ${pb.template}`,
        message: `path ${pb.template} is only in B`,
        after: pb.template,
        breaking: SERVER,
        b: pb.source,
      });
    }
  }
  return changes;
}

function diffHeaders(a: OperationSpec, b: OperationSpec): DriftChange[] {
  const changes: DriftChange[] = [];
  const find = (s: OperationSpec, name: string) => s.headers.find((h) => h.name.toLowerCase() === name.toLowerCase());
  for (const ha of a.headers) {
    const hb = find(b, ha.name);
    const subject = `header ${ha.name}`;
    if (!hb) {
      changes.push({
        kind: 'header-removed',
        subject,
        message: `${subject} is only in A`,
        before: ha.value,
        breaking: ha.required ? SERVER : NONE,
        a: ha.source,
      });
      continue;
    }
    // "Bearer {token}. Required. Learn more …" and "Bearer {token}.Required" state the same value.
    const value = (v: string) =>
      v
        .split(/\.\s*(?=[A-Z]|$)/)[0]!
        .replace(/\s+/g, ' ')
        .trim()
        .toLowerCase();
    if (value(ha.value) !== value(hb.value) || ha.required !== hb.required) {
      const breaking: Breaking = value(ha.value) !== value(hb.value) ? BOTH : hb.required ? CLIENT : SERVER;
      const req = (r: boolean) => (r ? 'required' : 'optional');
      changes.push({
        kind: 'header-changed',
        subject,
        message: `${subject}: "${ha.value}" (${req(ha.required)}) in A, "${hb.value}" (${req(hb.required)}) in B`,
        before: `${ha.value} (${req(ha.required)})`,
        after: `${hb.value} (${req(hb.required)})`,
        breaking,
        a: ha.source,
        b: hb.source,
      });
    }
  }
  for (const hb of b.headers) {
    if (find(a, hb.name)) continue;
    const subject = `header ${hb.name}`;
    changes.push({
      kind: 'header-added',
      subject,
      message: `${subject} is only in B${hb.required ? ' (required)' : ''}`,
      after: hb.value,
      breaking: hb.required ? CLIENT : NONE,
      b: hb.source,
    });
  }
  return changes;
}

/**
 * Group membership of properties both sides document: joining an own-request group tightens what a
 * request may combine (breaks clients); leaving it loosens (breaks servers). Members that exist on one
 * side only are already reported as added or removed properties.
 */
function diffGroups(a: OperationSpec, b: OperationSpec): DriftChange[] {
  const names = (s: OperationSpec) => new Set(statedProperties(s).map((p) => p.name.toLowerCase()));
  const inBoth = (n: string) => names(a).has(n.toLowerCase()) && names(b).has(n.toLowerCase());
  const kinds = new Set([...a.requestBody.groups, ...b.requestBody.groups].map((g) => g.kind));
  const changes: DriftChange[] = [];
  for (const kind of kinds) {
    const ga = a.requestBody.groups.filter((g) => g.kind === kind);
    const gb = b.requestBody.groups.filter((g) => g.kind === kind);
    const members = (gs: PropertyGroup[]) => [...new Set(gs.flatMap((g) => g.members))];
    const has = (list: string[], m: string) => list.some((x) => x.toLowerCase() === m.toLowerCase());
    const ma = members(ga);
    const mb = members(gb);
    const joined = mb.filter((m) => !has(ma, m) && inBoth(m));
    const left = ma.filter((m) => !has(mb, m) && inBoth(m));
    const subject = `group ${kind}`;
    if (joined.length) {
      changes.push({
        kind: 'group-changed',
        subject,
        message: `${subject}: B adds ${joined.join(', ')}`,
        after: joined.join(', '),
        breaking: CLIENT,
        a: ga[0]?.source,
        b: gb[0]?.source,
      });
    }
    if (left.length) {
      changes.push({
        kind: 'group-changed',
        subject,
        message: `${subject}: B no longer includes ${left.join(', ')}`,
        before: left.join(', '),
        breaking: SERVER,
        a: ga[0]?.source,
        b: gb[0]?.source,
      });
    }
  }
  return changes;
}

function diffExtensions(a: OperationSpec, b: OperationSpec): DriftChange[] {
  const ea = a.requestBody.extensions;
  const eb = b.requestBody.extensions;
  if (ea.allowed === eb.allowed) return [];
  const say = (allowed: boolean) => (allowed ? 'extension properties allowed' : 'no extension properties');
  return [
    {
      kind: 'extensions-changed',
      subject: 'extensions',
      message: `extensions: A says ${say(ea.allowed)}, B says ${say(eb.allowed)}`,
      before: say(ea.allowed),
      after: say(eb.allowed),
      breaking: eb.allowed ? SERVER : CLIENT,
      a: ea.source,
      b: eb.source,
    },
  ];
}

function diffPartialUpdate(a: OperationSpec, b: OperationSpec): DriftChange[] {
  const pa = a.requestBody.partialUpdate;
  const pb = b.requestBody.partialUpdate;
  if (!!pa === !!pb) return [];
  // A client that sends only what it changes relies on the others being kept.
  return [
    {
      kind: 'partial-update-changed',
      subject: 'partial update',
      message: pb ? 'partial update: only B says omitted properties keep their values' : 'partial update: only A says omitted properties keep their values',
      before: pa ? 'stated' : 'not stated',
      after: pb ? 'stated' : 'not stated',
      breaking: pb ? SERVER : CLIENT,
      a: pa?.source,
      b: pb?.source,
    },
  ];
}

const success = successResponse;

function diffResponse(a: ResponseSpec[], b: ResponseSpec[]): DriftChange[] {
  const ra = success(a);
  const rb = success(b);
  if (!ra || !rb) {
    if (!ra && !rb) return [];
    const r = (ra ?? rb)!;
    return [
      {
        kind: 'status-changed',
        subject: 'status',
        message: `status: only ${ra ? 'A' : 'B'} documents a success response (${r.status} ${r.statusText})`,
        before: ra ? String(ra.status) : undefined,
        after: rb ? String(rb.status) : undefined,
        breaking: NONE,
        a: ra?.source,
        b: rb?.source,
      },
    ];
  }
  const changes: DriftChange[] = [];
  if (ra.status !== rb.status) {
    changes.push({
      kind: 'status-changed',
      subject: 'status',
      message: `status: ${ra.status} ${ra.statusText} in A, ${rb.status} ${rb.statusText} in B`,
      before: `${ra.status} ${ra.statusText}`,
      after: `${rb.status} ${rb.statusText}`,
      breaking: BOTH,
      a: ra.source,
      b: rb.source,
    });
  }
  if ((ra.bodyType ?? '').toLowerCase() !== (rb.bodyType ?? '').toLowerCase()) {
    const body = (r: ResponseSpec) => (r.bodyType ? `${r.bodyType} object` : 'no body');
    changes.push({
      kind: 'response-body-changed',
      subject: 'response body',
      message: `response body: ${body(ra)} in A, ${body(rb)} in B`,
      before: body(ra),
      after: body(rb),
      // A body that disappears breaks clients that read it; one that appears must now be sent by servers.
      breaking: !rb.bodyType ? CLIENT : !ra.bodyType ? SERVER : BOTH,
      a: ra.source,
      b: rb.source,
    });
  }
  return changes;
}

/** The include a page's permissions table should have come from, when it could not be read. */
function missingPermissionsInclude(s: OperationSpec): string | undefined {
  if (s.permissions.length) return undefined;
  return s.page.includes.find((i) => !i.resolved && /permission/i.test(i.target))?.target;
}

/** Permission rows are "any of" lists: a permission B stops accepting breaks clients that hold only it. */
function diffPermissions(sa: OperationSpec, sb: OperationSpec): DriftChange[] {
  // A table that sits in an include nobody could read is unknown, not empty: comparing it would report
  // every row as removed.
  for (const [side, spec, other] of [
    ['A', sa, sb],
    ['B', sb, sa],
  ] as const) {
    const target = missingPermissionsInclude(spec);
    if (target && other.permissions.length) {
      return [
        {
          kind: 'permission-changed',
          subject: 'permissions',
          message: `permissions: ${side}'s table is in ${target}, which could not be read; not compared`,
          breaking: NONE,
          ...(side === 'A' ? { b: other.permissions[0]!.source } : { a: other.permissions[0]!.source }),
        },
      ];
    }
  }
  const a = sa.permissions;
  const b = sb.permissions;
  const changes: DriftChange[] = [];
  const key = (r: PermissionRow) => r.type.toLowerCase().replace(/\s+/g, ' ');
  const accepted = (r: PermissionRow) => (r.supported ? [...r.leastPrivileged, ...r.higherPrivileged] : []);
  const text = (r: PermissionRow) => (r.placeholder ? 'placeholder (TODO)' : r.supported ? accepted(r).join(', ') : 'not supported');
  for (const ra of a) {
    const rb = b.find((r) => key(r) === key(ra));
    const subject = `permissions ${ra.type}`;
    if (!rb) {
      changes.push({
        kind: 'permission-changed',
        subject,
        message: `${subject}: row only in A (${text(ra)})`,
        before: text(ra),
        ...(ra.supported
          ? { breaking: CLIENT, reason: `B no longer documents ${ra.type} callers as accepted` }
          : { breaking: NONE, reason: 'A did not support this scenario either' }),
        a: ra.source,
      });
      continue;
    }
    if (text(ra) === text(rb) && ra.leastPrivileged.join() === rb.leastPrivileged.join()) continue;
    const lost = accepted(ra).filter((p) => !accepted(rb).includes(p));
    const gained = accepted(rb).filter((p) => !accepted(ra).includes(p));
    // A placeholder says nothing either way, so it breaks nobody; it is still drift worth seeing.
    const unknown = ra.placeholder || rb.placeholder;
    // Only a permission B stops accepting breaks anyone: a caller holding just that one is refused. A
    // permission newly accepted, or least-privileged wording over the same set, refuses nobody.
    const reason = unknown
      ? 'a placeholder says nothing either way'
      : lost.length
        ? `callers holding only ${lost.join(' or ')} are refused`
        : gained.length
          ? `newly accepted: ${gained.join(', ')}`
          : 'the accepted set is unchanged; only the least-privileged wording moved';
    changes.push({
      kind: 'permission-changed',
      subject,
      message: `${subject}: ${text(ra)} in A, ${text(rb)} in B${!unknown && lost.length ? ` (B no longer accepts ${lost.join(', ')})` : ''}`,
      before: text(ra),
      after: text(rb),
      breaking: unknown || !lost.length ? NONE : CLIENT,
      reason,
      a: ra.source,
      b: rb.source,
    });
  }
  for (const rb of b) {
    if (a.some((r) => key(r) === key(rb))) continue;
    const subject = `permissions ${rb.type}`;
    changes.push({
      kind: 'permission-changed',
      subject,
      message: `${subject}: row only in B (${text(rb)})`,
      after: text(rb),
      breaking: NONE,
      reason: rb.supported ? 'newly accepted callers refuse nobody' : 'B documents the scenario as unsupported; A did not document it',
      b: rb.source,
    });
  }
  return changes;
}
