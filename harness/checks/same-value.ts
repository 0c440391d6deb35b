/**
 * Whether a value read back is the value sent. Lenient only where JSON and Graph are: an ISO date-time may
 * come back in another offset or precision, `null` may come back absent (or as `[]` for a collection), and
 * an object may come back with more keys than were sent.
 */
import { sameInstant } from '../model/same-instant.js';

export function sameValue(sent: unknown, got: unknown): boolean {
  if (sent === null) return got === null || got === undefined || (Array.isArray(got) && got.length === 0);
  if (typeof sent === 'string' && typeof got === 'string') {
    const instant = sameInstant(sent, got);
    if (instant !== undefined) return instant;
  }
  if (Array.isArray(sent)) return Array.isArray(got) && got.length === sent.length && sent.every((v, i) => sameValue(v, got[i]));
  if (typeof sent === 'object') {
    if (typeof got !== 'object' || got === null || Array.isArray(got)) return false;
    const g = new Map(Object.entries(got));
    return Object.entries(sent).every(([k, v]) => sameValue(v, g.get(k)));
  }
  return Object.is(sent, got) || (typeof sent === 'number' && sent === got);
}
