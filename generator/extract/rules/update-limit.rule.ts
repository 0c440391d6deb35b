import { parseCount, type PropertyRule } from './rule.js';

/**
 * A value fixed once the resource exists: it may be given when the resource is created and never changed
 * after, an update limit of zero. "Cannot be changed" alone is not enough (it may be the user, or the client).
 */
const FIXED = [
  /\b(?:cannot|can't|can not) be (?:changed|modified|updated)(?: once (?:the |this )?[\w ]{0,40}? (?:is|has been) created| after (?:the )?(?:initial )?creation| after (?:it is|it's|the \w+ is) created)\b/i,
  /^once set, (?:you cannot (?:update|change) this (?:property|value)|this (?:property|value) is read-only and cannot be changed)\b/i,
  /^(?:this|the) (?:property|value) cannot be patched\b/i,
  // group.md's `mailNickname`-like rows: "This property can only be set while creating the group and is immutable."
  /^(?:this (?:property|value)|it) can only be set (?:while|when|during) creat(?:ing|ion)\b/i,
];

export const updateLimitRule: PropertyRule = {
  id: 'update-limit',
  scope: 'sentence',
  summary:
    'The property can be updated only a limited number of times ("can be updated up to only 10 times"), or never once created ("Cannot be changed after initial creation")',
  example: 'For Azure AD B2C accounts, this property can be updated up to only 10 times with unique SMTP addresses.',
  mine(sentence) {
    const m = /\bcan be updated up to (?:only )?(\w+) times\b/i.exec(sentence);
    const times = m ? parseCount(m[1]!) : undefined;
    if (times !== undefined) return [{ kind: 'updateLimit', times }];
    return FIXED.some((p) => p.test(sentence.trim())) ? [{ kind: 'updateLimit', times: 0 }] : [];
  },
};
