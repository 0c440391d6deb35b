/**
 * Parses the HTTP messages of a docs code block: request or status line, headers, blank line, JSON body.
 * Keeps the docs line of each top-level body key so diagnostics can point at them.
 */
import { newBracketState, scanBrackets } from '../read/json-brackets.js';
import type { HttpMessageExample, SourceRef } from '../ir/ir.js';

const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S.*?)(?:\s+HTTP\/[\d.]+)?$/;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b(.*)$/;

export interface ParsedMessage {
  message: HttpMessageExample;
  /** Set when a body was present but is not JSON. */
  bodyError?: { message: string; line: number };
}

export function isHttpMessage(text: string): boolean {
  const first =
    text
      .split(/\r?\n/)
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  return REQUEST_LINE.test(first) || STATUS_LINE.test(first);
}

/** `firstLine` is the docs line of the block's first content line. */
export function parseHttpMessage(text: string, source: SourceRef, firstLine: number): ParsedMessage | undefined {
  const lines = text.split(/\r?\n/);
  let i = lines.findIndex((l) => l.trim() !== '');
  if (i < 0) return undefined;
  const startLine = lines[i]!.trim();
  const message: HttpMessageExample = { startLine, headers: [], source: { ...source, line: firstLine + i } };
  const req = REQUEST_LINE.exec(startLine);
  const status = STATUS_LINE.exec(startLine);
  if (req) {
    message.method = req[1]!;
    message.url = req[2]!.trim();
    message.path = pathOfUrl(message.url);
  } else if (status) {
    message.status = Number(status[1]);
  } else {
    return undefined;
  }
  for (i++; i < lines.length && lines[i]!.trim() !== ''; i++) {
    const h = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(lines[i]!.trim());
    if (!h) break;
    message.headers.push({ name: h[1]!, value: h[2]!.trim() });
  }
  const bodyStart = i;
  const bodyText = lines.slice(bodyStart).join('\n').trim();
  if (!bodyText) return { message };
  try {
    message.body = JSON.parse(bodyText);
  } catch (e) {
    return {
      message,
      bodyError: { message: String(e instanceof Error ? e.message : e), line: firstLine + bodyStart + countLeadingBlank(lines, bodyStart) },
    };
  }
  message.bodyKeyLines = topLevelKeyLines(lines, bodyStart, firstLine);
  return { message };
}

function countLeadingBlank(lines: string[], from: number): number {
  let n = 0;
  while (from + n < lines.length && lines[from + n]!.trim() === '') n++;
  return n;
}

/** Line of each key at nesting depth 1 of the JSON body. */
function topLevelKeyLines(lines: string[], from: number, firstLine: number): Record<string, number> {
  const out: Record<string, number> = {};
  const state = newBracketState();
  for (let k = from; k < lines.length; k++) {
    const line = lines[k]!;
    const key = /^\s*"((?:[^"\\]|\\.)*)"\s*:/.exec(line);
    // Own keys only, defined rather than assigned: `constructor` is not inherited and `__proto__` is a key.
    if (key && state.depth === 1 && !state.inString && !Object.hasOwn(out, key[1]!)) {
      Object.defineProperty(out, key[1]!, { value: firstLine + k, enumerable: true, writable: true, configurable: true });
    }
    scanBrackets(line, state);
  }
  return out;
}

/** `https://graph.microsoft.com/beta/users/{id}?$select=x` → `/users/{id}` (service root and version dropped). */
export function pathOfUrl(url: string): string {
  let path = url.replace(/[?#].*$/, '');
  const abs = /^https?:\/\/[^/]+(\/.*)?$/i.exec(path);
  if (abs) {
    const rest = abs[1] ?? '/';
    // The first segment of an absolute Graph URL is the version (v1.0, beta, …).
    path = rest.replace(/^\/[^/]+/, '') || '/';
  }
  return path.startsWith('/') ? path : `/${path}`;
}

/** The version segment of an absolute URL (`v1.0`, `beta`), if any. */
export function versionOfUrl(url: string): string | undefined {
  return /^https?:\/\/[^/]+\/([^/?#]+)/i.exec(url)?.[1];
}
