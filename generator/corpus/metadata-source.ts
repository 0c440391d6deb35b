/**
 * Microsoft's metadata as a second source for the coverage report: an example refused because it sends a
 * value of another JSON type than its table row states (`"saveToSentItems": "false"` where the table says
 * Boolean) is a doc bug when the CSDL declares the property (or the action's parameter) with the same JSON
 * type as the table. Where the metadata says otherwise, or is silent, the refusal stays a `rule-suspect`.
 */
import { allProperties, type CsdlModel, type CsdlProperty, csdlTypeRef, findType } from '../read/csdl.js';
import { jsonKind } from '../ir/primitives.js';
import { parseTypeExpression, primitiveName } from '../ir/type-expression.js';
import { explainWith } from './second-source.js';
import type { PageStats } from './page-stats.js';

type Shape = 'boolean' | 'number' | 'string' | 'object' | 'array';

/** The JSON shape of a primitive (`Boolean`, `Edm.Int32`): integers and floats are both numbers here. */
function primitiveShape(name: string): Shape | undefined {
  const primitive = primitiveName(name);
  if (!primitive) return undefined;
  const kind = jsonKind(primitive);
  return kind === 'integer' ? 'number' : kind;
}

/** The JSON shape of a table's type text (`Boolean`, `String collection`); a named type's is unknown. */
function tableKind(text: string): Shape | undefined {
  const type = parseTypeExpression(text);
  if (type?.collection) return 'array';
  return type?.kind === 'primitive' ? primitiveShape(type.name) : undefined;
}

function csdlKind(model: CsdlModel, type: string): Shape | undefined {
  const ref = csdlTypeRef(model, type);
  if (ref.collection) return 'array';
  if (ref.name.startsWith('Edm.')) return primitiveShape(ref.name);
  const def = model.types.get(ref.name);
  if (!def) return undefined;
  return def.kind === 'EnumType' ? 'string' : 'object';
}

/** The metadata's declaration of a body property: the action's parameter, else the resource type's property. */
function declared(model: CsdlModel, target: PageStats['target'], name: string): CsdlProperty | undefined {
  const lower = name.toLowerCase();
  for (const op of target.action ? (model.operations.get(target.action.toLowerCase()) ?? []) : []) {
    const p = op.parameters.find((x) => x.name.toLowerCase() === lower);
    if (p) return p;
  }
  if (!target.resource) return undefined;
  const found = findType(model, target.resource);
  const type = Array.isArray(found) ? found.find((t) => t.fullName.startsWith('microsoft.graph.')) : found;
  return type ? allProperties(model, type).find((x) => x.name.toLowerCase() === lower) : undefined;
}

export function withMetadata(pages: PageStats[], model: CsdlModel): PageStats[] {
  return explainWith(pages, (p, name, stated) => {
    const kind = tableKind(stated);
    const decl = declared(model, p.target, name);
    if (!kind || !decl || csdlKind(model, decl.type) !== kind) return undefined;
    return `the table and the metadata (${model.file}:${decl.line}, ${decl.type}) both type \`${name}\` ${stated}`;
  });
}
