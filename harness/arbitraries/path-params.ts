/**
 * Values a client must put in the path. An id is an opaque string the service issued: a GUID, or text that
 * leans on punctuation (`' . - _ ! # ^ ~`), which needs percent-encoding or survives it only when the client
 * encodes the segment properly. An alternative key the docs allow in its place (`{id | name}`) draws from
 * what the docs say of that key where the operation's body has it: the characters its rule allows, and a
 * domain when they format it as an address.
 */
import fc from 'fast-check';
import { isEnforced } from '../../generator/ir/enforced.js';
import type { OperationSpec, PathTemplate, Property } from '../../generator/ir/ir.js';
import { guid, headed, LOWER_DIGITS } from './text.js';

type PathParam = PathTemplate['params'][number];

/** Punctuation a name may hold when its property states none: the characters that test a client's encoding. */
const NAME_PUNCTUATION = "'.-_!#^~";

/** The alternatives of a parameter other than the id itself. */
function otherKeys(param: PathParam): string[] {
  return param.alternatives.filter((a) => a.toLowerCase() !== 'id' && !/id$/i.test(a));
}

/** The body property that is this key, when the operation has one (its rules say what a name may hold). */
function keyProperty(spec: OperationSpec, key: string): Property | undefined {
  return spec.requestBody.properties.find((p) => p.name === key);
}

function allowedPunctuation(property: Property | undefined): string[] {
  const rule = property?.constraints.find((c) => c.kind === 'allowedChars' && isEnforced(c));
  const chars = rule && rule.kind === 'allowedChars' ? rule.chars : NAME_PUNCTUATION;
  return [...new Set(chars)].filter((c) => !/[A-Za-z0-9@]/.test(c));
}

function names(property: Property | undefined): fc.Arbitrary<string> {
  const punctuation = allowedPunctuation(property);
  const alnum = LOWER_DIGITS;
  // About a third punctuation: each punctuation character listed often enough that together they weigh half
  // as much as the letters and digits.
  const copies = Math.max(1, Math.round(alnum.length / 2 / Math.max(1, punctuation.length)));
  const unit = [...alnum, ...punctuation.flatMap((c) => Array<string>(copies).fill(c))];
  const local = headed(alnum, unit, 0, 12);
  // A key the docs format as an address (`alias@domain`) gets a domain.
  const addressLike = property?.constraints.some((c) => c.kind === 'format' && (c.format === 'alias@domain' || c.format === 'email'));
  return addressLike ? fc.tuple(local, fc.constantFrom('contoso.com', 'contoso.onmicrosoft.com')).map(([l, domain]) => `${l}@${domain}`) : local;
}

const cache = new WeakMap<OperationSpec, Map<PathParam, fc.Arbitrary<string>>>();

/** Built once per spec and parameter: fast-check prepares a string arbitrary's bias when it is built. */
export function pathParamValues(spec: OperationSpec, param: PathParam): fc.Arbitrary<string> {
  let perSpec = cache.get(spec);
  if (!perSpec) {
    perSpec = new Map();
    cache.set(spec, perSpec);
  }
  let values = perSpec.get(param);
  if (!values) {
    const keys = otherKeys(param);
    values = fc.oneof(guid, ...(keys.length ? keys.map((k) => names(keyProperty(spec, k))) : [names(undefined)]));
    perSpec.set(param, values);
  }
  return values;
}
