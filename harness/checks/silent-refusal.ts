/**
 * A valid body refused with a 4xx: a failure when the docs state the refused value valid, a warning when
 * they are silent on what the server refused. Docs that give a property no length, no characters or no
 * range leave a server room to set its own: a display name capped at 256 characters, a percentage capped
 * at 100. Which property and which of its dimensions the server refused is found by asking again with one
 * value made plainer at a time: the same length in plain letters (characters), a short plain text (length),
 * a small number (range), no items (count). When the plainer value is accepted and the docs state nothing
 * about that dimension, the refusal names the ambiguity; otherwise it stands.
 */
import type { OperationSpec, Property } from '../../generator/ir/ir.js';
import { describeResponse, type Exchange } from '../model/exchange.js';
import type { Violation } from './check.js';
import { isObject } from '../model/is-object.js';

const stated = (p: Property, ...kinds: string[]) => p.constraints.some((c) => kinds.includes(c.kind) && c.condition === undefined);

/** A value of another kind than free text or a number is pinned by its type or its list: never silent. */
const PINNED = ['enum', 'flagSet', 'format', 'countryCode'];

interface Probe {
  value: unknown;
  /** What the docs leave open, when the plainer value is accepted; undefined when they state it. */
  silent: string | undefined;
}

/** The plainer values to try for `value`, each with what an acceptance would show the docs silent on. */
function probes(p: Property, value: unknown): Probe[] {
  if (stated(p, ...PINNED) || p.type.kind !== 'primitive') return [];
  if (typeof value === 'string') {
    const length = [...value].length;
    const chars = stated(p, 'allowedChars', 'forbiddenChars') ? undefined : `which characters ${p.name} may hold`;
    const long = stated(p, 'maxLength', 'exactLength') ? undefined : `how long ${p.name} may be (${length} characters were sent)`;
    return [
      { value: 'a'.repeat(length), silent: chars },
      { value: 'a'.repeat(Math.min(length, 8)), silent: long },
    ];
  }
  if (typeof value === 'number') return [{ value: 1, silent: stated(p, 'minimum', 'maximum') ? undefined : `the range of ${p.name} (${value} was sent)` }];
  if (Array.isArray(value) && value.length) return [{ value: [], silent: stated(p, 'maxItems') ? undefined : `how many items ${p.name} may hold` }];
  return [];
}

/** A refusal the docs are silent on, and the plainer body the server then accepted (which took effect). */
export interface SilentRefusal {
  violation: Violation;
  accepted: { body: Record<string, unknown>; exchange: Exchange };
}

/**
 * Whether the refusal of `body` is one the docs are silent on: a tolerated violation naming the ambiguity,
 * or undefined (the refusal stands as a failure). `resend` sends another body to the same operation.
 */
export async function silentRefusal(
  spec: OperationSpec,
  body: unknown,
  refused: Exchange,
  resend: (body: Record<string, unknown>) => Promise<Exchange>,
): Promise<SilentRefusal | undefined> {
  const status = refused.response.status;
  if (status < 400 || status >= 500 || !isObject(body)) return undefined;
  for (const [key, value] of Object.entries(body)) {
    const p = spec.requestBody.properties.find((q) => q.name === key);
    if (!p) continue;
    for (const probe of probes(p, value)) {
      const plainer = { ...body, [key]: probe.value };
      const ex = await resend(plainer);
      if (ex.response.status < 200 || ex.response.status >= 300) continue;
      // The plainer value is taken: this dimension of this property is what the server refused.
      if (!probe.silent) return undefined;
      const violation: Violation = {
        received: `${describeResponse(refused.response, 120)} to ${key} ${JSON.stringify(value).slice(0, 80)}, and ${ex.response.status} to ${JSON.stringify(probe.value).slice(0, 40)}`,
        expected: `the documented success; the docs do not say ${probe.silent}, so a server may set its own limit`,
        source: p.source,
        sentence: p.description,
        tolerance: 'docs-silent',
        exchanges: [refused, ex],
      };
      return { violation, accepted: { body: plainer, exchange: ex } };
    }
  }
  return undefined;
}
