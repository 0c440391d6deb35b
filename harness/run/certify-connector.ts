/**
 * Certifies a connector's action description against the docs of the operation: each input field is read
 * against the docs once (field-reading.ts), then every registered connector check (checks/connector/) runs
 * over the readings. Pure: specs in, report out.
 */
import type { ConnectorSpec, OperationSpec } from '../../generator/ir/ir.js';
import type { ConnectorContext } from '../checks/connector/connector-check.js';
import { readFields } from '../checks/connector/field-reading.js';
import type { ConnectorFinding } from '../checks/connector/finding.js';
import { CONNECTOR_CHECKS } from '../checks/connector/registry.js';
import type { ConnectorReport } from '../report/connector.js';
import type { CheckResult } from '../report/report.js';

export function certifyConnector(spec: OperationSpec, connector: ConnectorSpec, otherVariants: OperationSpec[] = []): ConnectorReport {
  const ctx: ConnectorContext = { spec, connector, otherVariants, fields: readFields(spec, connector, otherVariants) };
  const findings: ConnectorFinding[] = [];
  // Field checks field by field, so each field's findings stay together; then the checks across fields.
  for (const reading of ctx.fields)
    for (const c of CONNECTOR_CHECKS) {
      const found = c.scope === 'field' ? c.check(reading, ctx) : undefined;
      if (found) findings.push(found);
    }
  for (const c of CONNECTOR_CHECKS) if (c.scope === 'operation') findings.push(...c.check(ctx));

  const checks: CheckResult[] = CONNECTOR_CHECKS.map(({ id }) => {
    const of = findings.filter((f) => f.rule === id);
    const errors = of.filter((f) => f.severity === 'error').length;
    return { id, check: id, status: errors ? 'fail' : 'pass', message: `${of.length} findings${errors ? `, ${errors} errors` : ''}`, runs: 0 };
  });
  return {
    verdict: checks.some((c) => c.status === 'fail') ? 'fail' : 'pass',
    seed: 0,
    runs: 0,
    kind: 'connector',
    operation: spec.operation,
    variant: spec.variant,
    target: connector.page.file,
    checks,
    findings,
    stats: { requests: 0, retries: 0, durationMs: 0 },
  };
}
