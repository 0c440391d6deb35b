import type { PropertyGroup } from '../../ir/ir.js';
import { type PageRule, splitList } from './rule.js';

type GroupFinding = Pick<PropertyGroup, 'kind' | 'members'>;

/** Property names listed after the last colon of a note sentence. */
function membersAfterColon(sentence: string): string[] {
  const colon = sentence.lastIndexOf(':');
  if (colon < 0) return [];
  return splitList(sentence.slice(colon + 1).replace(/\.$/, ''))
    .map((s) => s.replace(/^[*`_]+|[*`_.]+$/g, ''))
    .filter((s) => /^[A-Za-z@][\w@.]*$/.test(s));
}

export const ownRequestRule: PageRule<GroupFinding> = {
  id: 'own-request',
  summary: 'Properties that must be sent in their own PATCH request, without the other table properties',
  example:
    'To update the following properties, you must specify them in their own PATCH request, without including the other properties listed in the table above: **aboutMe**, **birthday**, …',
  mine(sentence) {
    if (!/\bin their own (?:PATCH )?request\b/i.test(sentence)) return undefined;
    const members = membersAfterColon(sentence);
    return members.length ? { kind: 'own-request', members } : undefined;
  },
};

export const appOnlyForbiddenRule: PageRule<GroupFinding> = {
  id: 'app-only-forbidden',
  summary: 'Properties an app with only application permissions cannot update',
  example: 'The following properties cannot be updated by an app with only application permissions: **aboutMe**, **birthday**, …',
  mine(sentence) {
    if (!/\bcan(?:not|'t| not) be updated by an app with only application permissions\b/i.test(sentence)) return undefined;
    const members = membersAfterColon(sentence);
    return members.length ? { kind: 'app-only-forbidden', members } : undefined;
  },
};
