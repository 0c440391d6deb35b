/**
 * PnPjs (`@pnp/graph` 4.21.0), used as its docs show: `graphfi(baseUrl)` with the `GraphBrowser` behaviour
 * (fetch, JSON headers, retries, parsing) and `BearerToken` from `@pnp/queryable`, then the fluent calls it
 * has for the user and group operations (its subpath modules by file, `@pnp/graph/users/index.js`: the package
 * has no exports map, and Node resolves no folder for an ES module). It has no call that creates a user: that operation throws, as an
 * adapter does for what its client cannot do. Returns what the client returns.
 */
import { GraphBrowser, type GraphFI, graphfi } from '@pnp/graph';
import '@pnp/graph/users/index.js';
import type { IUsers } from '@pnp/graph/users/index.js';
import '@pnp/graph/members/index.js';
import type { IMembers } from '@pnp/graph/members/index.js';
import { GroupType, type IGroup, type IGroups } from '@pnp/graph/groups/index.js';
import { BearerToken } from '@pnp/queryable';
import type { ClientAdapter } from '../../../harness/run/certify-client.js';

/** The GroupType `groups.add` takes, read from the body's `groupTypes` as the call documents it. */
function groupType(body: Record<string, unknown>): GroupType {
  const types = Array.isArray(body.groupTypes) ? body.groupTypes : [];
  return types.includes('Unified') ? GroupType.Office365 : types.includes('DynamicMembership') ? GroupType.Dynamic : GroupType.Security;
}

/** PnPjs's name for a client operation the adapter is asked for, and the first parameter's value. */
const adapter: ClientAdapter = async ({ baseUrl, operation, params, body, token }) => {
  // Its typings add `users` and `groups` to GraphFI by augmenting "../fi", which NodeNext does not resolve.
  const graph = graphfi().using(GraphBrowser({ baseUrl }), BearerToken(token)) as GraphFI & { users: IUsers; groups: IGroups };
  const group = () => graph.groups.getById(id) as IGroup & { members: IMembers };
  const id = params.id ?? Object.values(params)[0] ?? '';
  const b = (body ?? {}) as Record<string, unknown>;
  switch (operation) {
    case 'user-get':
      return graph.users.getById(id)();
    case 'user-update':
      return graph.users.getById(id).update(b);
    case 'group-post-groups': {
      const { displayName, mailNickname, ...rest } = b;
      return graph.groups.add(displayName as string, mailNickname as string, groupType(b), rest);
    }
    case 'group-get':
      return graph.groups.getById(id)();
    case 'group-list':
      return graph.groups();
    case 'group-update':
      return graph.groups.getById(id).update(b);
    case 'group-delete':
      return graph.groups.getById(id).delete();
    case 'group-list-members':
      return group().members();
    case 'group-post-members':
      return group().members.add(b['@odata.id'] as string);
    case 'group-delete-members':
      return group()
        .members.getById(params['id-2'] ?? Object.values(params)[1] ?? '')
        .remove();
    default:
      throw new Error(`PnPjs has no call for ${operation}`);
  }
};

export default adapter;
