/** Nesting depth of JSON text read line by line: brackets inside strings (and escaped quotes) do not count. */
export interface BracketState {
  depth: number;
  inString: boolean;
}

export function newBracketState(): BracketState {
  return { depth: 0, inString: false };
}

/**
 * Advances the state over the character at `c` and returns the index of the next character to read (an
 * escape inside a string skips the character it escapes).
 */
function step(text: string, c: number, state: BracketState): number {
  const ch = text[c];
  if (state.inString) {
    if (ch === '\\') return c + 2;
    if (ch === '"') state.inString = false;
  } else if (ch === '"') state.inString = true;
  else if (ch === '{' || ch === '[') state.depth++;
  else if (ch === '}' || ch === ']') state.depth--;
  return c + 1;
}

/** Advances the state over one line. */
export function scanBrackets(line: string, state: BracketState): void {
  for (let c = 0; c < line.length; c = step(line, c, state));
}

/**
 * Where JSON text first nests deeper than `limit` (the offset of the opening bracket), or undefined. A
 * linear scan, so text nested thousands deep is measured before any recursive parser or walker sees it.
 */
export function nestedBeyond(text: string, limit: number): number | undefined {
  const state = newBracketState();
  for (let c = 0; c < text.length; ) {
    const next = step(text, c, state);
    if (state.depth > limit) return c;
    c = next;
  }
  return undefined;
}
