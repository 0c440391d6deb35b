/**
 * How strongly a sentence states its rule. "Must", "Maximum length is", "Possible values are", "Required",
 * "can't" and "only" bind: a server may refuse what breaks them. "Should", "recommended" and a descriptive
 * noun phrase ("The URL for the user's personal site", "The SMTP address for the user") advise: they say
 * what the value usually is, and a reasonable server may accept another. Validators and certification
 * enforce binding rules; advisory ones are shown, and certification reports a server accepting a value
 * outside them as a warning.
 */
import type { ConstraintValue, Strength } from '../ir/ir.js';

/** Words that make a sentence a demand, whatever else it says. */
const BINDS =
  /\b(?:must|required|requires?|only|cannot|can't|can ?not|may not|not (?:allowed|supported|nullable)|maximum|minimum|max|min|limit(?:ed)?|up to|at (?:most|least)|possible values?|allowed values?|supported values?|valid values?|one of|read-?only|always)\b/i;
/** Words that make a sentence advice. */
const ADVISES = /\b(?:should|recommended|we recommend|preferably|ideally|typically|usually)\b/i;

export function strengthOf(value: ConstraintValue, sentence: string): Strength {
  // The type column and page-level statements bind: a value of another type is no value of the property.
  if (!sentence) return 'binding';
  if (BINDS.test(sentence)) return 'binding';
  if (ADVISES.test(sentence)) return 'advisory';
  // A format named by what the value is ("The privacy statement URL"), with no demand: a description.
  return value.kind === 'format' ? 'advisory' : 'binding';
}
