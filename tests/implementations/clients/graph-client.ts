/**
 * `@microsoft/microsoft-graph-client` (v3), used as its docs show: `Client.init` with an auth callback and
 * `.api(path).update(body)`. `.api()` takes a path string, so encoding the id is the caller's job; done here
 * with encodeURIComponent, as a careful user would.
 */
import { Client } from '@microsoft/microsoft-graph-client';
import type { ClientAdapter } from '../../../harness/certify/certify-client.js';

const update: ClientAdapter = async ({ baseUrl, userId, body, token }) => {
  const url = new URL(baseUrl);
  const client = Client.init({
    authProvider: (done) => done(null, token),
    baseUrl: `${url.origin}/`,
    defaultVersion: url.pathname.replace(/^\/|\/$/g, ''),
  });
  await client.api(`/users/${encodeURIComponent(userId)}`).update(body);
};

export default update;
