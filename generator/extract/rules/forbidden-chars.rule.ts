import { type PropertyRule, splitList } from './rule.js';

const LISTED = /\bThe (.+?) characters? (?:can(?:not|'t| not)|must not|may not) be used\b/i;
/** "These characters cannot be used in the mailNickName: `@()\[]";:.<>,SPACE`": one run of characters. */
const RUN = /\b(?:These|The following) characters (?:can(?:not|'t| not)|must not|may not) be used(?: in [^:]+)?:\s*(?:`([^`]+)`|(\S+?))\.?$/i;
/** "These characters cannot be used in the alias: `@`, `/`, `SPACE`.": each character in its own code span. */
const SPANS = /\b(?:These|The following) characters (?:can(?:not|'t| not)|must not|may not) be used(?: in [^:]+)?:\s*((?:`[^`]+`\s*,?\s*(?:and |or )?)+)\.?$/i;
/** Names the docs write in place of a character. */
const NAMED: Record<string, string> = { SPACE: ' ', TAB: '\t' };

export const forbiddenCharsRule: PropertyRule = {
  id: 'forbidden-chars',
  scope: 'sentence',
  summary: 'Characters the value may not contain ("The `$` and `_` characters can\'t be used", "These characters cannot be used: `@()[]`")',
  example: "The **$** and **_** characters can't be used when specifying this property.",
  mine(sentence) {
    const spans = SPANS.exec(sentence);
    if (spans) {
      const chars = [...spans[1]!.matchAll(/`([^`]+)`/g)].map((m) => NAMED[m[1]!] ?? m[1]!);
      // One span holding the whole run is RUN's.
      if (chars.every((c) => [...c].length === 1)) return [{ kind: 'forbiddenChars', chars: [...new Set(chars)] }];
    }
    const run = RUN.exec(sentence);
    if (run) {
      let text = run[1] ?? run[2]!;
      const chars: string[] = [];
      for (const [name, ch] of Object.entries(NAMED)) {
        if (text.includes(name)) {
          chars.push(ch);
          text = text.replace(name, '');
        }
      }
      chars.push(...new Set([...text]));
      return chars.length ? [{ kind: 'forbiddenChars', chars }] : [];
    }
    const m = LISTED.exec(sentence);
    if (!m) return [];
    const chars = splitList(m[1]!).map((c) => c.replace(/^[`'"*]+|[`'"*]+$/g, ''));
    if (chars.length === 0 || chars.some((c) => [...c].length !== 1)) return [];
    return [{ kind: 'forbiddenChars', chars }];
  },
};
