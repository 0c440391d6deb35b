/**
 * Masks the secrets a run was given (the bearer token) in everything it reports: console lines, curl
 * reproductions, the JSON report and JUnit all come from the same results, so the results are masked
 * before anyone prints them. `Bearer <token>` always becomes `Bearer ***`; the token on its own (a server
 * that echoes it) is masked when it has at least MIN_BARE characters, so that a short placeholder does not
 * blank out every word that contains it.
 */

import type { CheckResult } from './report.js';
import { escapeRegExp } from '../../generator/ir/regexp.js';

const MIN_BARE = 8;

/** The shell-quoted form curl lines use (`'` → `'\''`). */
const shellEscaped = (s: string) => s.replace(/'/g, `'\\''`);

/**
 * Every way a report can hold a secret a server or a line echoed: as it is, shell-quoted, JSON-escaped (with
 * and without `/` as `\/`, as some servers write it), percent-encoded (a URL, a form body) and in base64 (a
 * Basic credential, a token wrapped once more).
 */
function encodings(s: string): Set<string> {
  const json = JSON.stringify(s).slice(1, -1);
  const slashed = json.replace(/\//g, '\\/');
  // A JSON body in a curl line is shell-quoted in turn.
  return new Set([
    s,
    shellEscaped(s),
    json,
    slashed,
    shellEscaped(json),
    shellEscaped(slashed),
    encodeURIComponent(s),
    encodeURI(s),
    Buffer.from(s).toString('base64').replace(/=+$/, ''),
  ]);
}

/**
 * `secrets` are bearer tokens; `headers` the values of headers a run was told to send (the `headers` option,
 * an API key): those are masked after their name (`Name: ***`), as a whole value (a header map's entry), and
 * on their own when long enough, whatever the case of the name.
 */
export function redactor(secrets: readonly string[], headers: Readonly<Record<string, string>> = {}): <T>(value: T) => T {
  const patterns: [RegExp | string, string][] = [];
  const whole = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    for (const form of encodings(s)) {
      patterns.push([`Bearer ${form}`, 'Bearer ***']);
      if (s.length >= MIN_BARE) patterns.push([form, '***']);
    }
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!value) continue;
    whole.add(value);
    for (const form of encodings(value)) {
      patterns.push([new RegExp(`${escapeRegExp(name)}:\\s*${escapeRegExp(form)}`, 'gi'), `${name}: ***`]);
      if (value.length >= MIN_BARE) patterns.push([form, '***']);
    }
  }
  const text = (s: string) => {
    if (whole.has(s)) return '***';
    let out = s;
    for (const [secret, mask] of patterns) {
      if (typeof secret === 'string') {
        if (out.includes(secret)) out = out.split(secret).join(mask);
      } else out = out.replace(secret, mask);
    }
    return out;
  };
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  if (patterns.length === 0 && whole.size === 0) return (value) => value;
  return <T>(value: T) => walk(value) as T;
}

type OnResult = (result: CheckResult, done: number, total: number) => void;

/**
 * A run's masking: the redactor of the token its caller gave (the placeholder a run uses without one is no
 * secret) and its progress callback with every result masked before it sees it.
 */
export function tokenMasking(
  token: string | undefined,
  onResult: OnResult | undefined,
  headers: Readonly<Record<string, string>> = {},
): { redact: <T>(value: T) => T; onResult?: OnResult } {
  const redact = redactor(token === undefined ? [] : [token], headers);
  return { redact, onResult: onResult && ((r, done, total) => onResult(redact(r), done, total)) };
}

/**
 * The one place a run's secrets are masked: every runner runs inside it, so the progress each result is
 * reported with and the whole report it returns pass through the same redactor, whatever the runner adds.
 */
export async function masked<O extends { token?: string; headers?: Readonly<Record<string, string>>; onResult?: OnResult }, R>(
  options: O,
  run: (options: O) => Promise<R>,
): Promise<R> {
  const { redact, onResult } = tokenMasking(options.token, options.onResult, options.headers);
  return redact(await run({ ...options, onResult }));
}
