import type { Spec } from '../ir/ir.js';

/**
 * Why a file is not a docs page docspec can read, or undefined when it is one. Any text parses as some
 * page (a paragraph becomes a title), so without this check a stray file became a spec with a made-up
 * name ("hello world" → `world-hello.default.json`, an OpenAPI document → a spec named `{`). The reasons
 * name what is missing, for a one-line error.
 *
 * `read` is what the text gave, when it was read: an operation page needs an HTTP request, a property
 * table, an example or one of the sections every Graph operation page has; a connector description needs
 * at least one field.
 */
export function whyNotAPage(text: string, read?: { spec: Spec; sectionTitles: string[] }): string | undefined {
  if (text.trim() === '') return 'the file is empty';
  if (text.includes('\u0000')) return 'the file is binary (it holds NUL bytes), not a docs page';
  const json = jsonKind(text);
  if (json) return json;
  if (/^(openapi|swagger)\s*:\s*['"]?\d/m.test(text.slice(0, 4000))) {
    return 'this is an OpenAPI document (YAML), not a docs page: docspec reads documentation pages and writes OpenAPI (docspec openapi)';
  }
  if (!read) return undefined;
  const { spec } = read;
  if (spec.kind === 'connector') {
    return spec.fields.length ? undefined : 'not a connector action description: no "Input" section with "• Field Name: …" fields';
  }
  // A real page may lack a table (a JSON-only body), an HTTP block docspec can read (`GET me/devices`,
  // without its slash) or examples, but not all of them and every usual section too.
  if (spec.http.paths.length || spec.requestBody.properties.length || spec.examples.length) return undefined;
  if (read.sectionTitles.some((t) => OPERATION_SECTION.test(t.trim()))) return undefined;
  const missing = [
    'no HTTP request (a line such as `PATCH /users/{id}`)',
    'no property table',
    'no example',
    'no "HTTP request", "Request body" or "Response" section',
  ];
  if (!spec.title.trim()) missing.unshift('no title');
  return `not a docs page: ${missing.join(', ')}`;
}

const OPERATION_SECTION = /^(HTTP request|Request body|Request headers|Response|Permissions|Example)s?\b/i;

function jsonKind(text: string): string | undefined {
  const start = text.trimStart().replace(/^\uFEFF/, '');
  if (!start.startsWith('{') && !start.startsWith('[')) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(start);
  } catch {
    return undefined;
  }
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const d = data as Record<string, unknown>;
    if ('openapi' in d || 'swagger' in d) {
      return 'this is an OpenAPI document (JSON), not a docs page: docspec reads documentation pages and writes OpenAPI (docspec openapi)';
    }
    if (d.kind === 'operation' || d.kind === 'connector') return 'this is a docspec spec (JSON), not a docs page: give it to drift, certify or openapi';
  }
  return 'this is a JSON file, not a docs page';
}
