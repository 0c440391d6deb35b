/**
 * Ids a client must put in the path: GUIDs, and userPrincipalNames whose local part leans on the characters
 * the docs allow beyond letters and digits (`' . - _ ! # ^ ~` for user), which need percent-encoding or
 * survive it only when the client encodes the segment properly.
 */
import fc from 'fast-check';
import { guid, headed, LOWER_DIGITS } from './text.js';
import { isEnforced } from '../../generator/ir/enforced.js';
import type { OperationSpec } from '../../generator/ir/ir.js';

/** The page's allowed-characters rule for userPrincipalName, or the characters the user page lists. */
function allowedPunctuation(spec: OperationSpec): string[] {
  const upn = spec.requestBody.properties.find((p) => p.name === 'userPrincipalName');
  const rule = upn?.constraints.find((c) => c.kind === 'allowedChars' && isEnforced(c));
  const chars = rule && rule.kind === 'allowedChars' ? rule.chars : "'.-_!#^~";
  return [...new Set(chars)].filter((c) => !/[A-Za-z0-9@]/.test(c));
}

const cache = new WeakMap<OperationSpec, fc.Arbitrary<string>>();

/** Built once per spec object: fast-check prepares a string arbitrary's bias when it is built. */
export function userIds(spec: OperationSpec): fc.Arbitrary<string> {
  let ids = cache.get(spec);
  if (!ids) {
    ids = buildUserIds(spec);
    cache.set(spec, ids);
  }
  return ids;
}

function buildUserIds(spec: OperationSpec): fc.Arbitrary<string> {
  const punctuation = allowedPunctuation(spec);
  const alnum = LOWER_DIGITS;
  // About a third punctuation, as before: each punctuation character listed often enough that together they
  // weigh half as much as the letters and digits.
  const copies = Math.max(1, Math.round(alnum.length / 2 / Math.max(1, punctuation.length)));
  const unit = [...alnum, ...punctuation.flatMap((c) => Array<string>(copies).fill(c))];
  const upn = fc.tuple(headed(alnum, unit, 0, 12), fc.constantFrom('contoso.com', 'contoso.onmicrosoft.com')).map(([local, domain]) => `${local}@${domain}`);
  return fc.oneof(guid, upn);
}
