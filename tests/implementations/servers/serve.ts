/**
 * The reference server on loopback, for trying `docspec certify server` by hand (README Quick start):
 * `node --import tsx tests/implementations/servers/serve.ts [PORT] [--groups]`. With no PORT the OS picks a free
 * one; `--groups` serves the groups reference (groups.ts).
 * Once the server answers on its own address it prints its base URL (`http://127.0.0.1:<port>/v1.0`) as the
 * one line on stdout, so a script certifies this server and no other; a port it cannot take ends it with
 * exit 1 and one line on stderr.
 */
import { randomUUID } from 'node:crypto';
import { listen, type Listening } from './listen.js';
import { createGroupService, DIRECTORY_USER_ID } from './groups.js';
import { createUserService, REFERENCE_USER_ID } from './reference.js';

// `--groups` serves the groups reference (groups.ts) instead of the user one.
const groups = process.argv.includes('--groups');
const portArg = process.argv.slice(2).find((a) => a !== '--groups');
const port = Number(portArg ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`reference server: PORT must be an integer from 0 to 65535, not "${portArg}"\n`);
  process.exit(2);
}
const service = groups ? createGroupService() : createUserService();
// A request carrying this probe is answered with it, so the server can tell that the port answers with itself.
const probe = randomUUID();
let server: Listening;
try {
  server = await listen((r) => (r.headers.get('x-reference-probe') === probe ? Promise.resolve(new Response(probe)) : service.handle(r)), port);
} catch (e) {
  process.stderr.write(`reference server: cannot listen on 127.0.0.1:${port}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
  process.exit(1);
}
const answer = await fetch(server.origin, { headers: { 'x-reference-probe': probe } }).then((r) => r.text(), String);
if (answer !== probe) {
  process.stderr.write(`reference server: ${server.origin} does not answer with this server\n`);
  process.exit(1);
}
process.stdout.write(`${server.origin}/v1.0\n`);
process.stderr.write(
  `reference server: ${server.origin}/v1.0 (${groups ? `groups; directory user ${DIRECTORY_USER_ID}` : `user ${REFERENCE_USER_ID}`}); stop it with Ctrl-C\n`,
);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
