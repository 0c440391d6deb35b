import type { PropertyRule } from './rule.js';

export const aliasDomainRule: PropertyRule = {
  id: 'alias-domain',
  scope: 'sentence',
  summary: 'Value has the form alias@domain ("The general format is alias@domain")',
  example: "The general format is alias@domain, where domain must be present in the tenant's collection of verified domains.",
  mine(sentence) {
    return /\bformat is alias@domain\b/i.test(sentence) ? [{ kind: 'format', format: 'alias@domain' }] : [];
  },
};
