/**
 * Reads the property names of a page's request-body tables straight from the markdown lines, without remark:
 * an independent list to hold docspec's extraction against ("every row became a property"). A line whose
 * first cell is prose (a line break inside the row above) names nothing.
 */
export function requestTableNames(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const names: string[] = [];
  let depth = 0;
  let inTable = false;
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      if (/^request body$/i.test(heading[2]!)) depth = level;
      else if (depth && level <= depth) depth = 0;
      inTable = false;
      continue;
    }
    if (!depth) continue;
    if (!line.trim()) {
      inTable = false;
      continue;
    }
    const cells = line
      .trim()
      .replace(/^\|/, '')
      .split(/(?<!\\)\|/)
      .map((c) => plain(c).toLowerCase());
    if (!inTable) {
      const separator = lines[i + 1]?.trim() ?? '';
      if (line.includes('|') && /^(property|name|parameter)$/.test(cells[0]!) && cells.includes('type') && /^\|?\s*:?-+/.test(separator)) {
        inTable = true;
        i++;
      }
      continue;
    }
    const name = plain(
      line
        .trim()
        .replace(/^\|/, '')
        .split(/(?<!\\)\|/)[0] ?? '',
    ).replace(/\s+\([^()]*\)$/, '');
    if (name && !/\s/.test(name)) names.push(name);
  }
  return names;
}

/** A cell's text without the markup a name may wear: bold, code spans, escapes, inline html. */
function plain(cell: string): string {
  return cell
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*|__(?=\w)|(?<=\w)__|`/g, '')
    .replace(/\\(.)/g, '$1')
    .trim();
}
