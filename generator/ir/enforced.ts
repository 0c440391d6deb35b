import type { Constraint, Property } from './ir.js';

/**
 * Whether validators and certification enforce a constraint. A conditional one ("For Azure AD B2C accounts
 * …") is shown but not enforced: a request does not tell whether its condition holds, and failing a server
 * for a rule that may not apply to it is a false failure.
 */
export function isEnforced(c: Constraint): boolean {
  return c.condition === undefined;
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
 * Whether a format only describes the value rather than demanding it: "The SMTP address for the user", "The
 * URL for the user's personal site", "Should follow ISO 639-1 Code". A reasonable server may accept any
 * string there, so certification reports one that does as a warning (a strict run fails it). "Must be a
 * valid URL", "Required format: …" and "only" bind.
 */
export function advisoryFormat(c: Constraint): boolean {
  // A date-time's "always in UTC" rides on its type: a value that is no date-time breaks the type, which binds.
  return c.kind === 'format' && c.format !== 'utc-date-time' && c.rule === 'prose-format' && !/\b(?:must|required|only)\b/i.test(c.sentence);
}
