/**
 * The Kiota-based `@microsoft/msgraph-sdk` with `@microsoft/msgraph-sdk-users`. The SDK is model-driven, so
 * a JSON body is first read into a `User` model with the SDK's own JSON parse node (dates become Date
 * objects, unknown keys go to `additionalData`, as the SDK expects), then sent with `users.post(user)`
 * (create) or `users.byUserId(id).patch(user)` (update); `users.byUserId(id).get()` reads one. Returns what
 * the SDK returns (a `User` model, or undefined).
 */
import { AllowedHostsValidator, BaseBearerTokenAuthenticationProvider } from '@microsoft/kiota-abstractions';
import { JsonParseNodeFactory } from '@microsoft/kiota-serialization-json';
import { createGraphServiceClient, GraphRequestAdapter } from '@microsoft/msgraph-sdk';
import { createUserFromDiscriminatorValue, type User } from '@microsoft/msgraph-sdk/models/index.js';
import '@microsoft/msgraph-sdk-users';
import type { ClientAdapter } from '../../../harness/run/certify-client.js';

const parseNodes = new JsonParseNodeFactory();

const adapter: ClientAdapter = async ({ baseUrl, operation, params, body, token }) => {
  const auth = new BaseBearerTokenAuthenticationProvider({
    getAuthorizationToken: async () => token,
    getAllowedHostsValidator: () => new AllowedHostsValidator(new Set([new URL(baseUrl).host])),
  });
  const requests = new GraphRequestAdapter(auth);
  requests.baseUrl = baseUrl;
  const client = createGraphServiceClient(requests);
  const model = () =>
    parseNodes
      .getRootParseNode('application/json', new TextEncoder().encode(JSON.stringify(body)).buffer as ArrayBuffer)
      .getObjectValue<User>(createUserFromDiscriminatorValue);
  switch (operation) {
    case 'user-post-users':
      return client.users.post(model());
    case 'user-get':
      return client.users.byUserId(params.id ?? '').get();
    case 'user-update':
      return client.users.byUserId(params.id ?? '').patch(model());
    default:
      throw new Error(`this adapter does not perform ${operation}`);
  }
};

export default adapter;
