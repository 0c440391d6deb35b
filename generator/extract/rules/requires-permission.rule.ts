import type { PropertyRule } from './rule.js';

/** Graph permission names: `User.ReadWrite.All`, `User-LifeCycleInfo.ReadWrite.All`, `Directory.AccessAsUser.All`. */
export const PERMISSION_NAME = /\b[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)?(?:\.[A-Z][A-Za-z]*)+\b/g;

export function scenarioOf(sentence: string): 'delegated' | 'application' | 'any' {
  if (/\bdelegated\b/i.test(sentence)) return 'delegated';
  if (/\bapp-only\b|\bapplication(?:-only)? (?:access|permissions?|scenarios?)\b/i.test(sentence)) return 'application';
  return 'any';
}

export const requiresPermissionRule: PropertyRule = {
  id: 'requires-permission',
  scope: 'sentence',
  summary: 'Permission needed to update this property ("*User-Phone.ReadWrite.All* is the least privileged permission to update this property")',
  example: '*User-Phone.ReadWrite.All* is the least privileged permission to update this property.',
  mine(sentence) {
    if (!/\bpermissions?\b/i.test(sentence) || /\bcannot be updated by an app\b/i.test(sentence)) return [];
    const permissions = [...new Set(sentence.match(PERMISSION_NAME) ?? [])];
    return permissions.length ? [{ kind: 'requiresPermission', permissions, scenario: scenarioOf(sentence) }] : [];
  },
};
