/**
 * Whether two strings are ISO 8601 date-times of the same instant. Read-back and client body checks both
 * allow a date-time to change representation (`+00:00` vs `Z`, precision padding) but not instant.
 * Undefined when either is not a date-time.
 */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function sameInstant(a: string, b: string): boolean | undefined {
  if (!DATE_TIME.test(a) || !DATE_TIME.test(b)) return undefined;
  return Date.parse(a) === Date.parse(b);
}
