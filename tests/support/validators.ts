/** The committed generated validators of the four bundled operation variants, with their specs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateOptions, ValidationResult } from '../../generated/runtime.js';
import * as beta from '../../generated/user-update/beta.js';
import * as intune from '../../generated/user-update/intune.js';
import * as localtest from '../../generated/user-update/localtest.js';
import * as v1 from '../../generated/user-update/v1.0.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { ROOT } from './pages.js';

export const VALIDATORS: [string, (b: unknown, options?: ValidateOptions) => ValidationResult][] = [
  ['beta', beta.validateRequestBody],
  ['v1.0', v1.validateRequestBody],
  ['localtest', localtest.validateRequestBody],
  ['intune', intune.validateRequestBody],
];

export const loadSpec = (variant: string) => JSON.parse(readFileSync(join(ROOT, `spec/user-update.${variant}.json`), 'utf8')) as OperationSpec;
