/**
 * Makes test names unique within one JUnit file: dashboards key results by class and name, so two cases
 * with the same name merge into one and a failure can hide behind a pass. A repeated name gets ` #2`,
 * ` #3`, … in the order it appears, which is stable for the same input.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(names);
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n === 1) return name;
    let candidate = `${name} #${n}`;
    // A name that already carries the suffix (`x #2` listed beside two `x`) must not be duplicated either.
    for (let k = n; taken.has(candidate); k++) candidate = `${name} #${k + 1}`;
    taken.add(candidate);
    return candidate;
  });
}
