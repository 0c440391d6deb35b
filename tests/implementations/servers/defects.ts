/**
 * Seeded defects: the reference server with exactly one step replaced, each breaking one documented rule.
 * `caughtBy` is the case id (or check id prefix) that must fail; `line` is the docs line its message must
 * name (the sentence or table row in spec/sources/v1.0/user-update.txt).
 */
import type { ValidationIssue } from '../../../generated/runtime.js';
import { referenceSteps, type Steps } from './reference.js';

export interface Defect {
  name: string;
  /** The documented rule it breaks, in words. */
  breaks: string;
  caughtBy: string;
  /** Text the failing case's docs line holds, to find the line in the page. */
  lineHolds: string;
  steps: Partial<Steps>;
}

/** The reference validator, minus the errors `ignore` matches. */
const validateIgnoring =
  (ignore: (e: ValidationIssue) => boolean): Steps['validate'] =>
  (body) =>
    referenceSteps.validate(body).filter((e) => !ignore(e));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Extra problems on top of the reference's, for defects that refuse what the docs allow. */
const validateAlsoRefusing =
  (refuse: (body: Record<string, unknown>) => string | undefined): Steps['validate'] =>
  (body) => {
    const errors = referenceSteps.validate(body);
    const why = isObject(body) ? refuse(body) : undefined;
    return why ? [...errors, { path: '', rule: 'defect', message: why, source: '' }] : errors;
  };

export const DEFECTS: Defect[] = [
  {
    name: 'accepts-overlong-company-name',
    breaks: 'companyName: the maximum length is 64 characters',
    caughtBy: 'rejects-invalid/companyName/max-length',
    lineHolds: 'The maximum length is 64 characters',
    steps: { validate: validateIgnoring((e) => e.path === '/companyName' && e.rule === 'max-length') },
  },
  {
    name: 'accepts-null-display-name',
    breaks: "displayName can't be cleared during updates",
    caughtBy: 'rejects-invalid/displayName/not-nullable',
    lineHolds: "can't be cleared during updates",
    steps: { validate: validateIgnoring((e) => e.path === '/displayName' && e.rule === 'not-nullable') },
  },
  {
    name: 'accepts-unknown-age-group',
    breaks: 'ageGroup: allowed values null, Minor, NotAdult, Adult',
    caughtBy: 'rejects-invalid/ageGroup/allowed-values',
    lineHolds: 'ageGroup',
    steps: { validate: validateIgnoring((e) => e.path === '/ageGroup' && e.rule === 'allowed-values') },
  },
  {
    name: 'accepts-second-business-phone',
    breaks: 'businessPhones: only one number can be set',
    caughtBy: 'rejects-invalid/businessPhones/max-items',
    lineHolds: 'only one number can be set',
    steps: { validate: validateIgnoring((e) => e.path === '/businessPhones' && e.rule === 'max-items') },
  },
  {
    name: 'accepts-dollar-in-immutable-id',
    breaks: "onPremisesImmutableId: the $ and _ characters can't be used",
    caughtBy: 'rejects-invalid/onPremisesImmutableId/forbidden-chars',
    lineHolds: "The $ and _ characters can't be used when specifying this property",
    steps: { validate: validateIgnoring((e) => e.path === '/onPremisesImmutableId' && e.rule === 'forbidden-chars') },
  },
  {
    name: 'accepts-three-letter-usage-location',
    breaks: 'usageLocation: a two-letter country code',
    caughtBy: 'rejects-invalid/usageLocation/country-code',
    lineHolds: 'two letter country code',
    steps: { validate: validateIgnoring((e) => e.path === '/usageLocation' && e.rule === 'country-code') },
  },
  {
    name: 'accepts-mixed-own-request-group',
    breaks: 'aboutMe, birthday, … must be updated in their own PATCH request',
    caughtBy: 'rejects-invalid/aboutMe+birthday+interests+mySite+pastProjects+responsibilities+schools+skills/own-request',
    lineHolds: 'in their own PATCH request',
    steps: { validate: validateIgnoring((e) => e.rule === 'own-request') },
  },
  {
    name: 'accepts-malformed-birthday',
    breaks: 'birthday is an ISO 8601 date-time, always in UTC',
    caughtBy: 'rejects-invalid/birthday/prose-format',
    lineHolds: 'birthday',
    steps: { validate: validateIgnoring((e) => e.path === '/birthday' && e.rule === 'prose-format') },
  },
  {
    name: 'accepts-wrong-json-types',
    breaks: 'accountEnabled is a Boolean',
    caughtBy: 'rejects-invalid/accountEnabled/type',
    lineHolds: 'accountEnabled',
    steps: { validate: validateIgnoring((e) => e.rule === 'type') },
  },
  {
    name: 'crashes-on-unknown-property',
    breaks: 'only the table properties can be updated (a client error, not a server error)',
    caughtBy: 'rejects-invalid/*/unknown-property',
    // The property table: what it does not list is not part of the body.
    lineHolds: 'Property Type Description',
    steps: {
      validate(body) {
        const errors = referenceSteps.validate(body);
        if (errors.some((e) => e.rule === 'unknown-property')) throw new Error('unexpected property');
        return errors;
      },
    },
  },
  {
    name: 'refuses-null-values',
    breaks: 'nullable properties accept null',
    caughtBy: 'success-status',
    lineHolds: '204 No Content',
    steps: {
      validate: validateAlsoRefusing((b) => (Object.entries(b).some(([k, v]) => v === null && !k.startsWith('ext')) ? 'null is not supported' : undefined)),
    },
  },
  {
    name: 'refuses-exactly-max-length',
    breaks: 'the maximum length is inclusive (64 characters are allowed)',
    caughtBy: 'success-status',
    lineHolds: '204 No Content',
    steps: {
      validate: validateAlsoRefusing((b) =>
        (typeof b.companyName === 'string' && [...b.companyName].length >= 64) || (typeof b.employeeId === 'string' && [...b.employeeId].length >= 16)
          ? 'too long'
          : undefined,
      ),
    },
  },
  {
    name: 'refuses-extension-properties',
    breaks: 'schema and directory extension properties can be updated',
    caughtBy: 'success-status',
    lineHolds: '204 No Content',
    steps: { validate: validateAlsoRefusing((b) => (Object.keys(b).some((k) => k.startsWith('ext')) ? 'extensions are not supported' : undefined)) },
  },
  {
    name: 'answers-200-with-the-user',
    breaks: 'if successful, this method returns a 204 No Content response code',
    caughtBy: 'success-status',
    lineHolds: '204 No Content',
    steps: { updated: (user) => Response.json(user, { status: 200 }) },
  },
  {
    name: 'forgets-job-title',
    breaks: 'an accepted update stores every property in the body',
    caughtBy: 'stateful',
    lineHolds: 'jobTitle',
    steps: { apply: (user, body) => ({ ...referenceSteps.apply(user, body), jobTitle: user.jobTitle }) },
  },
  {
    name: 'replaces-the-whole-user',
    breaks: "existing properties that aren't included in the request body maintain their previous values",
    caughtBy: 'stateful',
    lineHolds: 'maintain their previous values',
    steps: { apply: (user, body) => referenceSteps.apply({ id: user.id, userPrincipalName: user.userPrincipalName }, body) },
  },
  {
    name: 'applies-refused-updates',
    breaks: 'a refused update changes nothing (properties keep their previous values)',
    caughtBy: 'stateful',
    lineHolds: 'maintain their previous values',
    steps: {
      // Writes the valid part of a body before validating it: the 400 is right, the stored state is not.
      validate(body) {
        const errors = referenceSteps.validate(body);
        if (errors.length && isObject(body) && isObject(lastUser)) {
          for (const [k, v] of Object.entries(body)) if (!errors.some((e) => e.path.split('/')[1] === k)) lastUser[k] = v;
        }
        return errors;
      },
      resolve(segment, me, store) {
        const id = referenceSteps.resolve(segment, me, store);
        lastUser = id === undefined ? undefined : store.users.get(id);
        return id;
      },
    },
  },
  {
    name: 'no-authorization-check',
    breaks: 'Authorization: Bearer {token}. Required.',
    caughtBy: 'auth-required',
    lineHolds: 'Authorization',
    steps: { authenticate: (_h, store) => store.signedIn },
  },
  {
    name: 'accepts-any-authorization-scheme',
    breaks: 'Authorization: Bearer {token} (not Basic or other schemes)',
    caughtBy: 'auth-required',
    lineHolds: 'Authorization',
    steps: { authenticate: (h, store) => (h ? store.signedIn : undefined) },
  },
  {
    name: 'ignores-content-type',
    breaks: 'Content-Type: application/json',
    caughtBy: 'content-type',
    lineHolds: 'Content-Type',
    steps: { acceptsContentType: () => true },
  },
  {
    name: 'plain-text-errors',
    breaks: 'Graph error responses carry { error: { code, message } }',
    caughtBy: 'error-envelope',
    lineHolds: '204 No Content',
    steps: { error: (status, _code, message) => new Response(message, { status, headers: { 'content-type': 'text/plain' } }) },
  },
  {
    name: 'no-me-endpoint',
    breaks: 'PATCH /me updates the signed-in user',
    caughtBy: 'addressing/me',
    lineHolds: 'PATCH https://graph.microsoft.com/v1.0/me',
    steps: { resolve: (segment, me, store) => (segment === undefined ? undefined : referenceSteps.resolve(segment, me, store)) },
  },
  {
    name: 'no-user-principal-name-addressing',
    breaks: 'PATCH /users/{id | userPrincipalName}',
    caughtBy: 'addressing/userPrincipalName',
    lineHolds: 'PATCH /users/{id | userPrincipalName}',
    steps: { resolve: (segment, me, store) => (segment === undefined ? me : store.users.has(segment) ? segment : undefined) },
  },
];

/** The user the last request resolved to (for the defect that writes before validating). */
let lastUser: Record<string, unknown> | undefined;
