import type { Constraint } from './ir.js';

/**
 * Whether validators and certification enforce a constraint. A conditional one ("For Azure AD B2C accounts
 * …") is shown but not enforced: a request does not tell whether its condition holds, and failing a server
 * for a rule that may not apply to it is a false failure.
 */
export function isEnforced(c: Constraint): boolean {
  return c.condition === undefined;
}
