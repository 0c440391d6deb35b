/**
 * A conformant implementation of the Planner task operations (create, get, list, update, delete; the 2021
 * pages `v1.0/api/planner-post-tasks.md`, `plannertask-get.md`, `planner-list-tasks.md`,
 * `plannertask-update.md`, `plannertask-delete.md` and `v1.0/resources/plannertask.md`), the second resource
 * drawn with `scripts/draw-references.ts` (seed 34). Written from those pages alone:
 *
 * - Create takes "a JSON representation of plannerTask object" (post-tasks.md:35): the writable properties
 *   of plannertask.md; `completedDateTime`, `createdDateTime`, `hasDescription` and `id` are "Read-only."
 *   and refused. "The plannerTask planId property must be set to an existing plannerPlan object's id"
 *   (post-tasks.md:36): the store holds the plans; no planId is a 400, an unknown one a 404.
 * - `bucketId` "is 28 characters long" (plannertask.md:31). The pages give no way to make a bucket, so this
 *   server holds none and checks the length only.
 * - `previewType`: "The possible values are: automatic, noPreview, checklist, description, reference."
 * - `appliedCategories` is an open type whose properties are `category1` … `category6` with boolean values
 *   (plannerappliedcategories.md); `assignments` an open type of user ids, each a plannerAssignment object
 *   or null (plannerassignments.md).
 * - List "requires planId filter to be specified" (list-tasks.md:30): `$filter=planId eq '<id>'`, else 400.
 * - Update and delete require `If-Match`, the "Last known ETag value" (update.md:33, delete.md:33): none is
 *   a 400, a stale one 412. Every answer holding a task carries its tag (`ETag` and `@odata.etag`).
 * - Update answers `204 No Content`, or `200 OK` with the task when the request prefers
 *   `return=representation` (update.md:53); create `201 Created` (post-tasks.md:39), get and list `200 OK`,
 *   delete `204 No Content`.
 */
import { dateTimeOffset, int32, isObject, oneOf, problemOf, type Rule, string } from './body-rules.js';
import { commonSteps, createEntityService, type Entity, type EntityService, type EntitySteps, type EntityStore, type Refusal } from './entity.js';

export const PLANNER_COLLECTION = '/planner/tasks';
/** The plan a run's tasks go in: the value given as `planId`. */
export const PLAN_ID = 'xqQg5FS2LkCp935s-FIFm2QAFkHM';

const identitySet: Rule = (v) => (v === undefined || v === null || isObject(v) ? undefined : 'must be an identitySet object');

const appliedCategories: Rule = (v) => {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) return 'must be a plannerAppliedCategories object';
  const bad = Object.entries(v).find(([k, x]) => !/^category[1-6]$/.test(k) || typeof x !== 'boolean');
  return bad ? `cannot hold ${bad[0]}: category1 to category6, each true or false` : undefined;
};

const assignments: Rule = (v) => {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) return 'must be a plannerAssignments object';
  const bad = Object.entries(v).find(([, x]) => x !== null && !isObject(x));
  return bad ? `${bad[0]} must be a plannerAssignment object or null` : undefined;
};

/** "It is 28 characters long and case-sensitive." */
const bucketId: Rule = (v) => (v === undefined || v === null ? undefined : typeof v !== 'string' || v.length !== 28 ? 'must be 28 characters long' : undefined);

const UPDATE_RULES: Record<string, Rule> = {
  appliedCategories,
  assigneePriority: string(),
  assignments,
  bucketId,
  conversationThreadId: string(),
  dueDateTime: dateTimeOffset,
  orderHint: string(),
  percentComplete: int32,
  startDateTime: dateTimeOffset,
  title: string(),
};

/** "The possible values are: `automatic`, `noPreview`, `checklist`, `description`, `reference`." */
const PREVIEW_TYPES = ['automatic', 'noPreview', 'checklist', 'description', 'reference'];

const CREATE_RULES: Record<string, Rule> = {
  ...UPDATE_RULES,
  activeChecklistItemCount: int32,
  checklistItemCount: int32,
  completedBy: identitySet,
  createdBy: identitySet,
  planId: string(undefined, { required: true }),
  previewType: oneOf([...PREVIEW_TYPES, null]),
  referenceCount: int32,
};

const READ_ONLY = ['completedDateTime', 'createdDateTime', 'hasDescription', 'id'];

/** A Planner id: 28 characters of letters, digits, `-` and `_`, as the pages' examples show. */
function plannerId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return Array.from(crypto.getRandomValues(new Uint8Array(28)), (b) => alphabet[b % 64]).join('');
}

let version = 0;
const tagged = (task: Entity): Entity => ({ ...task, '@odata.etag': `W/"${Buffer.from(`task ${++version}`).toString('base64')}"` });

const withTag = (task: Entity, init: ResponseInit = {}) =>
  Response.json(task, { ...init, headers: typeof task['@odata.etag'] === 'string' ? { ETag: task['@odata.etag'] } : {} });

/** `planId eq 'x'` (either quote), the filter the list requires. */
const PLAN_FILTER = /^\s*planId\s+eq\s+'([^']*)'\s*$/;

export const referencePlannerSteps: EntitySteps = {
  ...commonSteps,
  createProblem(body, store) {
    const readOnly = Object.keys(body).find((k) => READ_ONLY.includes(k));
    if (readOnly) return `${readOnly} is read-only`;
    const problem = problemOf(CREATE_RULES, body);
    if (problem) return problem;
    return store.known.has(body.planId as string) ? undefined : `planId ${JSON.stringify(body.planId)} names no plan`;
  },
  updateProblem: (body) => problemOf(UPDATE_RULES, body),
  precondition(request, task): Refusal | undefined {
    const method = request.method;
    if (!task && method === 'GET') {
      const filter = new URL(request.url).searchParams.get('$filter');
      return filter && PLAN_FILTER.test(filter) ? undefined : [400, 'BadRequest', "This method requires a planId filter: $filter=planId eq '<plan id>'."];
    }
    if (!task || (method !== 'PATCH' && method !== 'DELETE')) return undefined;
    const tag = request.headers.get('if-match');
    if (!tag) return [400, 'BadRequest', 'The If-Match header is required.'];
    return tag === task['@odata.etag'] ? undefined : [412, 'PreconditionFailed', 'The If-Match value does not match the task.'];
  },
  newEntity: (body) =>
    tagged({
      ...body,
      id: plannerId(),
      createdDateTime: new Date().toISOString(),
      hasDescription: false,
      completedDateTime: body.percentComplete === 100 ? new Date().toISOString() : null,
    }),
  created: (task) => withTag(task, { status: 201, statusText: 'Created' }),
  read: (shown) => withTag(shown),
  listed: (items, query) => {
    const plan = PLAN_FILTER.exec(query.get('$filter') ?? '')?.[1];
    return items.filter((t) => t.planId === plan);
  },
  list: (items) => Response.json({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#planner/tasks', value: items }),
  shown(task, select) {
    // The tag travels with every task shown, whatever `$select` names.
    const shown = commonSteps.shown(task, select);
    return { ...shown, '@odata.etag': task['@odata.etag'] };
  },
  apply: (task, body) => tagged({ ...task, ...body }),
  updated: (task, request) =>
    /return=representation/i.test(request.headers.get('prefer') ?? '')
      ? withTag(task, { status: 200, statusText: 'OK' })
      : new Response(null, { status: 204, statusText: 'No Content' }),
};

/**
 * The same server, lenient where Graph is: it reads `previewType` in any letter case ("NoPreview"), as Graph
 * reads enum members. Conformant: a certification passes it. (The stricter habits of the other lenient
 * references have nothing to bite on here: no body property is a collection, the one the create requires,
 * planId, is not in the update table, and `orderHint`'s described format is taken as any string already.)
 */
export const lenientPlannerSteps: Partial<EntitySteps> = {
  createProblem(body, store) {
    const preview =
      typeof body.previewType === 'string' ? PREVIEW_TYPES.find((v) => v.toLowerCase() === (body.previewType as string).toLowerCase()) : undefined;
    return referencePlannerSteps.createProblem(preview ? { ...body, previewType: preview } : body, store);
  },
};

export function seedPlannerStore(): EntityStore {
  return { items: new Map(), known: new Set([PLAN_ID]) };
}

export function createPlannerService(overrides: Partial<EntitySteps> = {}, store: EntityStore = seedPlannerStore()): EntityService {
  return createEntityService(PLANNER_COLLECTION, { ...referencePlannerSteps, ...overrides }, store);
}
