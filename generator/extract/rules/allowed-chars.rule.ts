import type { PropertyRule } from './rule.js';

const PATTERN = /\bOnly the following characters are (?:allowed|permitted)[:,]?\s*(.+)$/i;

/**
 * Expands "A - Z, a - z, 0 - 9, ' . - _ ! # ^ ~" into the set of allowed characters: `X - Y` items are ranges,
 * any other item is a space-separated run of single characters.
 */
export function expandCharList(text: string): string | undefined {
  let set = '';
  for (const item of text.replace(/\.$/, '').split(/,\s*/)) {
    // Code spans may survive in text that did not go through the markdown reader.
    const t = item.trim().replace(/^`|`$/g, '').trim();
    const range = /^(\S) ?- ?(\S)$/.exec(t);
    if (range && range[1]!.charCodeAt(0) < range[2]!.charCodeAt(0)) {
      for (let c = range[1]!.charCodeAt(0); c <= range[2]!.charCodeAt(0); c++) set += String.fromCharCode(c);
      continue;
    }
    const singles = t.split(/\s+/).filter(Boolean);
    if (singles.some((s) => [...s].length !== 1)) return undefined;
    set += singles.join('');
  }
  return set ? [...new Set(set)].join('') : undefined;
}

export const allowedCharsRule: PropertyRule = {
  id: 'allowed-chars',
  scope: 'sentence',
  summary: 'The only characters the value may contain ("Only the following characters are allowed `A - Z`, …")',
  example: "Only the following characters are allowed `A - Z`, `a - z`, `0 - 9`, ` ' . - _ ! # ^ ~`.",
  mine(sentence, ctx) {
    const m = PATTERN.exec(sentence);
    if (!m) return [];
    const chars = expandCharList(m[1]!);
    if (!chars) return [];
    // "The general format is alias@domain": the character rule is about the alias, before the `@`.
    const scope = /\balias@domain\b/i.test(ctx.description) && !chars.includes('@') ? 'local-part' : 'whole';
    return [{ kind: 'allowedChars', chars, scope }];
  },
};
