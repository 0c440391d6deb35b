import fc from 'fast-check';
import { buildContract } from '../../../generator/emit/contract.js';
import type { Example } from '../../../generator/ir/ir.js';
import { filled, requestExamples, unsendable } from '../../model/example-requests.js';
import { sendsBody } from '../../model/operation-kind.js';
import { operationRequest, successResponse, type Target } from '../../model/target.js';
import { type CheckCase, type ServerCheck, skipped } from '../check.js';
import { answeredResponse, expectSuccess } from '../expect.js';

/**
 * The examples phase: each request example of the page, sent as the first valid request of the run with its
 * placeholders filled from the run, gets the documented success. The page shows it working, so a refusal
 * is a failure citing the example's line. An example its own page's rules refuse is skipped as a doc bug, and
 * so is one outside a rule the page only advises (or one its example contradicts): a server may hold to it.
 */
export const examplesCheck: ServerCheck = {
  id: 'examples',
  title: "the page's own example request gets the documented success response",
  kinds: {
    read: 'the request has no body: its example is the request success-status sends',
    create: true,
    update: true,
    action: true,
    // Its example is the reference the run binds, which success-status adds; a second add is documented to fail.
    link: 'its example adds the reference success-status adds, and adding it twice is refused',
    delete: 'the request has no body: its example is the request success-status sends',
  },
  cases({ target }) {
    const { spec } = target;
    const doc = successResponse(spec);
    if (!doc) return [skipped(this, 'the page documents no success response')];
    if (!sendsBody(spec)) return [skipped(this, 'the request has no body: its example is the request success-status sends')];
    const examples = requestExamples(spec);
    if (!examples.length) return [skipped(this, 'the page has no example request with a JSON body')];
    const bound = target.bound ?? {};
    const contract = buildContract(spec);
    return examples.map((ex): CheckCase<Record<string, unknown>> => {
      const body = filled(ex.request.body, bound);
      const id = `${this.id}/${ex.name}`;
      const why = unsendable(contract, body, bound, { strict: true });
      const sentence = ex.title ?? ex.request.startLine ?? ex.name;
      if (why) return { ...skipped({ id, title: this.title }, why, ex.request.source), check: this.id, sentence };
      return exampleCase(this, target, id, ex, body, doc);
    });
  },
};

function exampleCase(
  check: ServerCheck,
  target: Target,
  id: string,
  ex: Example,
  body: Record<string, unknown>,
  doc: NonNullable<ReturnType<typeof successResponse>>,
): CheckCase<Record<string, unknown>> {
  return {
    id,
    check: check.id,
    title: check.title,
    source: ex.request?.source,
    sentence: ex.title ?? ex.request?.startLine ?? ex.name,
    // One fixed request: sending it again tells nothing new, and a create's second copy may be refused as a duplicate.
    once: true,
    distinct: true,
    arbitrary: fc.constant(body),
    async run(value, known) {
      const exchange = await target.send(operationRequest(target, value));
      const v = expectSuccess(exchange, answeredResponse(target.spec, doc, exchange.response.status), known);
      return v && { ...v, expected: `${v.expected}, as the page's own example shows` };
    },
  };
}
