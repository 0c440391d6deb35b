/** A source position as every report, comment and finding cites the docs: `file:line`, or undefined. */
export function sourceRef(s: { file: string; line: number } | undefined): string | undefined {
  return s ? `${s.file}:${s.line}` : undefined;
}
