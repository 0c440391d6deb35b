/**
 * Values inside request bodies that name another resource: a body read from an example keeps the example's
 * `{id}` placeholders (`"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"`), and no
 * generated string is a directory object the server holds. The run fills each from `params`
 * (or a value an earlier operation of the run made), and every valid body carries the filled value.
 */
import type fc from 'fast-check';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { smallValidBody, validBody } from './body.js';
import { type ParamValues, paramValue, type Target } from '../model/target.js';
import { withCreateRequirements } from '../model/create-requirements.js';
import { citation } from '../model/usage-problem.js';

/** A top-level body key whose example value holds a placeholder, and the placeholder's name. */
export interface BodyPlaceholder {
  key: string;
  name: string;
  /** The example's value, `{name}` where the value goes. */
  template: string;
  /** The docs sentence and line that make the body name an existing resource, when they do. */
  because?: string;
}

/** The example's top-level placeholders (one nested deeper stays generated, as before). */
export function bodyPlaceholders(spec: OperationSpec): BodyPlaceholder[] {
  // A property that must name an existing resource takes the value given under its own name.
  const named = (spec.requestBody.references ?? []).map((r) => ({
    key: r.property,
    name: r.property,
    template: `{${r.property}}`,
    because: citation(r.sentence, r.source),
  }));
  const from = spec.requestBody.fromExample;
  if (!from) return named;
  const example = spec.examples.find((e) => e.name === from.example)?.request?.body;
  const out: BodyPlaceholder[] = named;
  for (const p of from.placeholders) {
    const key = /^\/([^/]+)$/.exec(p.path)?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
    const value = key !== undefined && typeof example === 'object' && example !== null ? (example as Record<string, unknown>)[key] : undefined;
    if (key !== undefined && typeof value === 'string' && !out.some((o) => o.key === key)) out.push({ key, name: p.name, template: value });
  }
  return out;
}

/** The filled values by body key, or the placeholders no value was given for. */
export function bindBody(spec: OperationSpec, values: ParamValues): { bound: Record<string, string> } | { missing: BodyPlaceholder[] } {
  const bound: Record<string, string> = {};
  const missing: BodyPlaceholder[] = [];
  for (const p of bodyPlaceholders(spec)) {
    const value = paramValue([p.name], values);
    if (value === undefined) missing.push(p);
    else bound[p.key] = p.template.split(`{${p.name}}`).join(value);
  }
  return missing.length ? { missing } : { bound };
}

const withBound = (bodies: fc.Arbitrary<Record<string, unknown>>, bound: Readonly<Record<string, unknown>> | undefined) =>
  bound && Object.keys(bound).length ? bodies.map((b) => ({ ...b, ...bound })) : bodies;

/**
 * Valid bodies for the target: generated, with the bound values in place. An update never clears what the
 * resource's create in the same run requires (create-requirements.ts).
 */
export const validBodies = (target: Pick<Target, 'spec' | 'bound' | 'related'>) =>
  withBound(validBody(withCreateRequirements(target.spec, target.related)), target.bound);

/** Small valid bodies (see `smallValidBody`), with the bound values in place. */
export const smallBodies = (target: Pick<Target, 'spec' | 'bound' | 'related'>) =>
  withBound(smallValidBody(withCreateRequirements(target.spec, target.related)), target.bound);
