/**
 * The reference client: plain fetch, written from the v1.0 docs. Create (POST /users), get and update
 * (GET and PATCH the percent-encoded id): bearer token, the JSON body as given, resolve on the documented
 * status with the parsed body (201 and 200) or nothing (204), reject on anything else with the Graph
 * error's message.
 */
import type { ClientAdapter } from '../../../harness/run/certify-client.js';

const ROUTES: Record<string, { method: string; addressed: boolean; status: number }> = {
  'user-post-users': { method: 'POST', addressed: false, status: 201 },
  'user-get': { method: 'GET', addressed: true, status: 200 },
  'user-update': { method: 'PATCH', addressed: true, status: 204 },
};

const client: ClientAdapter = async ({ baseUrl, operation, params, body, token }) => {
  const route = ROUTES[operation];
  if (!route) throw new Error(`the reference client does not perform ${operation}`);
  const url = route.addressed ? `${baseUrl}/users/${encodeURIComponent(params.id ?? '')}` : `${baseUrl}/users`;
  const res = await fetch(url, {
    method: route.method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status !== route.status) throw new Error(`${operation} failed: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
};

export default client;
