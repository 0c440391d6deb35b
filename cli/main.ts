/**
 * The `docspec` command line as a function: dispatch, help and exit codes, with no process of its own. The
 * `docspec` binary (cli.ts) calls it with the process's streams; tests and tools call it with their own.
 * Exit codes: 0 pass, 1 findings, 2 bad usage or unreadable input, 3 inconclusive, 70 internal error.
 */
import { printable } from '../generator/report/printable.js';
import { type CliStreams, stderr, stdout, UsageError, withStreams } from './io.js';

export const VERSION = '0.2.0';

export const HELP = `docspec ${VERSION} — API documentation pages → a contract machines can check

Usage: docspec <command> [options]

Commands:
  generate [PAGES…]   read pages, write spec/<operation>.<variant>.json and generated/<operation>/<variant>.ts
                      (no pages: the bundled pages listed in docspec.config.json)
  generate --docs DIR every api page of a docs tree → OUT/spec/, OUT/generated/ and a coverage report
  drift A B           what changed between two specs or pages, or docs vs CSDL metadata   (docspec drift --help)
  matrix FILES…       properties × variants, differences highlighted (md, json, html)   (docspec matrix --help)
  openapi             specs as one OpenAPI 3.1 (or 3.0) document   (docspec openapi --help)
  json-schema         a spec's request body as JSON Schema 2020-12   (docspec json-schema --help)
  certify server      check a running server against a spec   (docspec certify server --help)
  certify client      check a client, through an adapter, against a spec   (docspec certify client --help)
  certify connector   check a connector's action description against a spec   (docspec certify connector --help)

Options of generate:
  --check             write nothing; exit 1 and list the files that would change  (default: write)
  --base DIR          where the page sits in a Graph docs tree (api/ folder): includes resolve against it,
                      complex types come from DIR/../resources   (default: the page's own folder)
  --resources DIR     resource pages to resolve complex types from  (default: BASE/../resources)
  --variant NAME      variant name (default: from the page: beta, v1.0, intune, …; with --docs DIR
                      holding api/ directly, DIR's name)
  --operation NAME    operation name (default: the file's, channel-patch.md → channel-patch; else from the title)
  --format FORMAT     markdown | rendered-text | connector  (default: detected)
  --spec-dir DIR      where spec JSON goes  (default: spec)
  --generated-dir DIR where TypeScript goes  (default: generated)
  --config FILE       config with the default pages  (default: docspec.config.json)
  --verbose           print info diagnostics too  (default: warnings and errors)
  --quiet             print only errors and the summary  (default: warnings and errors)
  --docs DIR          a docs tree: DIR/<version>/api/*.md, types from DIR/<version>/resources/  (default: none)
                      (prints diagnostics grouped by rule; every line is in OUT/diagnostics.txt)
  --out DIR           where a --docs run writes  (default: docspec-out)
  --jobs N            worker threads for --docs  (default: the number of cores less one)
  --no-cache          with --docs, redo every page instead of reusing unchanged ones from OUT/.docspec-cache.json
                      (default: reuse)
  --metadata [V=]FILE with --docs, Microsoft's CSDL for version V (default: from the file name, v1.0-Prod.csdl
                      → v1.0): a second source when an example's value contradicts its table's type

  -h, --help          this help          -v, --version   the version

Exit codes: 0 pass · 1 findings (--check: files would change; a page failed; a nonconformance; breaking drift)
            2 bad usage or unreadable input · 3 inconclusive (the implementation could not be reached)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    stdout(`${HELP}\n`);
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') {
    stdout(`${VERSION}\n`);
    return 0;
  }
  // Commands load on demand: drift need not pay for ts-morph, generate need not pay for msw.
  if (command === 'generate') return (await import('./generate.js')).generate(rest, HELP);
  if (command === 'drift') return (await import('./drift.js')).driftCommand(rest);
  if (command === 'matrix') return (await import('./matrix.js')).matrixCommand(rest);
  if (command === 'openapi') return (await import('./export.js')).openApiCommand(rest);
  if (command === 'json-schema') return (await import('./export.js')).jsonSchemaCommand(rest);
  if (command === 'certify') {
    const [what, ...args] = rest;
    if (what === 'server') return (await import('./certify-server.js')).certifyServerCommand(args);
    if (what === 'client') return (await import('./certify-client.js')).certifyClientCommand(args);
    if (what === 'connector') return (await import('./certify-connector.js')).certifyConnectorCommand(args);
    if (!what || what === '--help' || what === '-h') {
      const [server, client, connector] = await Promise.all([import('./certify-server.js'), import('./certify-client.js'), import('./certify-connector.js')]);
      stdout(`${server.CERTIFY_SERVER_HELP}\n\n${client.CERTIFY_CLIENT_HELP}\n\n${connector.CERTIFY_CONNECTOR_HELP}\n`);
      return what ? 0 : 2;
    }
    throw new UsageError(`unknown certify target "${what}" (try: docspec certify --help)`);
  }
  throw new UsageError(`unknown command "${command}" (try: docspec --help)`);
}

/**
 * Runs one `docspec` command line and resolves to its exit code; never rejects. A usage problem is one line
 * on stderr (exit 2); anything else thrown is an internal error with its stack (exit 70). With `streams`, all
 * output goes there instead of the process's streams.
 */
export function runCli(argv: string[], streams?: CliStreams): Promise<number> {
  const run = () =>
    main(argv).then(
      (code) => code,
      (e: unknown) => {
        if (e instanceof UsageError) {
          stderr(`docspec: ${printable(e.message)}\n`);
          return 2;
        }
        stderr(`docspec: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        return 70;
      },
    );
  return streams ? withStreams(streams, run) : run();
}
