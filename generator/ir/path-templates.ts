/**
 * Path templates as the docs write them (`/widgets/{id | name}`): whether a concrete path is one
 * of them, and the one name each parameter goes by outside the spec (an OpenAPI parameter, a client's
 * `params` key, an example value's owner).
 */
import type { PathTemplate } from './ir.js';
import { escapeRegExp } from './regexp.js';

/** Whether `path` is an instance of `template`, any segment standing for a parameter, letter case aside. */
export function matchesTemplate(path: string, template: string): boolean {
  const re = new RegExp(
    `^${template
      .split(/\{[^}]+\}/)
      .map(escapeRegExp)
      .join('[^/]+')}$`,
    'i',
  );
  return re.test(path);
}

/**
 * A template's shape, parameter names aside: `/groups/{group-id}/members/` → `/groups/{}/members`. Two
 * templates of one shape address the same route.
 */
export const templateShape = (template: string) => template.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '');

/** A parameter's name: its own, or the first alternative of a `{id | name}` segment. */
export function parameterName(param: PathTemplate['params'][number]): string {
  return param.alternatives.length > 1 ? param.alternatives[0]! : param.name;
}

/**
 * The key of each parameter of a template, in order: its name, and for a name the template repeats
 * (`/me/drive/items/{id}/workbook/worksheets/{id}`) the name with its occurrence (`id`, `id-2`), so that
 * each slot takes a value of its own.
 */
export function parameterKeys(template: Pick<PathTemplate, 'params'>): string[] {
  const seen = new Map<string, number>();
  return template.params.map((p) => {
    const name = parameterName(p);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}-${n}`;
  });
}
