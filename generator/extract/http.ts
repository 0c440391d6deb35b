/** HTTP method and path templates, request headers and documented responses. */
import { allBlocks, type Block, type PageModel, sectionBlocks } from '../read/page-model.js';
import type { HeaderSpec, PathTemplate, ResponseSpec, SourceRef } from '../ir/ir.js';
import { sentencesOf } from './sentences.js';

// The path may lack its leading slash ("POST me/devices/{id}/commands"); it is added.
const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\/\S.*?|[A-Za-z{$][\w{}$.|-]*\/\S*?)\s*$/;

export function templateParams(template: string): PathTemplate['params'] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((m) => {
    const alternatives = m[1]!
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean);
    return { name: alternatives.join('|'), alternatives };
  });
}

/**
 * Matches each parameter of the HTTP request block's templates with the placeholder an example request
 * writes in its place (`DELETE /groups/{id}/members/{id}/$ref` against the example's
 * `/groups/{group-id}/members/{directory-object-id}/$ref`), and makes names unique within a template: a
 * repeated name takes the example's placeholder, or a numeric suffix when no example has one.
 */
export function reconcileParams(paths: PathTemplate[], examplePaths: string[]): void {
  const segments = (p: string) => p.split('?')[0]!.split('/').filter(Boolean);
  const isParam = (s: string) => /^\{[^}]+\}$/.test(s);
  for (const t of paths) {
    if (t.params.length === 0) continue;
    const ts = segments(t.template);
    for (const ex of examplePaths) {
      const es = segments(ex);
      if (es.length !== ts.length || !ts.every((s, i) => (isParam(s) ? isParam(es[i]!) : s.toLowerCase() === es[i]!.toLowerCase()))) continue;
      const names = es.filter((s, i) => isParam(ts[i]!) && isParam(s)).map((s) => s.slice(1, -1).trim());
      t.params.forEach((p, i) => {
        if (names[i] && !p.alternatives.includes(names[i]!)) p.example = names[i];
      });
      break;
    }
    const counts = new Map<string, number>();
    for (const p of t.params) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
    const taken = new Set<string>();
    t.params.forEach((p, i) => {
      if (counts.get(p.name)! > 1) p.name = p.example && !taken.has(p.example) ? p.example : `${p.name}-${i + 1}`;
      taken.add(p.name);
    });
  }
}

/** Method and templates stated in the "HTTP request" section. */
export function readHttpRequest(page: PageModel): { method?: string; paths: PathTemplate[] } {
  const out: { method?: string; paths: PathTemplate[] } = { paths: [] };
  for (const b of allBlocks(sectionBlocks(page, /^HTTP request$/i))) {
    if (b.kind !== 'code') continue;
    b.value.split(/\r?\n/).forEach((line, i) => {
      const m = REQUEST_LINE.exec(line.trim());
      if (!m) return;
      out.method ??= m[1]!;
      if (m[1] !== out.method) return;
      const template = m[2]!.startsWith('/') ? m[2]! : `/${m[2]!}`;
      if (out.paths.some((p) => p.template === template)) return;
      out.paths.push({ template, params: templateParams(template), origin: 'http-request', source: { ...b.pos, line: codeLine(b, i) } });
    });
  }
  return out;
}

/** Docs line of line `i` of a code block's value (markdown fences sit one line above the content). */
export function codeLine(block: Extract<Block, { kind: 'code' }>, i: number): number {
  return block.pos.line + i + (block.fenced ? 1 : 0);
}

export function readHeaders(page: PageModel): HeaderSpec[] {
  const out: HeaderSpec[] = [];
  // Some pages put every header, Authorization too, under "Optional request headers".
  for (const b of allBlocks(sectionBlocks(page, /^(optional )?request headers?$/i))) {
    if (b.kind !== 'table' || !/^(header|name)$/i.test(b.header[0] ?? '')) continue;
    // `Name | Value` and `Header | Value` tables give the value second; `Name | Type | Description` tables
    // give a type second and what to send (`Bearer {token}. Required.`) in the description.
    const named = (re: RegExp) => b.header.findIndex((h, i) => i > 0 && re.test(h.trim()));
    const valueAt = [named(/^value$/i), named(/^description$/i), 1].find((i) => i > 0)!;
    for (const row of b.rows) {
      const name = row.cells[0]?.text.trim();
      if (!name) continue;
      const rest = row.cells
        .slice(1)
        .map((c) => c.text)
        .join(' ');
      const value = row.cells[valueAt]?.text.trim() ?? '';
      const required = /\brequired\b/i.test(rest) && !/\bnot required\b/i.test(rest);
      const optional = /\boptional\b/i.test(rest);
      out.push({ name, value, required, stated: required || optional, source: row.pos });
    }
  }
  return out;
}

/** HTTP's reason phrases: a number followed by its own phrase is a status, in whatever letter case. */
const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  422: 'Unprocessable Entity',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  507: 'Insufficient Storage',
};

/**
 * `204 No Content` (any letter case, with or without "response code" after it), or `207 status code`:
 * the number must be followed by its own reason phrase or by "response code" / "status code", so "returns
 * 200 items" is no status.
 */
const STATUS = /\b([1-5]\d\d)\s+([A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,3})/g;

function statusAt(m: RegExpMatchArray): { status: number; statusText: string; length: number } | undefined {
  const status = Number(m[1]);
  const words = m[2]!.split(/\s+/);
  const reason = REASONS[status];
  if (reason) {
    const n = reason.split(' ').length;
    const said = words.slice(0, n).join(' ');
    if (said.toLowerCase() === reason.toLowerCase()) {
      // "204 No Content response code": the phrase and the words that name it as a status.
      const tail = /^\s+(?:response|status)\s+code\b/i.exec(m[2]!.slice(m[2]!.indexOf(said) + said.length));
      return { status, statusText: said, length: m[1]!.length + 1 + m[2]!.indexOf(said) + said.length + (tail?.[0].length ?? 0) };
    }
  }
  const bare = /^(?:response|status)\s+code\b/i.exec(m[2]!);
  return bare ? { status, statusText: reason ?? '', length: m[0].indexOf(m[2]!) + bare[0].length } : undefined;
}
const BODY_SENTENCE = /\b(?:an? |the )?(?:updated |new )?(\w+) object in the response body\b/i;
const COLLECTION_SENTENCE = /\bcollection of (?:\[)?(\w+)(?:\])? objects in the response body\b/i;
/** What follows a status and scopes it: "when the object is already a member of the group". */
const CONDITION = /^\W*(?:response code\s*)?((?:when|if|for|in case)\b[^.]*?)\s*\.?$/i;

/**
 * Every status the Response section documents, each with the condition the prose gives it: "returns a
 * `204 No Content` response code—except a `200 OK` response code when updating the following properties:
 * …" is 204, and 200 under its condition; "returns a `400 Bad Request` response code when the object is
 * already a member" is a documented failure.
 * `links`, when given, gets the page each body type links to (how `TypeRegistry.load` finds it).
 */
export function readResponses(page: PageModel, links?: Map<ResponseSpec, string>): ResponseSpec[] {
  const out: ResponseSpec[] = [];
  for (const b of allBlocks(sectionBlocks(page, /^Responses?(?: body)?$/i))) {
    if (b.kind !== 'paragraph') continue;
    for (const s of sentencesOf(b)) {
      const matches = [...s.text.matchAll(STATUS)].flatMap((m) => {
        const at = statusAt(m);
        return at ? [{ ...at, index: m.index ?? 0 }] : [];
      });
      matches.forEach((m, i) => {
        const source: SourceRef = { file: b.pos.file, line: s.line, column: s.column };
        const r: ResponseSpec = { status: m.status, statusText: m.statusText, source };
        const after = s.text.slice(m.index + m.length, matches[i + 1]?.index ?? s.text.length);
        const condition = CONDITION.exec(after.replace(/[—–]\s*except\b.*$/i, ''))?.[1];
        if (condition) r.condition = condition.replace(/[\s,;:—–-]+$/, '');
        // The body the sentence promises belongs to its first (unconditional) status.
        if (i === 0) {
          const list = COLLECTION_SENTENCE.exec(s.text);
          const body = list ?? BODY_SENTENCE.exec(s.text);
          if (body) r.bodyType = body[1]!;
          // The page the type's link names: an Intune type's page is named after its area too.
          const link = body && b.links.find((l) => l.text === body[1] && /\.md(?:#|$)/.test(l.url))?.url;
          if (link) links?.set(r, link);
          if (list) r.bodyCollection = true;
        }
        if (!out.some((o) => o.status === r.status)) out.push(r);
      });
    }
  }
  return out;
}
