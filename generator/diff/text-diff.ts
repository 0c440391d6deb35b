/** A short, readable summary of how two texts differ: the first differing lines, for a check that outputs are up to date. */
export function firstDifference(before: string, after: string, context = 1): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let ea = a.length - 1;
  let eb = b.length - 1;
  while (ea >= i && eb >= i && a[ea] === b[eb]) {
    ea--;
    eb--;
  }
  const out: string[] = [`@@ line ${i + 1} @@`];
  for (let k = Math.max(0, i - context); k < i; k++) out.push(`  ${a[k]}`);
  for (const l of a.slice(i, Math.min(ea + 1, i + 5))) out.push(`- ${l}`);
  if (ea + 1 - i > 5) out.push(`- … ${ea + 1 - i - 5} more`);
  for (const l of b.slice(i, Math.min(eb + 1, i + 5))) out.push(`+ ${l}`);
  if (eb + 1 - i > 5) out.push(`+ … ${eb + 1 - i - 5} more`);
  return out;
}
