import { plainText } from './rule.js';

/**
 * "Required if **type** is `weekly`", "This property is required only for keys of type X", "Read-only when
 * isBuiltIn is true", "Read-only for users synced from on-premises directory": a presence or read-only rule
 * whose own clause is its scope. The whole clause is the condition, whatever it holds (colons, lists).
 */
const RULE_CLAUSE =
  /^(?:This (?:property|parameter|field|value) is )?(?:required|read[- ]only)\s+((?:only\s+)?(?:if|when|unless|for (?!now\b|create\b)(?:users|accounts|groups|tenants|keys|apps|devices|guests|members|the\b|a\b|an\b|\w+ing\b)).+?)\.?$/i;
/**
 * The same demand worded as an instruction: "This property must be specified when creating a new user account
 * … if you are using a federated domain", "Only needs to be specified when creating a new user account if …".
 */
export const SPECIFIED_CLAUSE =
  /^(?:This (?:property|parameter|field|value) )?(?:must|needs to|has to|only needs to) be (?:specified|provided|supplied|included)\s+((?:only\s+)?(?:if|when|unless)\b.+?)\.?$/i;
/** "… required when a user is created": the create itself, which `required-on-create` reads. */
const ON_CREATE = /\bwhen (?:a|an|the) \w+ is created\b/i;

/** The scope of a conditional "Required …" / "Read-only …" sentence, or undefined when it has none. */
export function ruleClause(sentence: string): string | undefined {
  const s = sentence.replace(/\s+/g, ' ').trim();
  const m = RULE_CLAUSE.exec(s) ?? SPECIFIED_CLAUSE.exec(s);
  return m && !ON_CREATE.test(s) ? plainText(m[1]!) : undefined;
}
