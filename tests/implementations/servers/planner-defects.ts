/**
 * Seeded defects of the Planner task reference (planner.ts). Lines are of the 2021 pages
 * `v1.0/api/planner-post-tasks.md`, `plannertask-*.md`, `planner-list-tasks.md` and `resources/plannertask.md`.
 */
import { type EntityDefect, ignoring, type Reference } from './entity-defects.js';
import { createPlannerService, PLAN_ID, referencePlannerSteps as r } from './planner.js';

/** The reference's preconditions, but `If-Match` is not looked at for `method`. */
const tagIgnoredOn =
  (method: string): typeof r.precondition =>
  (request, task) =>
    task && request.method === method ? undefined : r.precondition(request, task);

export const PLANNER_DEFECTS: EntityDefect[] = [
  {
    name: 'create-answers-200',
    breaks: 'post-tasks.md:39 "returns 201 Created response code"',
    operation: 'planner-post-tasks',
    caughtBy: 'success-status',
    lineHolds: '`201 Created` response code',
    steps: { created: (task) => Response.json(task, { status: 200 }) },
  },
  {
    name: 'create-without-id',
    breaks: 'plannertask.md:41 "id | String | Read-only. ID of the task": part of the task created',
    operation: 'planner-post-tasks',
    caughtBy: 'success-status',
    lineHolds: '|id|String|',
    steps: { created: (task) => Response.json({ ...task, id: undefined }, { status: 201 }) },
  },
  {
    name: 'create-accepts-no-plan',
    breaks: 'post-tasks.md:36 "The plannerTask planId property must be set to an existing plannerPlan object\'s id"',
    operation: 'planner-post-tasks',
    caughtBy: 'rejects-invalid/planId/required',
    lineHolds: 'must be set to an existing',
    steps: { createProblem: ignoring(r.createProblem, /^planId (is required|.* names no plan)/) },
  },
  {
    name: 'create-writes-read-only',
    breaks: 'plannertask.md:38 "createdDateTime | Read-only."',
    operation: 'planner-post-tasks',
    caughtBy: 'read-only',
    lineHolds: 'Read-only',
    steps: {
      createProblem: ignoring(r.createProblem, / is read-only$|is not a property/),
      newEntity: (body) => ({ ...r.newEntity(body), ...body }),
    },
  },
  {
    name: 'get-as-text-plain',
    breaks: 'plannertask-get.md:40 "a 200 OK response code and plannerTask object in the response body", as JSON',
    operation: 'plannertask-get',
    caughtBy: 'success-status',
    lineHolds: '`200 OK` response code',
    steps: { read: (shown) => new Response(JSON.stringify(shown), { headers: { 'content-type': 'text/plain' } }) },
  },
  {
    name: 'get-without-id',
    breaks: 'plannertask.md:41 "id | String": part of the task a read answers',
    operation: 'plannertask-get',
    caughtBy: 'success-status',
    lineHolds: '|id|String|',
    steps: { read: (shown) => Response.json({ ...shown, id: undefined }) },
  },
  {
    name: 'get-text-for-number',
    breaks: 'plannertask.md:26 "activeChecklistItemCount | Int32"',
    operation: 'plannertask-get',
    caughtBy: 'success-status',
    lineHolds: '|activeChecklistItemCount|Int32|',
    steps: { shown: (task, select) => ({ ...r.shown(task, select), activeChecklistItemCount: '0' }) },
  },
  {
    name: 'list-without-envelope',
    breaks: 'list-tasks.md:42 "collection of plannerTask objects in the response body"',
    operation: 'planner-list-tasks',
    caughtBy: 'success-status',
    lineHolds: '`200 OK` response code',
    steps: { list: (items) => Response.json(items) },
  },
  {
    name: 'list-misses-newest',
    breaks: 'list-tasks.md:42: the collection holds every task of the plan',
    operation: 'resource-model',
    caughtBy: 'resource-model/planner/tasks',
    lineHolds: 'collection of [plannerTask]',
    steps: { listed: (items, query) => r.listed(items, query).slice(0, -1) },
  },
  {
    name: 'update-ignores-if-match',
    breaks: 'plannertask-update.md:33 "If-Match | Last known ETag value for the plannerTask to be updated. Required."',
    operation: 'plannertask-update',
    caughtBy: 'if-match',
    lineHolds: 'If-Match',
    steps: { precondition: tagIgnoredOn('PATCH') },
  },
  {
    name: 'update-answers-200-unasked',
    breaks: 'plannertask-update.md:53 "returns 204 No Content response and empty content" unless the request prefers a representation',
    operation: 'plannertask-update',
    caughtBy: 'success-status',
    lineHolds: '`204 No Content` response',
    steps: { updated: (task) => Response.json(task, { status: 200 }) },
  },
  {
    name: 'update-lost',
    breaks: 'plannertask-update.md:36: the properties sent are updated',
    operation: 'plannertask-update',
    caughtBy: 'stateful',
    lineHolds: /^\|\w+\|/,
    steps: { apply: (task) => task },
  },
  {
    name: 'update-accepts-any-bucket-id',
    breaks: 'plannertask-update.md:45 bucketId "is 28 characters long"',
    operation: 'plannertask-update',
    caughtBy: 'rejects-invalid/bucketId',
    lineHolds: '28 characters long',
    steps: { updateProblem: ignoring(r.updateProblem, /^bucketId must be 28/) },
  },
  {
    name: 'update-accepts-fraction',
    breaks: 'plannertask-update.md:49 "percentComplete | Int32"',
    operation: 'plannertask-update',
    caughtBy: 'rejects-invalid/percentComplete/type',
    lineHolds: '|percentComplete|Int32|',
    steps: { updateProblem: ignoring(r.updateProblem, /^percentComplete must be an Int32/) },
  },
  {
    name: 'update-accepts-unknown-property',
    breaks: 'plannertask-update.md:38: the body holds the properties of the table',
    operation: 'plannertask-update',
    caughtBy: 'rejects-invalid/*/unknown-property',
    lineHolds: 'Property',
    steps: { updateProblem: ignoring(r.updateProblem, / is not a property of the request body$/) },
  },
  {
    name: 'delete-ignores-if-match',
    breaks: 'plannertask-delete.md:33 "If-Match | Last known ETag value for the plannerTask to be deleted. Required."',
    operation: 'plannertask-delete',
    caughtBy: 'if-match',
    lineHolds: 'If-Match',
    steps: { precondition: tagIgnoredOn('DELETE') },
  },
  {
    name: 'delete-keeps-task',
    breaks: 'plannertask-delete.md:40 "returns 204 No Content response code": the task is deleted',
    operation: 'plannertask-delete',
    caughtBy: 'success-status',
    lineHolds: '`204 No Content` response code',
    steps: { remove: () => undefined },
  },
  {
    name: 'no-auth-check',
    breaks: 'plannertask-get.md:33 "Authorization | Bearer {token}. Required."',
    operation: 'plannertask-get',
    caughtBy: 'auth-required',
    lineHolds: 'Bearer {token}. Required.',
    steps: { authenticate: () => true },
  },
  {
    name: 'error-without-envelope',
    breaks: 'Microsoft Graph error responses carry { "error": { "code", "message" } }',
    operation: 'planner-post-tasks',
    caughtBy: 'error-envelope',
    lineHolds: '`201 Created` response code',
    steps: { error: (status, _code, message) => new Response(message, { status }) },
  },
];

export const PLANNER_REFERENCE: Reference = {
  name: 'planner/tasks',
  serve: (steps) => createPlannerService(steps),
  create: 'planner-post-tasks',
  params: { planId: PLAN_ID },
  defects: PLANNER_DEFECTS,
};
