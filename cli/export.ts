/** `docspec openapi` and `docspec json-schema`: a spec as an OpenAPI 3.1 document or a request-body JSON Schema. */
import { requestBodySchema } from '../generator/emit/json-schema.js';
import { openApiDocument } from '../generator/emit/openapi.js';
import { parseOptions, UsageError, writeOutput } from './io.js';
import { loadOperationSpec } from './load-spec.js';

export const OPENAPI_HELP = `Usage: docspec openapi --spec FILE [options]

Writes an OpenAPI 3.1 document for the operation: its paths, headers, the request body as JSON Schema
2020-12 with the mined constraints as standard keywords, the documented responses, and x-docspec-source
(the docs line) on each item.

Options:
  --spec FILE         the spec (spec/<operation>.<variant>.json)   (required)
  --out FILE          write to FILE   (default: stdout)
  -h, --help          this help

Exit codes: 0 written · 2 bad usage or unreadable input`;

export const JSON_SCHEMA_HELP = `Usage: docspec json-schema --spec FILE [options]

Writes the JSON Schema (2020-12) of the request body: it accepts exactly the bodies the generated validator
accepts. x-docspec-source is an annotation; with ajv, declare it: ajv.addVocabulary(['x-docspec-source']).

Options:
  --spec FILE         the spec (spec/<operation>.<variant>.json)   (required)
  --out FILE          write to FILE   (default: stdout)
  -h, --help          this help

Exit codes: 0 written · 2 bad usage or unreadable input`;

function exportCommand(command: string, args: string[], help: string, build: typeof openApiDocument, what: string): number {
  const { values, positionals } = parseOptions(
    args,
    {
      spec: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    command,
  );
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (the spec goes after --spec)`);
  if (!values.spec) throw new UsageError('--spec FILE is required');
  const text = `${JSON.stringify(build(loadOperationSpec(values.spec as string)), null, 2)}\n`;
  writeOutput(text, values.out as string | undefined, `${what} of ${values.spec as string}`);
  return 0;
}

export const openApiCommand = (args: string[]) => exportCommand('openapi', args, OPENAPI_HELP, openApiDocument, 'OpenAPI 3.1 document');
export const jsonSchemaCommand = (args: string[]) => exportCommand('json-schema', args, JSON_SCHEMA_HELP, requestBodySchema, 'request-body JSON Schema');
