/**
 * docspec's programmatic API: read a page into a spec and plan what `generate` writes, certify an
 * implementation from your own test suite and read the report, compare specs (drift, docs vs CSDL, the
 * variant matrix), and export OpenAPI or JSON Schema. Every function returns data; nothing here reads or
 * writes a file.
 *
 * ```ts
 * import { certifyServer, formatReport } from 'docspec';
 * const report = await certifyServer({ spec, handler: app.fetch, params: { id: '…' } });
 * expect(report.verdict, formatReport(report)).toBe('pass');
 * ```
 */
export { certifyServer, serverOptionProblem, DEFAULT_RUNS, type CertifyServerOptions } from './harness/run/certify-server.js';
export { CertifyUsageError, describeProblem, type UsageProblem } from './harness/model/usage-problem.js';
export type { InProcessHandler } from './harness/transport/in-process.js';
export { formatReport, formatFailure, formatSummary } from './harness/report/console.js';
export { junitXml } from './harness/report/junit.js';
export type { CertifyReport, CheckResult, CheckStatus, Verdict } from './harness/report/report.js';
export { SERVER_CHECKS } from './harness/checks/server/registry.js';
export type { OperationSpec, Spec, ConnectorSpec } from './generator/ir/ir.js';
export { certifyClient, clientTarget, type CertifyClientOptions, type ClientAdapter } from './harness/run/certify-client.js';
export type { ClientHost } from './harness/checks/client/client-check.js';
export { CLIENT_CHECKS } from './harness/checks/client/registry.js';
export { certifyConnector } from './harness/run/certify-connector.js';
export type { ConnectorFinding } from './harness/checks/connector/finding.js';
export { formatConnectorReport, type ConnectorReport } from './harness/report/connector.js';
export { CONNECTOR_CHECKS } from './harness/checks/connector/registry.js';
export { diffSpecs } from './generator/diff/diff-specs.js';
export { diffDocsVsMetadata } from './generator/diff/metadata-diff.js';
export { buildMatrix, type Matrix, type MatrixRow, type MatrixCell } from './generator/diff/matrix.js';
export { failingChanges, failsGate, isBreaking, type DriftChange, type DriftReport, type FailOn, type Breaking } from './generator/diff/change.js';
export { CHANGE_KINDS, type ChangeKind, type ChangeKindInfo } from './generator/diff/change-kinds.js';
export { type DriftRun, gateName, runSummary } from './generator/diff/drift-run.js';
export { applyIgnores, parseIgnoreFile, type IgnoreEntry } from './generator/diff/ignore.js';
export { readCsdl, findType, type CsdlModel, type CsdlType } from './generator/read/csdl.js';
export { formatDriftText } from './generator/report/drift-text.js';
export { DRIFT_FORMATS, formatDriftJson, isDriftFormat, type DriftFormat } from './generator/report/drift-formats.js';
export { formatDriftMarkdown } from './generator/report/drift-markdown.js';
export { formatDriftJunit } from './generator/report/drift-junit.js';
export { formatDriftGithub } from './generator/report/drift-github.js';
export { formatDriftHtml } from './generator/report/drift-html.js';
export { formatMatrixHtml } from './generator/report/matrix-html.js';
export { formatMatrixMarkdown } from './generator/report/matrix-markdown.js';
export { openApiDocument, openApiExport, type OpenApiExport, type OpenApiVersion } from './generator/emit/openapi.js';
export { requestBodySchema, SOURCE_KEYWORD, type JsonSchema } from './generator/emit/json-schema.js';
export { generateSpec, type GenerateInput, type GenerateResult } from './generator/pipeline/generate.js';
export { planOutputs, type OutputPlan, type OutputPlanOptions } from './generator/pipeline/plan-outputs.js';
export { emitFiles } from './generator/emit/emit-files.js';
export type { EmittedFile } from './generator/emit/emitted-file.js';
export { serializeSpec, specFileName } from './generator/ir/spec-file.js';
