/** Every connector check, in report order. Adding one here is all a new check needs. */
import type { ConnectorCheck } from './connector-check.js';
import { descriptionMismatch } from './description-mismatch.check.js';
import { enumMismatch } from './enum-mismatch.check.js';
import { fieldMaps } from './field-maps.check.js';
import { missingField } from './missing-field.check.js';
import { notUpdatable } from './not-updatable.check.js';
import { renamed } from './renamed.check.js';
import { statusCode } from './status-code.check.js';
import { typeMismatch } from './type-mismatch.check.js';
import { typeWeaker } from './type-weaker.check.js';

export const CONNECTOR_CHECKS: readonly ConnectorCheck[] = [
  fieldMaps,
  renamed,
  notUpdatable,
  typeMismatch,
  typeWeaker,
  enumMismatch,
  descriptionMismatch,
  missingField,
  statusCode,
];
