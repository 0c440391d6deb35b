import type { Constraint, OperationSpec, Property } from './ir.js';

/**
 * Whether validators and certification enforce a constraint. A conditional one ("For Azure AD B2C accounts
 * …") is shown but not enforced: a request does not tell whether its condition holds, and failing a server
 * for a rule that may not apply to it is a false failure. An advisory one ("should", "The URL for …") is
 * shown too: a reasonable server may accept a value outside it.
 */
export function isEnforced(c: Constraint): boolean {
  return c.condition === undefined && c.strength !== 'advisory';
}

/**
 * Whether a constraint shapes the values certification sends as valid: every unconditional one, advisory
 * included. A value that keeps to advice is valid under every reading; a server that demands what the docs
 * only advise is not failed for it.
 */
export function shapesValues(c: Constraint): boolean {
  return c.condition === undefined;
}

/**
 * The body properties the docs state: the table's rows and what its resource page lends, not a property only
 * the page's example sends (`via: 'example'`, see `pipeline/example-readings.ts`). Drift, the variant
 * matrix and the metadata comparison compare these: an edit that drops a row drops the property, whatever
 * the example still sends, and a row keeps the type its table gives (`tableType`) where a reading replaced it.
 */
export function statedProperties(spec: Pick<OperationSpec, 'requestBody'>): Property[] {
  return spec.requestBody.properties.filter((p) => p.via !== 'example').map((p) => (p.tableType ? { ...p, type: p.tableType } : p));
}

/**
 * Whether "Required." binds a request body: a POST (create or action) or PUT must name the property; on a
 * PATCH the docs' "Required." only says what the resource needs, and is shown, not enforced.
 */
export function presenceEnforced(method: string): boolean {
  return method === 'POST' || method === 'PUT';
}

/** The "Required." constraint a body of this method must honour, if the property has one that binds. */
export function bindingRequired(p: Property, method: string): Constraint | undefined {
  return presenceEnforced(method) ? p.constraints.find((c) => c.kind === 'required' && isEnforced(c)) : undefined;
}

/**
 * The "Required." a valid body of this method names: a binding one, or one the docs only advise. Naming an
 * advised property is valid under every reading; leaving it out is what a server may refuse.
 */
export function sentRequired(p: Property, method: string): Constraint | undefined {
  return presenceEnforced(method) ? p.constraints.find((c) => c.kind === 'required' && shapesValues(c)) : undefined;
}
