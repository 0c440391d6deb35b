/**
 * The rule registry: every constraint in a spec names one of these ids. Order matters only for output order.
 * To add a rule: write `<id>.rule.ts` next to this file, register it here, and give it a test with a real
 * sentence from the docs.
 */
import { aliasDomainRule } from './alias-domain.rule.js';
import { allowedCharsRule } from './allowed-chars.rule.js';
import { allowedValuesRule } from './allowed-values.rule.js';
import { conditionalRule } from './conditional-rule.rule.js';
import { countryCodeRule } from './country-code.rule.js';
import { exactLengthRule } from './exact-length.rule.js';
import { extensionNullRemovesRule, extensionsAllowedRule } from './extensions.rule.js';
import { partialUpdateRule } from './partial-update.rule.js';
import { flagSetRule } from './flag-set.rule.js';
import { forbiddenCharsRule } from './forbidden-chars.rule.js';
import { itemMaxLengthRule } from './item-max-length.rule.js';
import { maxItemsRule } from './max-items.rule.js';
import { maxLengthRule } from './max-length.rule.js';
import { notNullableRule } from './not-nullable.rule.js';
import { numericRangeRule } from './numeric-range.rule.js';
import { onlyValueRule } from './only-value.rule.js';
import { proseFormatRule } from './prose-format.rule.js';
import { primitiveFormatRule } from './primitive-format.rule.js';
import { appOnlyForbiddenRule, ownRequestRule } from './property-groups.rule.js';
import { readOnlyRule } from './read-only.rule.js';
import { requiredRule } from './required.rule.js';
import { requiredOnCreateRule } from './required-on-create.rule.js';
import { requiresPermissionRule } from './requires-permission.rule.js';
import type { PropertyRule } from './rule.js';
import { updateLimitRule } from './update-limit.rule.js';

export const PROPERTY_RULES: readonly PropertyRule[] = [
  maxLengthRule,
  exactLengthRule,
  numericRangeRule,
  allowedValuesRule,
  onlyValueRule,
  notNullableRule,
  maxItemsRule,
  itemMaxLengthRule,
  forbiddenCharsRule,
  allowedCharsRule,
  countryCodeRule,
  // Before the type column's format, so the stricter prose format ("always in UTC") is the one values follow.
  proseFormatRule,
  primitiveFormatRule,
  aliasDomainRule,
  flagSetRule,
  requiredRule,
  requiredOnCreateRule,
  readOnlyRule,
  updateLimitRule,
  requiresPermissionRule,
  // Last: it reads only the sentences every rule above left.
  conditionalRule,
];

export const GROUP_RULES = [ownRequestRule, appOnlyForbiddenRule] as const;
export const EXTENSION_RULES = { allowed: extensionsAllowedRule, nullRemoves: extensionNullRemovesRule } as const;

export const PARTIAL_UPDATE_RULE = partialUpdateRule;

/** Every rule id with its summary, for the README rule table and `docspec rules`. */
export function ruleCatalogue(): { id: string; summary: string; example: string }[] {
  return [...PROPERTY_RULES, ...GROUP_RULES, extensionsAllowedRule, extensionNullRemovesRule, partialUpdateRule].map(({ id, summary, example }) => ({
    id,
    summary,
    example,
  }));
}
