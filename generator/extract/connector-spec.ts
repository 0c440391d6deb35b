/**
 * Connector page model → connector spec: each `Label (type hint): description` bullet becomes a field, with
 * the Graph property it stands for found by name normalisation (title case → camelCase) against the
 * resource type and its complex properties, never by a hand-written table.
 */
import type { ListItem, PageModel } from '../read/page-model.js';
import { diagnostic, sortDiagnostics } from '../ir/diagnostic.js';
import type { ComplexType, ConnectorField, ConnectorSpec, Diagnostic, TypeRef } from '../ir/ir.js';
import { SPEC_FORMAT_VERSION } from '../ir/ir.js';
import { mineConstraints } from './constraints.js';
import { pageOperation } from './naming.js';
import { type ResourceLoader, TypeRegistry } from './type-registry.js';

export interface ConnectorOptions {
  operation?: string;
  variant?: string;
  resources?: ResourceLoader;
}

const FIELD = /^(.+?)(?:\s+\(([^)]+)\))?(?::\s*([\s\S]*))?$/;

/** "Force Change Password Next Sign In With MFA" → `forceChangePasswordNextSignInWithMfa`. */
export function camelCaseLabel(label: string): string {
  const words = label
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return words
    .map((w, i) => {
      const lowerRest = /^[A-Z0-9]+$/.test(w) ? w.slice(1).toLowerCase() : w.slice(1);
      return i === 0 ? w.charAt(0).toLowerCase() + lowerRest : w.charAt(0).toUpperCase() + lowerRest;
    })
    .join('');
}

/** A type hint as a docs type expression. */
export function typeOfHint(hint: string): TypeRef {
  const h = hint.toLowerCase().trim();
  const list = /^list of (.+)$/.exec(h);
  const base = list ? list[1]! : h;
  const collection = !!list;
  if (/^(text|texts|string|\d+ char(?:acter)?s?)$/.test(base)) return { kind: 'primitive', name: 'String', collection };
  if (/^(true\/false|boolean)$/.test(base)) return { kind: 'primitive', name: 'Boolean', collection };
  if (/^(number|numbers)$/.test(base)) return { kind: 'primitive', name: 'Double', collection };
  if (/^(date|date\/time|datetime)$/.test(base)) return { kind: 'primitive', name: 'DateTimeOffset', collection };
  return { kind: 'named', name: 'object', collection, resolution: 'unresolved' };
}

export function extractConnector(page: PageModel, options: ConnectorOptions = {}): ConnectorSpec {
  const diagnostics: Diagnostic[] = [...page.diagnostics];
  const intro = page.intro.flatMap((b) => (b.kind === 'paragraph' ? [b] : []));
  const defaultSentence = intro.find((b) => /field types are (\w[\w/ ]*)/i.test(b.text));
  const defaultHint = defaultSentence ? (/field types are ([\w/ ]+?)\.?$/i.exec(defaultSentence.text)?.[1] ?? 'text') : 'text';
  const operation = options.operation ?? pageOperation(page.file, page.title);
  const resourceName = operation.replace(/-[a-z]+$/, '');
  const registry = new TypeRegistry(options.resources, []);
  const resource = registry.load(resourceName);
  const resourceType = resource?.kind === 'complex' ? resource : undefined;

  const fields: ConnectorField[] = [];
  for (const section of page.sections) {
    const direction = /^inputs?$/i.test(section.title) ? 'input' : /^outputs?$/i.test(section.title) ? 'output' : undefined;
    if (!direction) continue;
    for (const block of section.blocks) {
      if (block.kind !== 'list') continue;
      for (const item of block.items) collect(item, [section.title], direction, fields, defaultHint);
    }
  }
  for (const f of fields) {
    if (f.direction !== 'input') continue;
    mapField(f, fields, resourceType, registry);
    if (!f.graphPath && !f.pathParameter) {
      diagnostics.push(
        diagnostic(
          'connector-field-unmapped',
          'info',
          `Field "${f.label}" (\`${f.normalizedName}\`) matches no property of ${resourceType ? `\`${resourceType.name}\`` : 'a known resource'}`,
          f.source,
        ),
      );
    }
  }

  const spec: ConnectorSpec = {
    formatVersion: SPEC_FORMAT_VERSION,
    kind: 'connector',
    operation,
    variant: options.variant ?? 'connector',
    title: page.title,
    description: intro.find((b) => b !== defaultSentence)?.text ?? '',
    page: { file: page.file, format: page.format, includes: [] },
    defaultType: { hint: defaultHint },
    fields,
    diagnostics: sortDiagnostics(diagnostics),
  };
  if (defaultSentence) {
    spec.defaultType.sentence = defaultSentence.text;
    spec.defaultType.source = defaultSentence.pos;
  }
  if (resourceType) spec.resource = resourceType.name;
  return spec;
}

function collect(item: ListItem, group: string[], direction: 'input' | 'output', out: ConnectorField[], defaultHint: string): void {
  const m = FIELD.exec(item.text.replace(/\n/g, ' ').trim());
  const label = m?.[1]?.trim() ?? item.text;
  const hasDescription = m?.[3] !== undefined;
  // A bullet with children is a group; it is also a field when it has a description (an object field).
  if (!hasDescription && item.children.length > 0) {
    for (const c of item.children) collect(c, [...group, label], direction, out, defaultHint);
    return;
  }
  const stated = m?.[2]?.trim();
  const typeHint = stated ?? (item.children.length > 0 ? 'object' : defaultHint);
  const type = typeOfHint(typeHint);
  out.push({
    label,
    group,
    direction,
    typeHint,
    typeHintStated: !!stated,
    type,
    description: (m?.[3] ?? '').trim(),
    normalizedName: camelCaseLabel(label),
    // The same rules as the docs' property descriptions, so certification compares like with like.
    constraints: mineConstraints(camelCaseLabel(label), type, item, item.pos),
    source: item.pos,
  });
  for (const c of item.children) collect(c, [...group, label], direction, out, defaultHint);
}

function mapField(f: ConnectorField, all: ConnectorField[], resource: ComplexType | undefined, registry: TypeRegistry): void {
  // "Id or Username" addresses the resource whether or not its type page is at hand.
  const addresses = /^(id|.+ id)(\s+or\s+.+)?$/i.test(f.label) && !/\bproperty\b/i.test(f.description);
  if (!resource) {
    if (addresses) f.pathParameter = true;
    return;
  }
  const own = resource.properties.find((p) => p.name.toLowerCase() === f.normalizedName.toLowerCase());
  const parentLabel = f.group[f.group.length - 1];
  const parent = all.find((x) => x.label === parentLabel && x.group.length === f.group.length - 1);
  if (parent?.graphPath) {
    const parentType = complexOf(parent.graphPath, resource, registry);
    const inner = parentType?.properties.find((p) => p.name.toLowerCase() === f.normalizedName.toLowerCase());
    if (inner) {
      f.graphPath = `${parent.graphPath}.${inner.name}`;
      return;
    }
  }
  if (own) {
    f.graphPath = own.name;
    return;
  }
  // Fields that set a property of a complex property (Password → passwordProfile.password): unique match only.
  const nested = resource.properties.flatMap((p) => {
    if (p.type.kind !== 'named' || p.type.collection) return [];
    const t = registry.load(p.type.name);
    const inner = t?.kind === 'complex' ? t.properties.find((q) => q.name.toLowerCase() === f.normalizedName.toLowerCase()) : undefined;
    return inner ? [`${p.name}.${inner.name}`] : [];
  });
  if (nested.length === 1) {
    f.graphPath = nested[0]!;
    return;
  }
  if (addresses) f.pathParameter = true;
}

function complexOf(path: string, resource: ComplexType, registry: TypeRegistry): ComplexType | undefined {
  let current: ComplexType | undefined = resource;
  for (const part of path.split('.')) {
    const p = current?.properties.find((q) => q.name === part);
    if (p?.type.kind !== 'named') return undefined;
    const t = registry.load(p.type.name);
    current = t?.kind === 'complex' ? t : undefined;
  }
  return current;
}
