/**
 * The scope a sentence gives its rule: "For Azure AD B2C accounts, this property can be updated up to only
 * ten times", "To update sensitive user properties … for users with privileged administrator roles". A rule
 * mined from such a sentence holds only when the condition does, and a request does not say whether it does,
 * so the constraint keeps the condition as data and is never enforced.
 */

import { ruleClause } from './rules/rule-clause.js';
import { plainText } from './rules/rule.js';

/** Leading phrases that introduce an example, a reference or a scenario rather than a scope. */
const NOT_A_SCOPE =
  /^(?:example|instance|more|details?|information|further|this|these|request|response|following|property|list|delegated|app-only|application|updat|creat|sett|set\b|not\b|specified|omitted|provided|present|used|null|none|empty|true|false|enabled|disabled|value|backward|compatib)/i;

/** "For Azure AD B2C accounts, …", "In a B2B scenario, …", "If the user is a guest, …". */
const LEADING = /^(?:For|In|On|If|When|Only for)\s+([^,:;]{3,100}?)\s*[,:]/;

/** "… for users with privileged administrator roles", "… for accounts that are synced …". */
const EMBEDDED = /\b(for (?:users|accounts|groups|guests|members|tenants|apps) (?:with|that|who|whose|in|from|synced)\b[^,:;.]{2,100})/i;

/** "It must be one of the following values for B2C Scenarios:": the rule holds in those scenarios only. */
const SCENARIO = /\b(for (?:[A-Z0-9][\w-]*\s+){1,3}[Ss]cenarios?)\b/;

/** "A global administrator assigned the X permission can update …": a grant to one kind of caller. */
const GRANT =
  /^((?:An?|The|Only an?)\s+[A-Z]?[\w-]*(?:\s+[A-Z]?[\w-]*){0,4}?\s+(?:administrator|admin|owner|role))\b.*?\b(?:can|is allowed to|is the least privileged role that's allowed to)\b/i;

/**
 * The condition of a bullet under a conditional lead ("When signInType is set to:" over "• `emailAddress`, …
 * must be a valid email address"): the lead's condition completed by the bullet's head, "When signInType is
 * set to emailAddress". A bullet under a lead that sets no condition ("Possible values are:") has none.
 */
export function bulletCondition(lead: string, bullet: string): string | undefined {
  const scope = conditionOf(lead.replace(/:$/, ','));
  if (!scope) return undefined;
  const head = /^(.{1,60}?)(?:\s*[,:;]|\s+--?\s|$)/.exec(plainText(bullet))?.[1];
  return head ? `${scope} ${head}` : scope;
}

export function conditionOf(sentence: string): string | undefined {
  const clause = ruleClause(sentence);
  if (clause) return clause;
  const s = sentence.replace(/\s+/g, ' ').trim();
  const lead = LEADING.exec(s);
  if (lead && !NOT_A_SCOPE.test(lead[1]!.replace(/^(?:a|an|the)\s+/i, ''))) return plainText(s.slice(0, lead[0].length - 1));
  const scenario = SCENARIO.exec(s);
  if (scenario) return plainText(scenario[1]!);
  const embedded = EMBEDDED.exec(s);
  if (embedded) return plainText(embedded[1]!);
  const grant = GRANT.exec(s);
  if (grant) return plainText(grant[1]!);
  return undefined;
}
