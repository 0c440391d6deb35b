import type { ConstraintValue } from '../../ir/ir.js';
import type { PropertyRule } from './rule.js';

/** Graph permission names: `User.ReadWrite.All`, `User-LifeCycleInfo.ReadWrite.All`, `Directory.AccessAsUser.All`. */
export const PERMISSION_NAME = /\b[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)?(?:\.[A-Z][A-Za-z]*)+\b/g;

export function scenarioOf(sentence: string): 'delegated' | 'application' | 'any' {
  if (/\bdelegated\b/i.test(sentence)) return 'delegated';
  if (/\bapp-only\b|\bapplication(?:-only)? (?:access|permissions?|scenarios?)\b/i.test(sentence)) return 'application';
  return 'any';
}

/**
 * A sentence that limits what holders of a permission may do ("is only allowed on users who are
 * non-administrators … This is the case for apps granted either …") names permissions without requiring them.
 */
const RESTRICTION = /\bonly allowed (?:on|for)\b|\bis not allowed\b|\bcannot (?:be used|update)\b|\bthis is the case for apps\b/i;

/** About reading the property, not updating it ("To read this property, the app needs User.Read.All"). */
const READING = /\b(?:to (?:read|get|list|retrieve)|reading|retriev(?:e|ing)|returned)\b/i;
const UPDATING = /\b(?:updat|writ|set\b|setting|modif|chang|assign(?:ing)? (?:a |the )?value)/i;

/**
 * What a sentence says about permissions for updating the property, or nothing when it restricts, concerns
 * reading, or names no permission. "A or B" is any-of, "A and B" / "A + B" all-of.
 */
export function permissionRequirement(sentence: string, inPermissionsSection = false): ConstraintValue | undefined {
  // In a description a dotted name is a permission only when the sentence says so; the Permissions section
  // says it by where it is ("*User.ManageIdentities.All* is *required* to update the **identities** property").
  if (!inPermissionsSection && !/\bpermissions?\b/i.test(sentence)) return undefined;
  if (/\bcannot be updated by an app\b/i.test(sentence)) return undefined;
  if (RESTRICTION.test(sentence)) return undefined;
  if (READING.test(sentence) && !UPDATING.test(sentence)) return undefined;
  const permissions = [...new Set(sentence.match(PERMISSION_NAME) ?? [])];
  if (permissions.length === 0) return undefined;
  const between = permissions.length > 1 ? textBetween(sentence, permissions) : '';
  const combine = /\band\b|\+/i.test(between) && !/\bor\b/i.test(between) ? 'all-of' : 'any-of';
  const least = /\bleast[- ]privileged?\b/i.test(sentence);
  return { kind: 'requiresPermission', permissions, scenario: scenarioOf(sentence), combine, least };
}

/** The words between the first and the last permission named, parenthesised asides ("(least privilege)") dropped. */
function textBetween(sentence: string, permissions: string[]): string {
  const at = permissions.map((p) => sentence.indexOf(p));
  return sentence.slice(Math.min(...at), Math.max(...at)).replace(/\([^)]*\)/g, ' ');
}

export const requiresPermissionRule: PropertyRule = {
  id: 'requires-permission',
  scope: 'sentence',
  summary: 'Permission needed to update this property ("*User-Phone.ReadWrite.All* is the least privileged permission to update this property")',
  example: '*User-Phone.ReadWrite.All* is the least privileged permission to update this property.',
  mine(sentence) {
    const c = permissionRequirement(sentence);
    return c ? [c] : [];
  },
};
