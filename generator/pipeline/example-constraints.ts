/**
 * An example body that breaks a constraint the same page states ("Mail value" where the docs say an email
 * address, 0 where they say "Valid values 4 to 16") is a doc bug: the page contradicts itself. Checked with
 * the validator the spec generates, so the diagnostic and a user's validator never disagree.
 */
import { buildContract } from '../emit/contract.js';
import { type ValidationIssue, validateWith } from '../emit/runtime.js';
import { diagnostic } from '../ir/diagnostic.js';
import { checkedBodies } from '../ir/example-bodies.js';
import type { Diagnostic, OperationSpec } from '../ir/ir.js';
import { keyLine } from '../ir/json-pointer.js';

/** Rules the table-level example check already reports (`example-type-mismatch`, `example-unknown-property`). */
const COVERED = new Set(['type', 'unknown-property']);

const issueKey = (e: ValidationIssue) => `${e.path} ${e.rule} ${e.source}`;

export function checkExampleConstraints(spec: OperationSpec): Diagnostic[] {
  if (spec.requestBody.properties.length === 0) return [];
  const out: Diagnostic[] = [];
  let contract: ReturnType<typeof buildContract> | undefined;
  for (const { ex, body } of checkedBodies(spec)) {
    const req = ex.request!;
    contract ??= buildContract(spec);
    const result = validateWith(contract, body);
    const strict = validateWith(contract, body, { strict: true });
    const demanded = new Set(result.valid ? [] : result.errors.map(issueKey));
    for (const e of strict.valid ? [] : strict.errors) {
      if (COVERED.has(e.rule)) continue;
      // Outside what the page only advises ("The SMTP address …"): worth knowing, not a contradiction.
      const advised = !demanded.has(issueKey(e));
      out.push(
        diagnostic(
          advised ? 'example-outside-advice' : 'example-violates-constraint',
          advised ? 'info' : 'warning',
          `Example "${ex.name}": ${e.path} — ${e.message} (${e.rule}, ${e.source})`,
          keyLine(req, e.path),
          advised ? undefined : 'Fix the example, or the constraint if the example shows what the service accepts',
        ),
      );
    }
  }
  return out;
}
