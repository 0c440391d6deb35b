/**
 * Query options the page says every request must carry (`RequiredQuery`: a Planner list "requires planId
 * filter to be specified"): each request to such an operation's path carries them, filled from the run's
 * values, unless it names that option itself.
 */
import type { OperationSpec, RequiredQuery } from '../../generator/ir/ir.js';
import { matchesTemplate } from '../../generator/ir/path-templates.js';
import type { Send } from '../model/exchange.js';
import { type ParamValues, paramValue } from '../model/target.js';

/** The names of the values the required query options take. */
export const queryParameters = (spec: OperationSpec) => (spec.http.query ?? []).flatMap((q) => q.params);

/** `q` filled from `values`, or undefined when one is missing. */
export function fillQuery(q: RequiredQuery, values: ParamValues): string | undefined {
  let out = q.template;
  for (const name of q.params) {
    const value = paramValue([name], values);
    if (value === undefined) return undefined;
    out = out.split(`{${name}}`).join(value.replace(/'/g, "''"));
  }
  return out;
}

export function withRequiredQuery(send: Send, specs: readonly OperationSpec[], values: ParamValues): Send {
  const guarded = specs.filter((s) => s.http.query?.length);
  if (!guarded.length) return send;
  return (request) => {
    const [path, search = ''] = request.path.split('?') as [string, string?];
    const spec = guarded.find((s) => s.http.method === request.method && s.http.paths.some((p) => matchesTemplate(path, p.template)));
    if (!spec) return send(request);
    const query = new URLSearchParams(search);
    const added: string[] = [];
    for (const q of spec.http.query!) {
      const value = fillQuery(q, values);
      if (value !== undefined && !query.has(q.name)) added.push(`${q.name}=${encodeURIComponent(value)}`);
    }
    if (!added.length) return send(request);
    return send({ ...request, path: `${request.path}${search ? '&' : '?'}${added.join('&')}` });
  };
}
