// A starter server for docspec to certify: v1.0 "Update user" (PATCH /users/{id | userPrincipalName} and
// /me) with GET on the same paths, in plain Node and an in-memory store. Request bodies are checked with the
// validator docspec generated from the docs page, so the server refuses what the docs forbid.
//
//   node examples/user-server/server.mjs [PORT]       (no PORT: the OS picks one)
//   docspec certify server --spec spec/user-update.v1.0.json --base-url <the printed URL> --user-id <the printed id>
//
// Copy it into your project (with docspec installed) and replace the store with yours.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { validateRequestBody } from 'docspec/generated/user-update/v1.0';

const USER_ID = randomUUID();
const users = new Map([
  [USER_ID, { id: USER_ID, userPrincipalName: 'adele.vance@contoso.com', displayName: 'Adele Vance', accountEnabled: true, usageLocation: 'US' }],
]);

/** A Microsoft Graph error: `{ "error": { "code", "message" } }`, the envelope the docs describe. */
function error(res, status, code, message) {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { code, message } }));
}

/** `/users/{id}`, `/users/{userPrincipalName}` (any letter case) or `/me` → the user's id. */
function userIdOf(segment) {
  if (segment === undefined) return USER_ID; // every bearer token signs in as this user
  if (users.has(segment)) return segment;
  for (const [id, user] of users) if (user.userPrincipalName.toLowerCase() === segment.toLowerCase()) return id;
  return undefined;
}

async function bodyOf(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = /^\/v1\.0\/(?:users\/([^/]+)|me)$/.exec(url.pathname);
  if (!route) return error(res, 404, 'Request_ResourceNotFound', `No route for ${url.pathname}`);
  if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) return error(res, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
  let segment;
  try {
    segment = route[1] === undefined ? undefined : decodeURIComponent(route[1]);
  } catch {
    return error(res, 400, 'Request_BadRequest', 'Malformed percent-encoding in the path.');
  }
  const id = userIdOf(segment);
  const user = id && users.get(id);
  if (!user) return error(res, 404, 'Request_ResourceNotFound', `Resource '${segment}' does not exist.`);

  if (req.method === 'GET') {
    const select = url.searchParams.get('$select');
    const keys = select ? select.split(',') : Object.keys(user);
    return res
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify(Object.fromEntries(keys.filter((k) => k in user).map((k) => [k, user[k]]))));
  }
  if (req.method !== 'PATCH') return error(res, 405, 'Request_BadRequest', `${req.method} is not supported.`);
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? ''))
    return error(res, 415, 'Request_UnsupportedMediaType', 'Content-Type must be application/json.');
  let body;
  try {
    body = JSON.parse(await bodyOf(req));
  } catch {
    return error(res, 400, 'Request_BadRequest', 'The body is not valid JSON.');
  }
  // Strict: it also refuses values outside what the docs only advise ("The SMTP address for the user").
  const checked = validateRequestBody(body, { strict: true });
  if (!checked.valid) return error(res, 400, 'Request_BadRequest', `Invalid value at ${checked.errors[0].path}: ${checked.errors[0].message}`);
  const next = { ...user };
  for (const [k, v] of Object.entries(body)) {
    // The docs: setting an extension property to null removes it.
    if (v === null && /^(ext[a-z0-9]{8}_|extension_[0-9a-fA-F]{32}_)/.test(k)) delete next[k];
    else next[k] = v;
  }
  users.set(id, next);
  res.writeHead(204).end();
});

const port = Number(process.argv[2] ?? 0);
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${server.address().port}/v1.0 ${USER_ID}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
