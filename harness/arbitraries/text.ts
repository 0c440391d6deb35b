/**
 * Strings drawn whole from a table of characters. `fc.string` draws every character as a value of its own
 * (an integer, a mapping and their shrink contexts) so that each can shrink; a generated body holds dozens
 * of strings, and drawing them character by character was some 40% of the cost of generating one. Here a
 * string is one value, and shrinking works on the text itself: shorter first (the shortest allowed, half,
 * one character less), then each character in turn replaced by the table's first.
 */
import fc from 'fast-check';

/** How long a string usually is beyond its minimum, as fast-check's default ("small") size draws them. */
const usualMax = (min: number, max: number) => Math.min(max, 2 * min + 10);

class TextArbitrary extends fc.Arbitrary<string> {
  private readonly allowed: ReadonlySet<string>;

  constructor(
    private readonly chars: readonly string[],
    private readonly minLength: number,
    private readonly maxLength: number,
  ) {
    super();
    this.allowed = new Set(chars);
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<string> {
    const upper = usualMax(this.minLength, this.maxLength);
    // Now and then (as often as fast-check biases an array) a string near its minimum length.
    const short = biasFactor !== undefined && upper > this.minLength && mrng.nextInt(1, biasFactor) === 1;
    const top = short ? this.minLength + Math.floor(Math.log2(upper - this.minLength)) : upper;
    const length = mrng.nextInt(this.minLength, top);
    const last = this.chars.length - 1;
    let s = '';
    for (let i = 0; i < length; i++) s += this.chars[mrng.nextInt(0, last)];
    return new fc.Value(s, undefined);
  }

  canShrinkWithoutContext(value: unknown): value is string {
    if (typeof value !== 'string') return false;
    const chars = [...value];
    return chars.length >= this.minLength && chars.length <= this.maxLength && chars.every((c) => this.allowed.has(c));
  }

  shrink(value: string): fc.Stream<fc.Value<string>> {
    return new fc.Stream(this.smaller([...value])).map((s) => new fc.Value(s, undefined));
  }

  /** Candidates strictly simpler than `chars`: each is shorter, or as long with one character nearer the first. */
  private *smaller(chars: string[]): IterableIterator<string> {
    const n = chars.length;
    const min = this.minLength;
    const lengths = new Set([min, Math.max(min, Math.floor(n / 2)), n - 1]);
    for (const k of [...lengths].sort((a, b) => a - b)) if (k >= min && k < n) yield chars.slice(0, k).join('');
    // Without its first character: what a failure needs may be at the end.
    if (n - 1 >= min && n > 1) yield chars.slice(1).join('');
    const simplest = this.chars[0]!;
    for (let i = 0; i < n; i++) {
      if (chars[i] === simplest) continue;
      const copy = chars.slice();
      copy[i] = simplest;
      yield copy.join('');
    }
  }
}

/**
 * Strings of `minLength`..`maxLength` characters (code points) from `chars`, each entry as likely as another
 * (list a character twice to weigh it double); usually up to twice the minimum plus ten long, as
 * `fc.string` draws them.
 */
export function text(chars: readonly string[], minLength: number, maxLength: number): fc.Arbitrary<string> {
  if (chars.length === 0) throw new Error('text() needs at least one character');
  if (!(minLength >= 0 && maxLength >= minLength)) throw new Error(`text() needs 0 <= minLength <= maxLength, not ${minLength}..${maxLength}`);
  return new TextArbitrary(chars, minLength, maxLength);
}

export const LOWER: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz'];
export const LETTERS: readonly string[] = [...LOWER, ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
export const ALNUM: readonly string[] = [...LETTERS, ...'0123456789'];
export const LOWER_DIGITS: readonly string[] = [...LOWER, ...'0123456789'];
export const HEX: readonly string[] = [...'0123456789abcdef'];

/** One character of `first`, then `minRest`..`maxRest` of `rest`: names that must begin with a letter. */
export const headed = (first: readonly string[], rest: readonly string[], minRest: number, maxRest: number): fc.Arbitrary<string> =>
  fc.tuple(text(first, 1, 1), text(rest, minRest, maxRest)).map(([head, tail]) => head + tail);

/** A letter, then up to `maxRest` letters and digits: a name as JSON keys and extension names have them. */
export const identifier = (maxRest: number): fc.Arbitrary<string> => headed(LETTERS, ALNUM, 0, maxRest);

/**
 * GUIDs as Graph gives them (version 4, lower-case hex), drawn as one 31-digit text instead of fast-check's
 * eleven values per `fc.uuid()`; a failure shrinks toward `00000000-0000-4000-8000-000000000000`.
 */
export const guid: fc.Arbitrary<string> = text(HEX, 31, 31).map(
  (h) => `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(12, 15)}-${'89ab'[Number.parseInt(h[15]!, 16) & 3]}${h.slice(16, 19)}-${h.slice(19, 31)}`,
);
