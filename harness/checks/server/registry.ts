/** Every server check, in the order they run. Ids are stable: reports, case selection (`checks`) and JUnit use them. */
import { addressingCheck } from './addressing.check.js';
import { authRequiredCheck } from './auth-required.check.js';
import type { ServerCheck } from '../check.js';
import { contentTypeCheck } from './content-type.check.js';
import { documentedErrorsCheck } from './documented-errors.check.js';
import { errorEnvelopeCheck } from './error-envelope.check.js';
import { examplesCheck } from './examples.check.js';
import { ifMatchCheck } from './if-match.check.js';
import { readOnlyCheck } from './read-only.check.js';
import { rejectsInvalidCheck } from './rejects-invalid.check.js';
import { statefulCheck } from './stateful.check.js';
import { successStatusCheck } from './success-status.check.js';

export const SERVER_CHECKS: readonly ServerCheck[] = [
  // The examples phase first: the page's own requests, before any generated one.
  examplesCheck,
  successStatusCheck,
  rejectsInvalidCheck,
  documentedErrorsCheck,
  errorEnvelopeCheck,
  authRequiredCheck,
  ifMatchCheck,
  contentTypeCheck,
  addressingCheck,
  readOnlyCheck,
  statefulCheck,
];
