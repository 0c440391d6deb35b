/**
 * Seeded defects of the telecom expense management partner reference (tem.ts). Lines are of the 2021 pages
 * `v1.0/api/intune-tem-telecomexpensemanagementpartner-*.md` and the resource page.
 */
import { commonSteps } from './entity.js';
import { type EntityDefect, ignoring, type Reference } from './entity-defects.js';
import { createTemService, referenceTemSteps as r } from './tem.js';

const T = 'intune-tem-telecomexpensemanagementpartner';

export const TEM_DEFECTS: EntityDefect[] = [
  {
    name: 'create-answers-200',
    breaks: 'create.md:59 "returns a 201 Created response code"',
    operation: `${T}-create`,
    caughtBy: 'success-status',
    lineHolds: '`201 Created` response code',
    steps: { created: (e) => Response.json(e, { status: 200 }) },
  },
  {
    name: 'create-without-body',
    breaks: 'create.md:59 "and a telecomExpenseManagementPartner object in the response body"',
    operation: `${T}-create`,
    caughtBy: 'success-status',
    lineHolds: '`201 Created` response code',
    steps: { created: () => new Response(null, { status: 201 }) },
  },
  {
    name: 'create-without-id',
    breaks: 'resource page:30 "id | String | Unique identifier of the TEM partner"',
    operation: `${T}-create`,
    caughtBy: 'success-status',
    lineHolds: '|id|String|',
    steps: { created: (e) => Response.json({ ...e, id: undefined }, { status: 201 }) },
  },
  {
    name: 'create-alters-display-name',
    breaks: 'create.md:59: the created object is the one the body describes',
    operation: `${T}-create`,
    caughtBy: 'success-status',
    lineHolds: '`201 Created` response code',
    steps: { newEntity: (body) => r.newEntity({ ...body, displayName: `${body.displayName}.` }) },
  },
  {
    name: 'create-accepts-text-for-boolean',
    breaks: 'create.md:53 "enabled | Boolean"',
    operation: `${T}-create`,
    caughtBy: 'rejects-invalid/enabled/type',
    lineHolds: '|enabled|Boolean|',
    steps: { createProblem: ignoring(r.createProblem, /^enabled must be a boolean/) },
  },
  {
    name: 'create-accepts-any-date',
    breaks: 'create.md:54 "lastConnectionDateTime | DateTimeOffset"',
    operation: `${T}-create`,
    caughtBy: 'rejects-invalid/lastConnectionDateTime',
    lineHolds: '|lastConnectionDateTime|DateTimeOffset|',
    steps: { createProblem: ignoring(r.createProblem, /^lastConnectionDateTime must be a date/) },
  },
  {
    name: 'create-accepts-unknown-property',
    breaks: 'create.md:47: the body holds the properties of the table',
    operation: `${T}-create`,
    caughtBy: 'rejects-invalid/*/unknown-property',
    lineHolds: '|Property|Type|Description|',
    steps: { createProblem: ignoring(r.createProblem, / is not a property of the request body$/) },
  },
  {
    name: 'get-as-text-plain',
    breaks: 'get.md:49 "a telecomExpenseManagementPartner object in the response body", as JSON',
    operation: `${T}-get`,
    caughtBy: 'success-status',
    lineHolds: '`200 OK` response code',
    steps: { read: (shown) => new Response(JSON.stringify(shown), { headers: { 'content-type': 'text/plain' } }) },
  },
  {
    name: 'get-without-id',
    breaks: 'resource page:30 "id | String": part of the object a read answers',
    operation: `${T}-get`,
    caughtBy: 'success-status',
    lineHolds: '|id|String|',
    steps: { read: (shown) => Response.json({ ...shown, id: undefined }) },
  },
  {
    name: 'get-answers-another-partner',
    breaks: 'get.md:49: the object read is the one its id addresses',
    operation: `${T}-get`,
    caughtBy: 'success-status',
    lineHolds: '|id|String|',
    steps: { read: (shown) => Response.json({ ...shown, id: '00000000-0000-4000-8000-000000000000' }) },
  },
  {
    name: 'get-text-for-boolean',
    breaks: 'resource page:33 "appAuthorized | Boolean"',
    operation: `${T}-get`,
    caughtBy: 'success-status',
    lineHolds: '|appAuthorized|Boolean|',
    steps: { shown: (e, select) => ({ ...r.shown(e, select), appAuthorized: String(e.appAuthorized) }) },
  },
  {
    name: 'update-answers-204',
    breaks: 'update.md:59 "returns a 200 OK response code and an updated telecomExpenseManagementPartner object"',
    operation: `${T}-update`,
    caughtBy: 'success-status',
    lineHolds: '`200 OK` response code',
    steps: { updated: commonSteps.updated },
  },
  {
    name: 'update-lost',
    breaks: 'update.md:59: the object is updated',
    operation: `${T}-update`,
    caughtBy: 'stateful',
    lineHolds: /^\|\w+\|\w+\|/,
    steps: { apply: (e) => e },
  },
  {
    name: 'list-without-envelope',
    breaks: 'list.md:46 "a collection of telecomExpenseManagementPartner objects in the response body"',
    operation: `${T}-list`,
    caughtBy: 'success-status',
    lineHolds: 'collection of [telecomExpenseManagementPartner]',
    steps: { list: (items) => Response.json(items) },
  },
  {
    name: 'list-misses-newest',
    breaks: 'list.md:46: the collection holds every partner',
    operation: 'resource-model',
    caughtBy: 'resource-model/deviceManagement/telecomExpenseManagementPartners',
    lineHolds: 'collection of [telecomExpenseManagementPartner]',
    steps: { listed: (items) => (items.length > 1 ? items.slice(0, -1) : items) },
  },
  {
    name: 'delete-keeps-partner',
    breaks: 'delete.md:46 "returns a 204 No Content response code": the partner is deleted',
    operation: `${T}-delete`,
    caughtBy: 'success-status',
    lineHolds: '`204 No Content` response code',
    steps: { remove: () => undefined },
  },
  {
    name: 'no-auth-check',
    breaks: 'get.md:42 "Authorization | Bearer <token> Required."',
    operation: `${T}-get`,
    caughtBy: 'auth-required',
    lineHolds: 'Bearer &lt;token&gt; Required.',
    steps: { authenticate: () => true },
  },
  {
    name: 'error-without-envelope',
    breaks: 'Microsoft Graph error responses carry { "error": { "code", "message" } }',
    operation: `${T}-create`,
    caughtBy: 'error-envelope',
    lineHolds: '`201 Created` response code',
    steps: { error: (status, _code, message) => new Response(message, { status }) },
  },
];

export const TEM_REFERENCE: Reference = {
  name: 'telecomExpenseManagementPartners',
  serve: (steps) => createTemService(steps),
  create: `${T}-create`,
  params: {},
  defects: TEM_DEFECTS,
};
