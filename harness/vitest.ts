/**
 * One call in a vitest file turns a spec into a `describe` block of conformance tests: one `it` per
 * registered check, each failing with the shrunk counterexample, the docs line and a reproduction.
 *
 * ```ts
 * import { describeConformance } from 'docspec/vitest';
 * describeConformance('my server', { spec, server: { handler: app.fetch, params: { id: '…' } } });
 * describeConformance('my SDK', { spec, client: { adapter } });
 * ```
 */
import { describe, it } from 'vitest';
import type { OperationSpec } from '../generator/ir/ir.js';
import { type CertifyClientOptions, certifyClient } from './run/certify-client.js';
import { type CertifyServerOptions, certifyServer } from './run/certify-server.js';
import { CLIENT_CHECKS } from './checks/client/registry.js';
import { SERVER_CHECKS } from './checks/server/registry.js';
import { formatFailure } from './report/console.js';
import type { CertifyReport } from './report/report.js';

export interface ConformanceOptions {
  spec: OperationSpec;
  /** Certify a server: an in-process handler or a base URL, and the resource it may update. */
  server?: Omit<CertifyServerOptions, 'spec' | 'runs' | 'seed' | 'checks'>;
  /** Certify a client through its adapter. */
  client?: Omit<CertifyClientOptions, 'spec' | 'runs' | 'seed' | 'checks'>;
  /** Runs per case (default: the certifier's, 100). */
  runs?: number;
  /** Fixes the generated requests; by default each run picks one and failures print it. */
  seed?: number;
  /** Only these check ids (default: all registered checks). */
  checks?: string[];
  /** Per-check timeout in ms (default 120 000). */
  timeout?: number;
}

/** Throws one error listing every failing or inconclusive case of a check, as the CLI prints them. */
function assertPassed(report: CertifyReport): void {
  const bad = report.checks.filter((c) => c.status === 'fail' || c.status === 'inconclusive');
  if (bad.length) throw new Error(`${bad.length} of ${report.checks.length} case(s) did not pass\n\n${bad.map((c) => formatFailure(report, c)).join('\n\n')}`);
  if (!report.checks.length) throw new Error('no case ran');
}

export function describeConformance(name: string, options: ConformanceOptions): void {
  const { spec, server, client, runs, seed } = options;
  if (!server === !client) throw new Error('describeConformance needs exactly one of `server` or `client`');
  const registry = server ? SERVER_CHECKS : CLIENT_CHECKS.filter((c) => client?.host || !c.needsHost);
  const ids = registry.map((c) => c.id).filter((id) => !options.checks || options.checks.includes(id));
  describe(name, () => {
    for (const id of ids) {
      it(
        id,
        async (ctx) => {
          const common = { spec, checks: [id], ...(runs === undefined ? {} : { runs }), ...(seed === undefined ? {} : { seed }) };
          const report = server ? await certifyServer({ ...server, ...common }) : await certifyClient({ ...client!, ...common });
          // A check the spec gives nothing to test (e.g. no own-request group) is reported as skipped.
          if (report.checks.length && report.checks.every((c) => c.status === 'skipped')) return ctx.skip(report.checks[0]!.message);
          assertPassed(report);
        },
        options.timeout ?? 120_000,
      );
    }
  });
}
