import { isNumeric } from '../../ir/primitives.js';
import { type PropertyContext, type PropertyRule, splitList } from './rule.js';

/** The phrases that introduce a list of values; what follows is the list, or a colon and bullet lines. */
const INTRO = String.raw`(?:(?:allowed|possible|supported|valid|accepted) (?:values|value(?= are))(?: in the collection| for (?:this property|\w+))?(?: are| include| is)?|the (?:value|values) (?:can|may|must) be(?: one of)?|(?:can|must) be one of(?: the following)?(?: values)?(?: for [^:.]{2,60}(?=:))?|following values are supported|the property values are)`;
const PATTERN = new RegExp(String.raw`\b${INTRO}(?=[\s:.]|$):?\s*(.*)$`, 'i');
/** "…, or empty (which is interpreted as Public)": the empty string and null are values too. */
const OR_EMPTY = /,?\s*(?:or )?empty(?: \([^)]*\))?\s*\.?$/i;
const VALUE = /^[A-Za-z0-9_.#-]+$/;
/** "Only states NotConfigured and Allowed are supported": the list itself is the subject. */
const ONLY_LIST = /^only (?:the )?(?:states|values) (.+?) are (?:supported|allowed)\.?$/i;
/** "Must be owner or empty.", 'Must be "owner" or empty.': a sentence that is nothing but its choices. */
const MUST_BE = /^must be ((?:[`"']?[A-Za-z][\w#-]*[`"']?,? )*(?:or )?(?:[`"']?[A-Za-z][\w#-]*[`"']?|empty))\.?$/i;
/** A description that calls the value a set of flags. */
const FLAGS = /\b(?:enumeration of flags|flags enumeration|flag enumeration)\b/i;
/** A sentence that is nothing but "Either anonymous or organization." or "Either view, edit, or embed." */
const EITHER = /^Either ((?:[`"']?[A-Za-z][\w#-]*[`"']?,? )+or [`"']?[A-Za-z][\w#-]*[`"']?)\.?$/i;

type Value = string | number | null;

/** One list item as a value, or undefined when it is prose. */
function itemValue(raw: string, numeric: boolean): Value | undefined {
  // "LightBlue=0": a member named with its number; the name is the value a body sends. "Auto (default)": a
  // remark on the member, not part of it.
  const named = (numeric ? raw : raw.replace(/\s*=\s*-?\d+$/, '')).replace(/\s*\((?:default|the default)\)$/i, '');
  const v = named.replace(/^[`"'“”*]+|[`"'“”*]+$/g, '');
  if (v === 'null') return null;
  // "0 - Not Ready", "1 = Ready": a number with its meaning; the number is the value a body sends.
  if (numeric) {
    const coded = /^(-?\d+(?:\.\d+)?)(?:\s+[-–=:]\s+\S.*|\s*[=:]\s*\S.*)?$/.exec(v);
    return coded ? Number(coded[1]) : undefined;
  }
  // "etc." leaves the list open: it is an example, not an enumeration.
  if (/^etc\.?$/i.test(v) || !VALUE.test(v) || v.endsWith('.')) return undefined;
  return v;
}

/**
 * Bullet lines after an introduction that ends the sentence ("Supported values are:" then "• AzureADMyOrg:
 * Users with …"): each bullet's leading value, or nothing when a bullet does not start with one.
 */
function bulletValues(sentence: string, ctx: PropertyContext, numeric: boolean): Value[] | undefined {
  const lines = ctx.description.split('\n');
  const at = lines.findIndex((l) => l.includes(sentence));
  if (at < 0) return undefined;
  const values: Value[] = [];
  for (const line of lines.slice(at + 1)) {
    if (!line.startsWith('•')) break;
    const m = /^•\s*([`"'*]*[A-Za-z0-9_.#-]+?[`"'*]*)\s*(?:$|[:–—-]\s|\s*\(|\s*:)/.exec(line);
    const v = m ? itemValue(m[1]!, numeric) : undefined;
    if (v === undefined) return undefined;
    values.push(v);
  }
  return values.length >= 2 ? values : undefined;
}

export const allowedValuesRule: PropertyRule = {
  id: 'allowed-values',
  scope: 'sentence',
  summary: 'Enumerated values, including `null` and "or empty" ("Allowed values: `null`, `Minor`, `NotAdult` and `Adult`", "The value can be …", bullet lists)',
  example: 'Allowed values: `null`, `Minor`, `NotAdult` and `Adult`.',
  mine(sentence, ctx) {
    const either = EITHER.exec(sentence);
    if (either && ctx.type.kind === 'primitive' && ctx.type.name === 'String') {
      const values = splitList(either[1]!).map((v) => itemValue(v, false));
      if (values.every((v): v is string => typeof v === 'string')) return [{ kind: 'enum', values }];
    }
    const t = ctx.type;
    const only = ONLY_LIST.exec(sentence.trim()) ?? MUST_BE.exec(sentence.trim());
    if (only && ((t.kind === 'primitive' && t.name === 'String') || (t.kind === 'named' && t.resolution === 'enum'))) {
      let list = only[1]!;
      const choices = /,|\bor\b|\band\b/.test(list);
      const empty = OR_EMPTY.test(list);
      if (empty) list = list.replace(OR_EMPTY, '');
      const values: Value[] = splitList(list).map((v) => itemValue(v, false) ?? '\u0000');
      // "Must be "owner" or empty. Guest users must always have role "guest"": another value the description
      // demands elsewhere makes the list hold for some values of the resource only.
      const others = [...ctx.description.matchAll(/\bmust\b[^.]*?["`]([^"`]+)["`]/gi)].some((x) => !values.includes(x[1]!));
      // "Must be unique or null" states qualities, not values.
      const qualities = values.some(
        (v) => typeof v === 'string' && /^(?:unique|positive|negative|valid|present|set|specified|provided|absent|zero|true|false)$/i.test(v),
      );
      if (choices && values.length && !values.includes('\u0000') && !qualities && !others) {
        // An empty collection needs no value of its own; an empty string does.
        if (empty && !t.collection) values.push('', null);
        return [{ kind: 'enum', values }];
      }
    }
    const m = PATTERN.exec(sentence);
    if (!m) return [];
    // "If selecting more than one value, …": a single string that holds several of the values is a set, not
    // one of them; refusing "a,b" would refuse what the docs allow.
    if (!t.collection && /\b(?:more than one value|multiple values)\b/i.test(ctx.description)) return [];
    // A Boolean's "can be true or false" and a complex type's sub-properties are not enumerations.
    if ((t.kind === 'primitive' && t.name === 'Boolean') || (t.kind === 'named' && t.resolution === 'complex')) return [];
    // A `Json` value holds other values (a range's `valueTypes` is a 2-D array of them): its values are what
    // its cells may be, not what it is, and enforcing them on the whole refused every example (27 in v1.0).
    if (t.kind === 'named' && t.name.toLowerCase() === 'json') return [];
    const numeric = t.kind === 'primitive' && isNumeric(t.name);
    let list = m[1]!.trim();
    if (/^(?:the following)?\s*[:.]?$/i.test(list)) {
      const bullets = bulletValues(sentence, ctx, numeric);
      return bullets ? [{ kind: 'enum', values: bullets }] : [];
    }
    // "15, 30 or 60 (minutes)": a unit or remark after the last value is not part of it.
    if (!OR_EMPTY.test(list)) list = list.replace(/\s*\([^()]*\)\s*\.?$/, '');
    const empty = OR_EMPTY.test(list);
    if (empty) list = list.replace(OR_EMPTY, '');
    list = list.replace(/\.$/, '');
    const separated = /[,;]|\b(?:and|or)\b/.test(list);
    const valuesIntro = /^(?:allowed|possible|supported|valid|accepted) values/i.test(m[0]);
    // "Possible values are: Approve Deny NotReviewed DontKnow": values separated by spaces alone, only after a
    // "values are:" introduction (elsewhere words in a row are prose).
    if (!separated && !(valuesIntro && (m[0].includes(':') || !/\s/.test(list)))) return [];
    const items = separated ? splitList(list) : list.split(/\s+/);
    // Words in a row are values only when each looks like one (`NotReviewed`, `Deny`), never "see the table".
    if (!separated && items.length > 1 && items.some((w) => !/^[`"']?(?:[A-Z]|[a-z]+[A-Z0-9])/.test(w))) return [];
    const values: Value[] = [];
    for (const raw of items) {
      const v = itemValue(raw, numeric);
      if (v === undefined) return []; // Not a clean list: prose after the introduction, not values.
      values.push(v);
    }
    if (values.length === 0) return [];
    // "A enumeration of flags that represents the requested mailtips. Possible values are: …": a value names
    // several of them, separated by commas (`"automaticReplies, mailboxFullStatus"` in the page's example).
    if (!numeric && !t.collection && FLAGS.test(ctx.description) && values.every((v) => typeof v === 'string' && v !== ''))
      return [{ kind: 'flagSet', values: [...new Set(values as string[])], separator: ',' }];
    if (empty && !numeric) values.push('', null);
    return [{ kind: 'enum', values: [...new Set(values)] }];
  },
};
