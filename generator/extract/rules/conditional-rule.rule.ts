import { isRuleLike } from './rule-like.js';
import { plainText, type PropertyRule } from './rule.js';

/**
 * A rule that holds only under a condition the request alone does not settle: "Assigning to the ScopeTags
 * property is not allowed when this value is false", "The app cannot be assigned unless the app is
 * published", "Only applies when disableAccountManager is false", "Updatable only if isDraft = true". Its
 * subject is often another property, another operation or the tenant, so no value check can follow from it:
 * it is kept as the statement and its whole condition, shown in types and reports, compared by drift, never
 * enforced. It reads a sentence only when no other rule did (see `fallback`).
 */

/** The words that make the statement a rule and not a description. */
const RULE_WORDS =
  /\b(?:must|shall|cannot|can't|can ?not|can only|may not|may only|should|required|only|not (?:be )?(?:allowed|supported|permitted)|updatable|applies|applicable)\b/i;

/** "When this property is configured, X should be true"; "If selecting more than one value, all values must …". */
const LEADING = /^(?:note:\s*)?((?:when|if|unless|once|whenever|while)\s[^,]{3,160}?),\s*(.+)$/i;

/** "… is not allowed when this value is false …", "… cannot be assigned unless …", "… only if isDraft = true". */
const TRAILING = /^(.+?\S)\s+((?:only\s+)?(?:when|whenever|if|unless|until|while|as long as|in order for)\s.+)$/i;

/** "Only applicable in shared iPad mode", "This can only be set for a chat with …", "Cannot be set for non-dual-mode apps". */
const SCOPED =
  /^(.*?\b(?:only (?:applicable|applies|valid|supported|used)|applicable only|applies only|can only be (?:set|used|specified|provided|updated|changed|enabled)|(?:cannot|can't|can not) be (?:set|used|specified|enabled|configured))\b)\s+((?:to|for|in|on|with)\s.+)$/i;

/** Leading clauses that say what a value means, not when a rule holds ("If true, …", "If set to Not Allowed, …"). */
const MEANING = /^(?:if|when)\s+(?:it is |this (?:property|setting|value) is )?(?:true|false|set to|enabled|disabled|not set|null|empty|configured to|left)\b/i;

export function splitCondition(sentence: string): { statement: string; condition: string } | undefined {
  const s = plainText(sentence).replace(/\s*[.;]$/, '');
  const parts = (statement: string, condition: string) => ({ statement: statement.replace(/^note:\s*/i, '').replace(/[\s,;:]+$/, ''), condition });
  const lead = LEADING.exec(s);
  if (lead && !MEANING.test(s)) return parts(lead[2]!, lead[1]!);
  const trail = TRAILING.exec(s);
  if (trail) return parts(trail[1]!, trail[2]!);
  const scoped = SCOPED.exec(s);
  if (scoped) return parts(scoped[1]!, scoped[2]!);
  return undefined;
}

export const conditionalRule: PropertyRule = {
  id: 'conditional-rule',
  scope: 'sentence',
  fallback: true,
  summary:
    'A rule under a condition the request does not settle ("… is not allowed when this value is false", "Only applies when …"): kept with its condition, shown, never enforced',
  example: 'Assigning to the ScopeTags property is not allowed when this value is false and entities will not be visible to scoped users.',
  mine(sentence) {
    // "Specify whether the connection should connect … when the SSID is not broadcasting", "A TPM provides a
    // benefit in that data stored on it cannot be used on other devices": what the value means, not a rule.
    if (!isRuleLike(sentence)) return [];
    const split = splitCondition(sentence);
    if (!split || /^(?:true|false)\b/i.test(split.statement)) return [];
    // The rule word is the statement's, or the condition's "only": "Use only when copying to a Microsoft 365
    // group". One inside the condition alone ("true if the user must change her password") is its subject's.
    if (!RULE_WORDS.test(split.statement) && !/^only\b/i.test(split.condition)) return [];
    return [{ kind: 'conditional', statement: split.statement, condition: split.condition }];
  },
};
