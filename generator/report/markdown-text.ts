/**
 * Text from the docs made safe inside a markdown table cell: pipes and markup characters escaped, line
 * breaks folded, so a description holding `|`, backticks or `<script>` cannot break the table or the page.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_[\]|<>#])/g, '\\$1')
    .trim();
}

/** A code span that holds any text: the fence is longer than any backtick run inside. */
export function markdownCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')}${pad}${fence}`;
}
