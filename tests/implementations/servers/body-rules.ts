/**
 * Request-body rules the reference servers write by hand from their pages, without docspec's validators:
 * each rule says why a value is refused, or nothing.
 */

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export type Rule = (v: unknown) => string | undefined;

export const string =
  (max?: number, options: { required?: boolean; nullable?: boolean; forbidden?: string } = {}): Rule =>
  (v) => {
    if (v === undefined) return options.required ? 'is required' : undefined;
    if (v === null) return options.nullable === false || options.required ? 'cannot be null' : undefined;
    if (typeof v !== 'string') return 'must be a string';
    if (options.required && v === '') return 'cannot be empty';
    if (max !== undefined && v.length > max) return `is longer than ${max} characters`;
    const bad = options.forbidden && [...v].find((c) => options.forbidden!.includes(c));
    return bad ? `cannot hold ${JSON.stringify(bad)}` : undefined;
  };

export const boolean =
  (required = false): Rule =>
  (v) =>
    v === undefined
      ? required
        ? 'is required'
        : undefined
      : v === null
        ? required
          ? 'cannot be null'
          : undefined
        : typeof v === 'boolean'
          ? undefined
          : 'must be a boolean';

export const strings: Rule = (v) =>
  v === undefined || v === null ? undefined : Array.isArray(v) && v.every((s) => typeof s === 'string') ? undefined : 'must be an array of strings';

export const oneOf =
  (values: (string | null)[]): Rule =>
  (v) =>
    v === undefined || values.includes(v as string | null) ? undefined : `must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}`;

/** An ISO 8601 date and time with its offset ("2016-12-31T23:58:36.6670033-08:00"), as the DateTimeOffset rows say. */
export const dateTimeOffset: Rule = (v) =>
  v === undefined || v === null
    ? undefined
    : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v))
      ? undefined
      : 'must be a date and time with its offset (ISO 8601)';

/** An Int32 row: a whole number in range. */
export const int32: Rule = (v) =>
  v === undefined || v === null ? undefined : Number.isInteger(v) && (v as number) >= -(2 ** 31) && (v as number) < 2 ** 31 ? undefined : 'must be an Int32';

/** The first problem of a body: a key no rule names, else the first rule it breaks. */
export function problemOf(rules: Record<string, Rule>, body: Record<string, unknown>): string | undefined {
  for (const key of Object.keys(body)) if (!(key in rules)) return `${key} is not a property of the request body`;
  for (const [key, rule] of Object.entries(rules)) {
    const why = rule(body[key]);
    if (why) return `${key} ${why}`;
  }
  return undefined;
}
