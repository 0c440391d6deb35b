/**
 * Whether a sentence has the shape of a rule about the value: the vocabulary of one, and not a description
 * of what the value means. Sentence accounting calls a rule-like sentence no rule read `unrecognised`; the
 * conditional rule reads only rule-like sentences.
 */

/**
 * The shapes of a sentence that states a rule about the value: a demand or a ban, a list of values, a limit
 * with its number, a format, "Required", "Read-only", "only". A sentence that only names a rule's subject
 * ("Minimum length of passwords.", "Indicates whether a PIN is required.") describes a property and is
 * informational.
 */
export const RULE_LIKE: readonly RegExp[] = [
  /\b(?:must|shall)\b/i,
  /\bshould (?:be|not|follow|match|contain|use|include|start|end|have)\b/i,
  /\b(?:cannot|can't|can ?not|may not)\b/i,
  /\bnot (?:be )?(?:allowed|supported|nullable|permitted)\b/i,
  /\b(?:possible|allowed|valid|supported|accepted|acceptable) values?\b/i,
  /\bone of the following\b/i,
  /\b(?:maximum|minimum|max|min|limit(?:ed)?|up to|at most|at least|no more than|fewer than|less than|greater than|more than|between)\b[^.]*\d/i,
  /\d+\s*(?:characters?|chars?)\b/i,
  /\bformat(?:ted)?\s*(?::|is\b|as\b|must\b)|\bin the (?:format|form)\b/i,
  /^\(?required\b|\b(?:this|the) (?:property|parameter|field|value) is required\b|\brequired (?:if|when|for|on|only)\b/i,
  /\bread-?only\b/i,
  /\bonly (?:the following|values?|states?|one|\d|if|when)\b|\b(?:can|may|must) only\b|^only\b|\b(?:can|may|must) be \w+ only\b/i,
];

/**
 * Sentences with a rule's words that describe what the value means, not what it may be:
 * - "Indicates whether managed-app data should be encrypted.", "Specifies whether …", "true to …; false …":
 *   the meaning of a setting;
 * - "If set to Not Allowed, uppercase letters will not be permitted.": what one of its values does;
 * - "Number of character sets a password must contain.", "The mailbox folders that should be mined.": a
 *   noun phrase whose demand sits in a clause about something else (the password, the mailbox).
 * A number in such a sentence is a limit only when the rule words reach it, so those stay rule-like.
 */
const DESCRIBES =
  /^(?:(?:it|this (?:property|setting|value|flag) )?(?:indicates|specifies|determines|defines|describes|controls|represents|configures|gets or sets|gets|sets|enables|allows)\s+(?:whether|if|how|which|what|that|the|a|an)\b|whether\b|how\b|(?:true|false)\s+(?:to|if|means|when|indicates)\b|(?:if|when) (?:it is |this (?:property|setting|value) is )?set to\b|boolean (?:that|which|indicating)\b)/i;
const NOUN_PHRASE = /^(?:the |a |an )?(?:[\w'’-]+ ){0,3}?(?:number|type|list|date|time|duration|id|amount|period|kind|set|collection|version) of\b/i;
const RELATIVE = /\b(?:that|which|who|whom|whether|where|in which|to which)\b/i;
/** The first word of a rule's vocabulary, to see what comes before it. */
const RULE_WORD = /\b(?:must|shall|should|cannot|can't|can|may|required|only|not)\b/i;
/** "Windows 10", "iOS 11.0 and later", "RFC 2822": numbers that name a product or standard, not a limit. */
const PRODUCT_NUMBER =
  /\b(?:Windows(?: Phone)?|iOS|iPadOS|macOS|Android|Office|TLS|RFC|ISO|IEEE)\s*\d[\d.]*\+?|\b\d[\d.]*\+?\s+(?:and|or) (?:later|above|higher)\b/gi;

function describesTheValue(sentence: string): boolean {
  const s = sentence.trim();
  const word = RULE_WORD.exec(s);
  // "Sets the PIN length, which must be between 4 and 16": a number the rule words reach is a limit.
  if (word && /\d/.test(s.slice(word.index))) return false;
  if (DESCRIBES.test(s)) return true;
  if (!word) return false;
  const before = s.slice(0, word.index);
  // "Must …", "This value must …", "The value cannot …" open with their rule: the subject is the value.
  if (/^(?:|it|this|these|the value|the property|values?|you)\s*$/i.test(before.trim())) return false;
  return NOUN_PHRASE.test(before) || (RELATIVE.test(before) && !/\b(?:is|are|was|were|must|can|will)\b/i.test(before));
}

export const isRuleLike = (sentence: string): boolean => {
  const plain = sentence.replace(PRODUCT_NUMBER, 'X');
  return RULE_LIKE.some((r) => r.test(plain)) && !describesTheValue(plain);
};
