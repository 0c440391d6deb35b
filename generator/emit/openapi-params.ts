/**
 * Path templates as OpenAPI paths, with an example value for each path parameter read from the docs' example
 * URLs. Tools that send requests from a document (Dredd, Portman, Prism's proxy) need one: `/users/{id}`
 * gets the GUID an example request of the page, or of another page of the same document, addresses.
 */
import type { OperationSpec, PathTemplate, SourceRef } from '../ir/ir.js';
import { parameterName } from '../ir/path-templates.js';
import type { JsonSchema } from './json-schema.js';
import { sourceRef } from '../ir/source-ref.js';

export interface OpenApiPath {
  /** `/users/{id}`: one name per segment, unique in the path. */
  path: string;
  parameters: JsonSchema[];
  /** The template's segments, a parameter as `null`: what example URLs are matched against. */
  segments: (string | null)[];
}

const safeName = (name: string) => name.replace(/[^A-Za-z0-9_.-]/g, '_') || 'param';

/**
 * OpenAPI path templates name one parameter per segment: the first alternative, described with all. A query
 * the template writes (`/me/calendarView?startDateTime={start_datetime}`) cannot be part of an OpenAPI path:
 * each of its pairs becomes a required query parameter, with the template's literal value as its example.
 */
export function openApiPath(p: PathTemplate): OpenApiPath {
  const parameters: JsonSchema[] = [];
  const used = new Set<string>();
  const [template, query] = splitQuery(p.template);
  let i = 0;
  const path = template.replace(/\{[^}]*\}/g, () => {
    const param = p.params[i++];
    let name = safeName(param ? parameterName(param) : `param${i}`);
    while (used.has(name)) name = `${name}_${i}`;
    used.add(name);
    parameters.push({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
      ...(param && param.alternatives.length > 1 ? { description: `One of: ${param.alternatives.join(', ')}` } : {}),
      'x-docspec-source': sourceRef(p.source) ?? '',
    });
    return `{${name}}`;
  });
  const seen = new Set<string>();
  for (const pair of query ? query.split('&') : []) {
    const [rawName = '', value = ''] = pair.split('=');
    const name = rawName.trim();
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const example = concrete(value.trim());
    parameters.push({
      name,
      in: 'query',
      required: true,
      schema: { type: 'string' },
      ...(example === undefined ? {} : { example }),
      'x-docspec-source': sourceRef(p.source) ?? '',
    });
  }
  // `/users/{id}/` is `/users/{id}`: its shape too, or it would not be merged with the path it is.
  const trimmed = path.replace(/(.)\/$/, '$1');
  return { path: trimmed, parameters, segments: segmentsOf(trimmed) };
}

function splitQuery(template: string): [string, string | undefined] {
  const q = template.indexOf('?');
  return q < 0 ? [template, undefined] : [template.slice(0, q), template.slice(q + 1)];
}

function segmentsOf(path: string): (string | null)[] {
  return path
    .split('/')
    .slice(1)
    .map((s) => (/^\{[^}]*\}$/.test(s) ? null : s.toLowerCase()));
}

/** The shape two paths share when they differ only in parameter names (`/groups/{id}` and `/groups/{group-id}`). */
export function pathShape(path: OpenApiPath): string {
  return `/${path.segments.map((s) => s ?? '{}').join('/')}`;
}

/** A value an example URL gives, not a placeholder such as `{id}`, `<id>` or `{{id}}`. */
function concrete(segment: string): string | undefined {
  if (!segment || /[{}<>]/.test(segment)) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** An example request's path and the docs line of its request line. */
export interface ExampleUrl {
  path: string;
  source: SourceRef;
}

/**
 * Every example request path of the specs, their own first: the parameter at position `k` of a path takes
 * the value of the first example URL that matches the path up to that parameter (so `/groups/{id}` of a
 * list-members page finds the id of the group page's example), with the line it was read from.
 */
export function parameterExample(
  path: OpenApiPath,
  index: number,
  own: readonly ExampleUrl[],
  all: readonly ExampleUrl[],
): { value: string; source: SourceRef } | undefined {
  const position = nthParameter(path, index);
  for (const url of [...own, ...all]) {
    const segments = url.path.split('/').slice(1);
    if (segments.length <= position) continue;
    let matches = true;
    for (let k = 0; k < position && matches; k++) {
      const want = path.segments[k];
      if (want !== null && want !== undefined && want !== segments[k]!.toLowerCase()) matches = false;
    }
    if (!matches) continue;
    const value = concrete(segments[position]!);
    if (value !== undefined) return { value, source: url.source };
  }
  return undefined;
}

/** The segment position of the `index`-th parameter. */
function nthParameter(path: OpenApiPath, index: number): number {
  let seen = -1;
  for (let k = 0; k < path.segments.length; k++) if (path.segments[k] === null && ++seen === index) return k;
  return path.segments.length;
}

/** The example request paths of a spec, in page order. */
export function exampleUrls(spec: OperationSpec): ExampleUrl[] {
  return spec.examples.flatMap((e) => (e.request?.path ? [{ path: e.request.path, source: e.request.source }] : []));
}
