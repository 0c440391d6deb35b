import type { PropertyRule } from './rule.js';

const PATTERNS = [/\b(?:is )?required when (?:a|an|the) \w+ is created\b/i, /\bmust be specified when (?:a|an|the) \w+ is created\b/i];

export const requiredOnCreateRule: PropertyRule = {
  id: 'required-on-create',
  scope: 'sentence',
  summary: 'Required when the resource is created (informational for updates)',
  example: 'This property is required when a user is created.',
  mine(sentence) {
    return PATTERNS.some((p) => p.test(sentence)) ? [{ kind: 'requiredOnCreate' }] : [];
  },
};
