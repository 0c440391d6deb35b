/**
 * Path templates as the docs write them (`/widgets/{id | name}`): whether a concrete path is one
 * of them, and the one name each parameter goes by outside the spec (an OpenAPI parameter, a client's
 * `params` key, an example value's owner).
 */
import type { PathTemplate } from './ir.js';

/** Whether `path` is an instance of `template`, any segment standing for a parameter, letter case aside. */
export function matchesTemplate(path: string, template: string): boolean {
  const re = new RegExp(
    `^${template
      .split(/\{[^}]+\}/)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
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
