/**
 * Reads OData CSDL (Microsoft's `$metadata`, e.g. msgraph-metadata's `v1.0-Prod.csdl`) into the structural
 * types it declares, each property with its line, so docs-vs-metadata drift can cite both sides. A streaming
 * SAX parser keeps the 3 MB v1.0 file cheap and gives positions.
 */
import { SaxesParser } from 'saxes';

export interface CsdlProperty {
  name: string;
  /** As written: `Edm.String`, `Collection(graph.assignedLicense)`. */
  type: string;
  /** OData's default is nullable: only `Nullable="false"` makes it false. */
  nullable: boolean;
  line: number;
  column: number;
}

export interface CsdlType {
  kind: 'EntityType' | 'ComplexType' | 'EnumType';
  /** Namespace-qualified, e.g. `microsoft.graph.user`. */
  fullName: string;
  name: string;
  /** Namespace-qualified base type, alias expanded. */
  baseType?: string;
  open: boolean;
  properties: CsdlProperty[];
  members: string[];
  line: number;
  column: number;
}

/** An action or function: its parameters are the properties of the request body an action page documents. */
export interface CsdlOperation {
  kind: 'Action' | 'Function';
  name: string;
  /** Each parameter, the binding parameter first when the operation is bound. */
  parameters: CsdlProperty[];
  line: number;
  column: number;
}

export interface CsdlModel {
  file: string;
  /** By namespace-qualified name. */
  types: Map<string, CsdlType>;
  /** Actions and functions by lower-case name; overloads (bound to different types) share a name. */
  operations: Map<string, CsdlOperation[]>;
  /** Schema aliases (`graph` → `microsoft.graph`). */
  aliases: Map<string, string>;
}

export class CsdlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export function readCsdl(input: { file: string; text: string }): CsdlModel {
  const parser = new SaxesParser({ position: true });
  const types = new Map<string, CsdlType>();
  const aliases = new Map<string, string>();
  const schemas: { namespace: string; alias?: string }[] = [];
  const stack: string[] = [];
  let current: CsdlType | undefined;
  const operations = new Map<string, CsdlOperation[]>();
  let operation: CsdlOperation | undefined;
  let error: CsdlError | undefined;
  // Aliases may be declared by a later schema than the one using them: expand after the parse.
  const pendingBase: [CsdlType, string][] = [];
  // saxes reports where a tag ends; cite where the element starts on its line.
  const lineStarts = [0];
  for (let i = input.text.indexOf('\n'); i >= 0; i = input.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const startColumn = (line: number) => {
    const from = lineStarts[line - 1] ?? 0;
    const lt = input.text.indexOf('<', from);
    return lt >= 0 && lt < (lineStarts[line] ?? Infinity) ? lt - from + 1 : 1;
  };

  parser.on('error', (e) => {
    error ??= new CsdlError(e.message.replace(/^[^:]*:\d+:\d+: /, ''), parser.line, parser.column + 1);
  });
  parser.on('opentag', (tag) => {
    const local = tag.name.replace(/^.*:/, '');
    const attr = (n: string) => {
      const v = tag.attributes[n];
      return typeof v === 'string' ? v : v?.value;
    };
    stack.push(local);
    if (local === 'Schema') {
      const namespace = attr('Namespace') ?? '';
      const alias = attr('Alias');
      schemas.push({ namespace, alias });
      if (alias) aliases.set(alias, namespace);
      return;
    }
    const schema = schemas.at(-1);
    if (!schema) return;
    if ((local === 'EntityType' || local === 'ComplexType' || local === 'EnumType') && stack.at(-2) === 'Schema') {
      const name = attr('Name') ?? '';
      current = {
        kind: local,
        fullName: `${schema.namespace}.${name}`,
        name,
        open: attr('OpenType') === 'true',
        properties: [],
        members: [],
        line: parser.line,
        column: startColumn(parser.line),
      };
      const base = attr('BaseType');
      if (base) pendingBase.push([current, base]);
      types.set(current.fullName, current);
      return;
    }
    if ((local === 'Action' || local === 'Function') && stack.at(-2) === 'Schema') {
      operation = { kind: local, name: attr('Name') ?? '', parameters: [], line: parser.line, column: startColumn(parser.line) };
      const key = operation.name.toLowerCase();
      operations.set(key, [...(operations.get(key) ?? []), operation]);
      return;
    }
    // A property and a parameter read alike: a name, a type, nullability and where the element starts.
    const typed = (): CsdlProperty => ({
      name: attr('Name') ?? '',
      type: attr('Type') ?? '',
      nullable: attr('Nullable') !== 'false',
      line: parser.line,
      column: startColumn(parser.line),
    });
    if (operation && local === 'Parameter' && stack.at(-2) === operation.kind) {
      operation.parameters.push(typed());
      return;
    }
    if (!current || stack.at(-2) !== current.kind) return;
    if (local === 'Property') {
      current.properties.push(typed());
    } else if (local === 'Member') {
      current.members.push(attr('Name') ?? '');
    }
  });
  parser.on('closetag', () => {
    const local = stack.pop();
    if (current && local === current.kind && stack.at(-1) === 'Schema') current = undefined;
    if (operation && local === operation.kind && stack.at(-1) === 'Schema') operation = undefined;
    if (local === 'Schema') schemas.pop();
  });
  parser.write(input.text).close();
  if (error) throw error;
  if (!types.size) throw new CsdlError('no EntityType, ComplexType or EnumType found: is this a CSDL file?', 1, 1);
  for (const [type, base] of pendingBase) type.baseType = qualify(base, aliases);
  return { file: input.file, types, aliases, operations };
}

/** `graph.user` → `microsoft.graph.user`; `Collection(…)` is left to the caller. */
export function qualify(name: string, aliases: Map<string, string>): string {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return name;
  const ns = name.slice(0, dot);
  return `${aliases.get(ns) ?? ns}${name.slice(dot)}`;
}

/** `Collection(graph.assignedLicense)` → `{ name: 'microsoft.graph.assignedLicense', collection: true }`. */
export function csdlTypeRef(model: CsdlModel, type: string): { name: string; collection: boolean } {
  const m = /^Collection\((.*)\)$/.exec(type);
  return { name: qualify(m ? m[1]! : type, model.aliases), collection: !!m };
}

/** The type and its base types' properties, base first (entity → directoryObject → user). */
export function allProperties(model: CsdlModel, type: CsdlType): CsdlProperty[] {
  const chain: CsdlType[] = [];
  for (let t: CsdlType | undefined = type; t && !chain.includes(t); t = t.baseType ? model.types.get(t.baseType) : undefined) chain.unshift(t);
  return chain.flatMap((t) => t.properties);
}

/** Finds a type by full name, alias-qualified name or bare name; several matches for a bare name is an error. */
export function findType(model: CsdlModel, name: string): CsdlType | CsdlType[] | undefined {
  const exact = model.types.get(name);
  if (exact) return exact;
  const last = name.split('.').pop()!.toLowerCase();
  const matches = [...model.types.values()].filter((t) => t.name.toLowerCase() === last && t.kind !== 'EnumType');
  if (matches.length === 1) return matches[0];
  return matches.length ? matches : undefined;
}
