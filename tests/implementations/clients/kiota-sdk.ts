/**
 * The Kiota-based `@microsoft/msgraph-sdk` with `@microsoft/msgraph-sdk-users`. The SDK is model-driven, so
 * the JSON update is first read into a `User` model with the SDK's own JSON parse node (dates become Date
 * objects, unknown keys go to `additionalData`, as the SDK expects), then sent with
 * `users.byUserId(id).patch(user)`.
 */
import { AllowedHostsValidator, BaseBearerTokenAuthenticationProvider } from '@microsoft/kiota-abstractions';
import { JsonParseNodeFactory } from '@microsoft/kiota-serialization-json';
import { createGraphServiceClient, GraphRequestAdapter } from '@microsoft/msgraph-sdk';
import { createUserFromDiscriminatorValue, type User } from '@microsoft/msgraph-sdk/models/index.js';
import '@microsoft/msgraph-sdk-users';
import type { ClientAdapter } from '../../../harness/certify/certify-client.js';

const parseNodes = new JsonParseNodeFactory();

const update: ClientAdapter = async ({ baseUrl, userId, body, token }) => {
  const auth = new BaseBearerTokenAuthenticationProvider({
    getAuthorizationToken: async () => token,
    getAllowedHostsValidator: () => new AllowedHostsValidator(new Set([new URL(baseUrl).host])),
  });
  const adapter = new GraphRequestAdapter(auth);
  adapter.baseUrl = baseUrl;
  const client = createGraphServiceClient(adapter);
  const node = parseNodes.getRootParseNode('application/json', new TextEncoder().encode(JSON.stringify(body)).buffer as ArrayBuffer);
  const user = node.getObjectValue<User>(createUserFromDiscriminatorValue);
  await client.users.byUserId(userId).patch(user);
};

export default update;
