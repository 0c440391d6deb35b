/** Every client check, in the order they run. */
import { authorizationCheck } from './authorization.check.js';
import { bodyCheck } from './body.check.js';
import type { ClientCheck } from './client-check.js';
import { containedCheck } from './contained.check.js';
import { clientContentTypeCheck } from './content-type.check.js';
import { methodCheck } from './method.check.js';
import { oneRequestCheck } from './one-request.check.js';
import { pathCheck } from './path.check.js';
import { rejectsCheck } from './rejects-on-error.check.js';
import { resolvesCheck } from './resolves-on-success.check.js';
import { surfacesResponseCheck } from './surfaces-response.check.js';

export const CLIENT_CHECKS: readonly ClientCheck[] = [
  methodCheck,
  pathCheck,
  authorizationCheck,
  clientContentTypeCheck,
  bodyCheck,
  oneRequestCheck,
  containedCheck,
  resolvesCheck,
  surfacesResponseCheck,
  rejectsCheck,
];
