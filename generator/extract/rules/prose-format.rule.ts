import type { StringFormat } from '../../ir/ir.js';
import type { PropertyRule } from './rule.js';

/**
 * A string format the description names as what the value *is*: the head noun of its first words ("The
 * privacy statement URL", "UUID for the object", "The email address of the user"), or a "must be" / "should
 * follow" statement. A format merely mentioned ("Updating the channel URL is not allowed", "the user's email
 * address is used for …") is not one: only the opening words or an explicit demand count.
 */
const HEAD = String.raw`^(?:(?:The|A|An|This is the|Specifies the|Indicates the)\s+)?(?:[\w'’-]+\s+){0,4}?`;
const FORMATS: { format: StringFormat; patterns: RegExp[] }[] = [
  // Before `uri`: "This must be https." (call-answer's `callbackUri`), "must be an HTTPS URL".
  {
    format: 'https-uri',
    patterns: [/^(?:(?:this|it|the (?:url|uri|value)) )?must (?:be|use) https\b/i, /\bmust be an? (?:valid |absolute )?https (?:URL|URI)\b/i],
  },
  {
    format: 'uri',
    patterns: [
      new RegExp(String.raw`${HEAD}(?:URL|URI)s?\b(?!\s+(?:is|are)\s+not)(?![\w-])(?!\s+(?:path|segment|suffix|fragment|template))`, 'i'),
      /\bmust be (?:a |an )?(?:valid |absolute )?(?:https? )?(?:URL|URI)\b/i,
    ],
  },
  {
    format: 'email',
    patterns: [
      new RegExp(String.raw`${HEAD}(?:e-?mail|SMTP) address(?:es)?\b(?!\s+(?:domain|suffix|prefix))`, 'i'),
      /\bmust be (?:a |an )?(?:valid )?(?:e-?mail|SMTP) address\b/i,
    ],
  },
  // "Required format: admin@contoso.com": an example that is the format.
  { format: 'alias@domain', patterns: [/\b(?:Required|Expected) format:\s*\S+@\S+/i] },
  { format: 'language-tag', patterns: [/\bISO[- ]639(?:-1)?\b/i, /\bBCP[- ]?47\b/i, /\bRFC ?(?:4646|5646|1766)\b/i, /\blanguagecode2-country\b/i] },
  {
    format: 'uuid',
    patterns: [new RegExp(String.raw`${HEAD}(?:GUID|UUID)\b(?!\s+of\s+the\s+\w+\s+or)`, 'i'), /\bmust be (?:a |an )?(?:valid )?(?:GUID|UUID)\b/i],
  },
  // "The value should be a base-64 encoded version of the actual certificate content", "a UTF-8 Base64 encoded
  // byte array": the value is the encoding, not a mention of one.
  { format: 'base64', patterns: [/^(?:the value|this|it) (?:must|should) be (?:an? )?(?:[\w-]+ )?base-?64[- ]encoded\b/i] },
  {
    format: 'utc-date-time',
    patterns: [/\b(?:is always|must be|must be specified|should be) in UTC\b/i, /\bin UTC (?:time|format) and (?:is |must be )?(?:in )?ISO ?8601\b/i],
  },
];

/** A value said to be relative, a path or a pattern is not an absolute URI. */
const NOT_ABSOLUTE = /\b(?:relative|path|pattern|wildcard|template|prefix|domain name)\b/i;
/** "The user's email address is used to …": a mention, not what the value is. */
const MENTION = /\b(?:of the (?:user|person|owner|sender) (?:who|whose)|is used (?:to|for)|that is|which is)\b/i;

/**
 * Whether the description's own examples are addresses no email format allows: group `proxyAddresses` are
 * "Email addresses … For example: `["SMTP: bob@contoso.com", "smtp: bob@sales.contoso.com"]`", so the format
 * would refuse the values the page shows.
 */
function showsOtherAddresses(description: string): boolean {
  const quoted = [...description.matchAll(/["`']([^"`']*@[^"`']*)["`']/g)].map((m) => m[1]!.trim());
  return quoted.some((v) => !/^[^@\s:;,]+@[^@\s;,]+\.[^@\s;,]+$/.test(v));
}

export const proseFormatRule: PropertyRule = {
  id: 'prose-format',
  scope: 'sentence',
  summary:
    'String formats the description names (URL/URI, "must be https", email or SMTP address, ISO 639-1 / BCP 47 language tag, GUID, base-64, "always in UTC")',
  example: 'The privacy statement URL.',
  mine(sentence, ctx) {
    const t = ctx.type;
    const stringy = t.kind === 'primitive' && (t.name === 'String' || t.name === 'DateTimeOffset');
    if (!stringy) return [];
    for (const { format, patterns } of FORMATS) {
      if (format !== 'utc-date-time' && t.name !== 'String') continue;
      if (!patterns.some((p) => p.test(sentence))) continue;
      if (format === 'uri' && NOT_ABSOLUTE.test(sentence)) continue;
      if ((format === 'uri' || format === 'email') && MENTION.test(sentence)) continue;
      if (format === 'email' && showsOtherAddresses(ctx.description)) continue;
      return [{ kind: 'format', format }];
    }
    return [];
  },
};
