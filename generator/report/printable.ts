/**
 * Text for a terminal or a CI log: control characters other than tab and newline become visible escapes
 * (`\x1b`), so a docs page cannot colour, move the cursor in or rewrite (`\r`) the output that quotes it.
 */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
