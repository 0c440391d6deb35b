/**
 * Seeded defects of the groups reference (groups.ts): each swaps exactly one step and breaks one documented
 * rule of the 2021 groups pages (corpus `graph-docs-2021-07/api-reference/v1.0/`). `operation` and `caughtBy` name the case that must fail
 * (`resource-model/groups` for what only a run across operations shows); `lineHolds` is text the docs line
 * its failure cites must hold.
 */
import type { OperationSpec } from '../../../generator/ir/ir.js';
import { knownParameters } from '../../../harness/run/certify-server.js';
import { certifySuite } from '../../../harness/run/certify-suite.js';
import { createGroupService, DIRECTORY_USER_ID, type GroupSteps, referenceGroupSteps } from './groups.js';

export interface GroupDefect {
  name: string;
  /** The documented rule it breaks, in words. */
  breaks: string;
  /** The operation whose case catches it (`resource-model` for the model across operations). */
  operation: string;
  caughtBy: string;
  lineHolds: string | RegExp;
  steps: Partial<GroupSteps>;
}

const r = referenceGroupSteps;

/** The reference's create or update validation minus the problems `ignore` matches. */
const ignoring =
  (step: 'createProblem' | 'updateProblem', ignore: RegExp): ((body: Record<string, unknown>) => string | undefined) =>
  (body) => {
    const why = r[step](body);
    return why && ignore.test(why) ? undefined : why;
  };

export const GROUP_DEFECTS: GroupDefect[] = [
  {
    name: 'create-answers-200',
    breaks: 'Create group: "returns a 201 Created response code"',
    operation: 'group-post-groups',
    caughtBy: 'success-status',
    lineHolds: '`201 Created` response code',
    steps: { created: (group) => Response.json(group, { status: 200 }) },
  },
  {
    name: 'create-without-body',
    breaks: 'Create group: "a group object in the response body"',
    operation: 'group-post-groups',
    caughtBy: 'success-status',
    lineHolds: '`201 Created` response code',
    steps: { created: () => new Response(null, { status: 201, statusText: 'Created' }) },
  },
  {
    name: 'get-as-text-plain',
    breaks: 'Get group: "a group object in the response body", which a client parses as JSON',
    operation: 'group-get',
    caughtBy: 'success-status',
    lineHolds: '`200 OK` response code',
    steps: { read: (shown) => new Response(JSON.stringify(shown), { headers: { 'content-type': 'text/plain' } }) },
  },
  {
    name: 'get-without-id',
    breaks: 'group: id, the unique identifier, is part of the group a read answers',
    operation: 'group-get',
    caughtBy: 'success-status',
    lineHolds: '|id|String|',
    steps: { read: (shown) => Response.json({ ...shown, id: undefined }) },
  },
  {
    name: 'get-answers-another-group',
    breaks: 'Get group: "a group object" is the group addressed by its id',
    operation: 'group-get',
    caughtBy: 'success-status',
    lineHolds: '|id|String|',
    steps: { read: (shown) => Response.json({ ...shown, id: '00000000-0000-4000-8000-000000000000' }) },
  },
  {
    name: 'update-writes-read-only',
    breaks: 'group: createdDateTime, id and the other properties the page marks "Read-only." are not written by an update',
    operation: 'group-update',
    caughtBy: 'read-only',
    lineHolds: 'Read-only',
    // Takes any key, the read-only ones too, and stores it (the reference refuses keys the table does not list).
    steps: { updateProblem: ignoring('updateProblem', / is not a property of the request body$/) },
  },
  {
    name: 'create-without-id',
    breaks: 'group: id, the unique identifier, is part of the resource',
    operation: 'group-post-groups',
    caughtBy: 'success-status',
    lineHolds: '|id|String|',
    steps: { created: (group) => Response.json({ ...group, id: undefined }, { status: 201 }) },
  },
  {
    name: 'create-alters-display-name',
    breaks: 'Create group: the new group is the one specified in the request body',
    operation: 'group-post-groups',
    caughtBy: 'success-status',
    lineHolds: '`201 Created` response code',
    steps: { newGroup: (body) => r.newGroup({ ...body, displayName: `${body.displayName}.` }) },
  },
  {
    name: 'create-accepts-missing-display-name',
    breaks: 'Create group: displayName is Required',
    operation: 'group-post-groups',
    caughtBy: 'rejects-invalid/displayName/required',
    lineHolds: '| displayName | string |',
    steps: { createProblem: ignoring('createProblem', /^displayName is required/) },
  },
  {
    name: 'create-accepts-overlong-mail-nickname',
    breaks: 'Create group: mailNickname, "Max. length: 64 characters"',
    operation: 'group-post-groups',
    caughtBy: 'rejects-invalid/mailNickname/max-length',
    lineHolds: 'Max. length: 64 characters',
    steps: { createProblem: ignoring('createProblem', /^mailNickname is longer/) },
  },
  {
    name: 'create-accepts-forbidden-nickname-character',
    breaks: 'Create group: "These characters cannot be used in the mailNickName"',
    operation: 'group-post-groups',
    caughtBy: 'rejects-invalid/mailNickname/forbidden-chars',
    lineHolds: 'These characters cannot be used in the mailNickName',
    steps: { createProblem: ignoring('createProblem', /^mailNickname cannot hold/) },
  },
  {
    name: 'update-accepts-any-visibility',
    breaks: 'Update group: visibility, "The possible values are: Private, Public, or empty"',
    operation: 'group-update',
    caughtBy: 'rejects-invalid/visibility/allowed-values',
    lineHolds: 'The possible values are: **Private**, **Public**',
    steps: { updateProblem: ignoring('updateProblem', /^visibility must be one of/) },
  },
  {
    name: 'update-clears-display-name',
    breaks: 'Update group: displayName "cannot be cleared during updates"',
    operation: 'group-update',
    caughtBy: 'rejects-invalid/displayName/not-nullable',
    lineHolds: 'cannot be cleared during updates',
    steps: { updateProblem: ignoring('updateProblem', /^displayName cannot be cleared/) },
  },
  {
    name: 'update-answers-202',
    breaks: 'Update group: "returns a 204 No Content response code"',
    operation: 'group-update',
    caughtBy: 'success-status',
    lineHolds: '`204 No Content` response code',
    steps: { updated: () => new Response(null, { status: 202, statusText: 'Accepted' }) },
  },
  {
    name: 'update-lost',
    breaks: 'Update group: the properties sent are updated',
    operation: 'group-update',
    caughtBy: 'stateful',
    lineHolds: /^\|\s*\w+\s*\|/,
    steps: { apply: (group) => group },
  },
  {
    name: 'get-wrong-json-type',
    breaks: 'group: securityEnabled is a Boolean',
    operation: 'group-get',
    caughtBy: 'success-status',
    lineHolds: '|securityEnabled|Boolean|',
    steps: { shown: (group, select) => ({ ...r.shown(group, select), securityEnabled: String(group.securityEnabled) }) },
  },
  {
    name: 'list-without-envelope',
    breaks: 'List groups: "a collection of group objects in the response body"',
    operation: 'group-list',
    caughtBy: 'success-status',
    lineHolds: 'collection of [group](../resources/group.md) objects',
    steps: { list: (items) => Response.json(items) },
  },
  {
    name: 'list-misses-newest',
    breaks: 'List groups: the list holds every group',
    operation: 'resource-model',
    caughtBy: 'resource-model/groups',
    lineHolds: 'collection of [group](../resources/group.md) objects',
    steps: { list: (items) => r.list(items.length > 1 ? items.slice(0, -1) : items) },
  },
  {
    name: 'delete-keeps-group',
    breaks: 'Delete group: the group is deleted',
    operation: 'group-delete',
    caughtBy: 'success-status',
    lineHolds: '`204 No Content` response code',
    steps: { remove: () => undefined },
  },
  {
    name: 'no-auth-check',
    breaks: 'Authorization: "Bearer {token}. Required."',
    operation: 'group-get',
    caughtBy: 'auth-required',
    lineHolds: 'Bearer {token}',
    steps: { authenticate: () => true },
  },
  {
    name: 'duplicate-member-accepted',
    breaks: 'Add member: "400 Bad Request response code when the object is already a member of the group"',
    operation: 'group-post-members',
    caughtBy: 'documented-errors/400/duplicate',
    lineHolds: 'already a member of the group',
    steps: {
      addMember(store, groupId, memberId) {
        const outcome = r.addMember(store, groupId, memberId);
        return outcome === 'already' ? 'added' : outcome;
      },
    },
  },
  {
    name: 'missing-member-accepted',
    breaks: 'Add member: "404 Not Found response code when the object being added doesn\'t exist"',
    operation: 'group-post-members',
    caughtBy: 'documented-errors/404/missing-reference',
    lineHolds: "doesn't exist",
    steps: {
      addMember(store, groupId, memberId) {
        store.users.add(memberId);
        return r.addMember(store, groupId, memberId);
      },
    },
  },
  {
    name: 'member-removal-kept',
    breaks: 'Remove member: the member is removed from the group',
    operation: 'resource-model',
    caughtBy: 'resource-model/groups',
    lineHolds: '`204 No Content` response code',
    steps: { removeMember: (store, groupId, memberId) => store.members.get(groupId)?.has(memberId) ?? false },
  },
  {
    name: 'error-without-envelope',
    breaks: 'Microsoft Graph error responses carry { "error": { "code", "message" } }',
    operation: 'group-post-groups',
    caughtBy: 'error-envelope',
    lineHolds: '`201 Created` response code',
    steps: { error: (status, _code, message) => new Response(message, { status }) },
  },
];

/**
 * Certifies the groups reference with `defect` seeded, in-process: the defect's operation and the create
 * that feeds it (every operation, for the resource model), only the case meant to catch it. Returns the run
 * and the case that failed, if one did (in the operation's report, or among the model's cases).
 */
export async function certifyDefect(defect: GroupDefect, specs: readonly OperationSpec[], seed: number) {
  const service = createGroupService(defect.steps);
  const chosen =
    defect.operation === 'resource-model' ? [...specs] : specs.filter((s) => s.operation === defect.operation || s.operation === 'group-post-groups');
  // The directory object a member add names, when an operation of the run takes one.
  const params: Record<string, string> = chosen.some((s) => s.http.method === 'POST' && knownParameters(s).includes('id')) ? { id: DIRECTORY_USER_ID } : {};
  const report = await certifySuite({ specs: chosen, handler: (r) => service.handle(r), params, seed, checks: [defect.caughtBy] });
  const cases = defect.operation === 'resource-model' ? report.checks : (report.operations.find((o) => o.operation === defect.operation)?.report?.checks ?? []);
  const caught = cases.find((c) => c.status === 'fail' && (c.id === defect.caughtBy || c.id.startsWith(`${defect.caughtBy}/`)));
  return { report, caught };
}
