/**
 * `@microsoft/microsoft-graph-client` (v3), used as its docs show: `Client.init` with an auth callback, then
 * `.api(path)` with `.post(body)` to create a user, `.get()` to read one and `.update(body)` to update one.
 * `.api()` takes a path string, so encoding the id is the caller's job; done here with encodeURIComponent,
 * as a careful user would. Returns what the client returns.
 */
import { Client } from '@microsoft/microsoft-graph-client';
import type { ClientAdapter } from '../../../harness/run/certify-client.js';

const adapter: ClientAdapter = async ({ baseUrl, operation, params, body, token }) => {
  const url = new URL(baseUrl);
  const client = Client.init({
    authProvider: (done) => done(null, token),
    baseUrl: `${url.origin}/`,
    defaultVersion: url.pathname.replace(/^\/|\/$/g, ''),
  });
  const user = () => client.api(`/users/${encodeURIComponent(params.id ?? '')}`);
  switch (operation) {
    case 'user-post-users':
      return client.api('/users').post(body);
    case 'user-get':
      return user().get();
    case 'user-update':
      return user().update(body);
    default:
      throw new Error(`this adapter does not perform ${operation}`);
  }
};

export default adapter;
