import fc from 'fast-check';
import type { ResponseSpec } from '../../../generator/ir/ir.js';
import { guid } from '../../arbitraries/text.js';
import { bodyPlaceholders, validBodies } from '../../arbitraries/body-bindings.js';
import { sendsBody } from '../../model/operation-kind.js';
import { operationRequest } from '../../model/target.js';
import { type CheckCase, type ServerCheck, skipped } from '../check.js';
import { expectClientError } from '../expect.js';

/**
 * The cases a run can bring about from a documented error's condition. Each reads the condition's words;
 * a condition none of them reads is listed as skipped with its sentence, never guessed at.
 */
const SITUATIONS = {
  duplicate: {
    reads: /\balready (?:a member|exists?|been added|added|present)\b/i,
    how: 'the same valid request sent twice: the second is the duplicate',
  },
  'missing-reference': {
    reads: /\b(?:doesn['’]t|does not) exist\b|\bnot found\b/i,
    how: "a valid request whose body names an object that does not exist (a fresh id in the body's reference)",
  },
} as const;

type Situation = keyof typeof SITUATIONS;

/** Which case a condition describes, if docspec can bring it about. */
export const situationOf = (condition: string): Situation | undefined =>
  (Object.keys(SITUATIONS) as Situation[]).find((s) => SITUATIONS[s].reads.test(condition));

/**
 * An error status the Response section states with its case ("400 Bad Request when the object is already a
 * member of the group", "404 Not Found when the object being added doesn't exist") is answered in that case.
 */
export const documentedErrorsCheck: ServerCheck = {
  id: 'documented-errors',
  negative: true,
  title: 'a request in a case the docs give an error status for gets that status',
  kinds: {
    read: 'a read sends no body to bring the stated case about',
    create: true,
    update: true,
    action: true,
    link: true,
    delete: 'a delete sends no body to bring the stated case about',
  },
  cases({ target }) {
    const rules = target.spec.responses.filter((r) => r.status >= 400 && r.status < 500 && r.condition);
    if (!rules.length) return [skipped(this, 'the page states no error status with the case it applies to')];
    if (!sendsBody(target.spec)) return [skipped(this, 'the request has no body to bring the stated case about')];
    return rules.map((r) => caseOf(this, target, r));
  },
};

function caseOf(check: ServerCheck, target: Parameters<ServerCheck['cases']>[0]['target'], rule: ResponseSpec): CheckCase {
  const condition = rule.condition!;
  const situation = situationOf(condition);
  const sentence = `${rule.status} ${rule.statusText} ${condition}`;
  const base = { check: check.id, title: check.title, source: rule.source, sentence };
  const id = `${check.id}/${rule.status}${situation ? `/${situation}` : ''}`;
  if (!situation) return { ...skipped(check, `docspec cannot bring about "${condition}"`, rule.source), id };
  const why = `${condition} (${SITUATIONS[situation].how})`;
  if (situation === 'duplicate') {
    return {
      ...base,
      id,
      arbitrary: validBodies(target),
      async run(body) {
        await target.send(operationRequest(target, body));
        return expectClientError(await target.send(operationRequest(target, body)), why, [rule.status]);
      },
    };
  }
  const reference = bodyPlaceholders(target.spec)[0];
  if (!reference) return { ...skipped(check, 'the body holds no reference to another object to make missing', rule.source), id };
  return {
    ...base,
    id,
    arbitrary: fc.tuple(validBodies(target), guid),
    async run([body, missing]) {
      const named = { ...body, [reference.key]: reference.template.split(`{${reference.name}}`).join(missing) };
      return expectClientError(await target.send(operationRequest(target, named)), why, [rule.status]);
    },
  };
}
