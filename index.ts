/**
 * docspec's programmatic API: certify an implementation from your own test suite, and read the report.
 *
 * ```ts
 * import { certifyServer, formatReport } from 'docspec';
 * const report = await certifyServer({ spec, handler: app.fetch, userId: '…' });
 * expect(report.verdict, formatReport(report)).toBe('pass');
 * ```
 */
export { certifyServer, CertifyUsageError, DEFAULT_RUNS, type CertifyServerOptions } from './harness/certify/certify-server.js';
export type { InProcessHandler } from './harness/msw/in-process.js';
export { formatReport, formatFailure, formatSummary } from './harness/report/console.js';
export { junitXml } from './harness/report/junit.js';
export type { CertifyReport, CheckResult, CheckStatus, Verdict } from './harness/report/report.js';
export { SERVER_CHECKS } from './harness/checks/server/registry.js';
export type { OperationSpec, Spec, ConnectorSpec } from './generator/spec/ir.js';
export { certifyClient, type CertifyClientOptions, type ClientAdapter } from './harness/certify/certify-client.js';
export { CLIENT_CHECKS } from './harness/checks/client/registry.js';
export { certifyConnector, type ConnectorReport } from './harness/connector/certify-connector.js';
export type { ConnectorFinding } from './harness/connector/finding.js';
export { formatConnectorReport } from './harness/connector/format.js';
