/**
 * The reference client: plain fetch, written from the v1.0 docs. PATCH the percent-encoded id, bearer
 * token, JSON body as given, resolve on 204, reject on anything else with the Graph error's message.
 */
import type { ClientAdapter } from '../../../harness/certify/certify-client.js';

const update: ClientAdapter = async ({ baseUrl, userId, body, token }) => {
  const res = await fetch(`${baseUrl}/users/${encodeURIComponent(userId)}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status === 204) return;
  const text = await res.text();
  throw new Error(`update failed: ${res.status} ${text}`);
};

export default update;
