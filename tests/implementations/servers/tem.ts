/**
 * A conformant implementation of the Intune telecom expense management partner operations (create, get,
 * list, update, delete; the 2021 pages `v1.0/api/intune-tem-telecomexpensemanagementpartner-*.md` and
 * `v1.0/resources/intune-tem-telecomexpensemanagementpartner.md`), one of the two resources drawn with
 * `scripts/draw-references.ts` (seed 34). Written from those pages alone, as a user of docspec would:
 *
 * - Create: "The following table shows the properties that are required when you create the
 *   telecomExpenseManagementPartner" (create.md:45). The page's own example leaves out `id`, the key the
 *   service gives (its answer holds one), so this server requires the other five and assigns the id.
 * - `url` is "URL of the TEM partner's administrative control panel": the example sends "Url value", so any
 *   string is taken.
 * - Create answers `201 Created` with the object (create.md:59), update `200 OK` with the updated object
 *   (update.md:59), get and list `200 OK` (get.md:49, list.md:46), delete `204 No Content` (delete.md:46).
 */
import { boolean, dateTimeOffset, problemOf, type Rule, string } from './body-rules.js';
import { commonSteps, createEntityService, type Entity, type EntityService, type EntitySteps, type EntityStore } from './entity.js';

export const TEM_COLLECTION = '/deviceManagement/telecomExpenseManagementPartners';
const ODATA_TYPE = '#microsoft.graph.telecomExpenseManagementPartner';

const odataType: Rule = (v) => (v === undefined || v === ODATA_TYPE ? undefined : `must be ${ODATA_TYPE}`);

/** A required row: present, not null, and (for text) not empty. */
const required =
  (rule: Rule): Rule =>
  (v) =>
    v === undefined ? 'is required' : v === null ? 'cannot be null' : v === '' ? 'cannot be empty' : rule(v);

const CREATE_RULES: Record<string, Rule> = {
  '@odata.type': odataType,
  id: string(),
  displayName: required(string()),
  url: required(string()),
  appAuthorized: required(boolean()),
  enabled: required(boolean()),
  lastConnectionDateTime: required(dateTimeOffset),
};

const UPDATE_RULES: Record<string, Rule> = {
  '@odata.type': odataType,
  id: string(),
  displayName: string(),
  url: string(),
  appAuthorized: boolean(),
  enabled: boolean(),
  lastConnectionDateTime: dateTimeOffset,
};

export const referenceTemSteps: EntitySteps = {
  ...commonSteps,
  createProblem: (body) => problemOf(CREATE_RULES, body),
  updateProblem: (body) => problemOf(UPDATE_RULES, body),
  newEntity: ({ id: _given, ...body }) => ({ '@odata.type': ODATA_TYPE, ...body, id: crypto.randomUUID() }),
  list: (items) => Response.json({ value: items }),
  // "returns a 200 OK response code and an updated telecomExpenseManagementPartner object in the response body"
  updated: (entity) => Response.json(entity, { status: 200, statusText: 'OK' }),
  // The id addresses the partner: an update does not move it.
  apply: (entity, { id: _given, ...body }) => ({ ...entity, ...body }),
};

/**
 * The same server made lenient where a reasonable one may be: it refuses clearing a property the create
 * requires (an update with `displayName: null`). The docs allow both; a certification passes both.
 */
export const lenientTemSteps: Partial<EntitySteps> = {
  updateProblem(body, store) {
    const cleared = Object.keys(CREATE_RULES).find((k) => k !== 'id' && k !== '@odata.type' && (body[k] === null || body[k] === ''));
    return cleared ? `${cleared} cannot be cleared` : referenceTemSteps.updateProblem(body, store);
  },
};

export function createTemService(overrides: Partial<EntitySteps> = {}, store?: EntityStore): EntityService {
  return createEntityService(TEM_COLLECTION, { ...referenceTemSteps, ...overrides }, store);
}

export type { Entity };
