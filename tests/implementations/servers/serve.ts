/**
 * The reference server on a fixed loopback port, for trying `docspec certify server` by hand (README Quick
 * start): `node --import tsx tests/implementations/servers/serve.ts [PORT]` (default 18080).
 */
import { listen } from './listen.js';
import { createUserService, REFERENCE_USER_ID } from './reference.js';

const port = Number(process.argv[2] ?? 18080);
const service = createUserService();
const server = await listen((r) => service.handle(r), port);
process.stderr.write(`reference server: ${server.origin}/v1.0 (user ${REFERENCE_USER_ID}); stop it with Ctrl-C\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
