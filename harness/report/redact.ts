/**
 * Masks the secrets a run was given (the bearer token) in everything it reports: console lines, curl
 * reproductions, the JSON report and JUnit all come from the same results, so the results are masked
 * before anyone prints them. `Bearer <token>` always becomes `Bearer ***`; the token on its own (a server
 * that echoes it) is masked when it has at least MIN_BARE characters, so that a short placeholder does not
 * blank out every word that contains it.
 */

import type { CheckResult } from './report.js';

const MIN_BARE = 8;

/** The shell-quoted form curl lines use (`'` → `'\''`). */
const shellEscaped = (s: string) => s.replace(/'/g, `'\\''`);

export function redactor(secrets: readonly string[]): <T>(value: T) => T {
  const patterns: [string, string][] = [];
  for (const s of secrets) {
    if (!s) continue;
    for (const form of new Set([s, shellEscaped(s)])) {
      patterns.push([`Bearer ${form}`, 'Bearer ***']);
      if (s.length >= MIN_BARE) patterns.push([form, '***']);
    }
  }
  const text = (s: string) => {
    let out = s;
    for (const [secret, mask] of patterns) if (out.includes(secret)) out = out.split(secret).join(mask);
    return out;
  };
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  if (patterns.length === 0) return (value) => value;
  return <T>(value: T) => walk(value) as T;
}

type OnResult = (result: CheckResult, done: number, total: number) => void;

/**
 * A run's masking: the redactor of the token its caller gave (the placeholder a run uses without one is no
 * secret) and its progress callback with every result masked before it sees it.
 */
export function tokenMasking(token: string | undefined, onResult: OnResult | undefined): { redact: <T>(value: T) => T; onResult?: OnResult } {
  const redact = redactor(token === undefined ? [] : [token]);
  return { redact, onResult: onResult && ((r, done, total) => onResult(redact(r), done, total)) };
}
