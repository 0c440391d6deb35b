/**
 * Ids a client must put in the path: GUIDs, and userPrincipalNames whose local part leans on the characters
 * the docs allow beyond letters and digits (`' . - _ ! # ^ ~` for user), which need percent-encoding or
 * survive it only when the client encodes the segment properly.
 */
import fc from 'fast-check';
import { isEnforced } from '../../generator/spec/enforced.js';
import type { OperationSpec } from '../../generator/spec/ir.js';

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
  const alnum = fc.mapToConstant({ num: 26, build: (i) => String.fromCharCode(97 + i) }, { num: 10, build: (i) => String.fromCharCode(48 + i) });
  const unit = punctuation.length ? fc.oneof({ weight: 2, arbitrary: alnum }, { weight: 1, arbitrary: fc.constantFrom(...punctuation) }) : alnum;
  const upn = fc
    .tuple(alnum, fc.string({ unit, minLength: 0, maxLength: 12 }), fc.constantFrom('contoso.com', 'contoso.onmicrosoft.com'))
    .map(([first, rest, domain]) => `${first}${rest}@${domain}`);
  return fc.oneof(fc.uuid(), upn);
}
