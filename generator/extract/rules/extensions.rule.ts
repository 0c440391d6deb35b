import type { PageRule } from './rule.js';

export const extensionsAllowedRule: PageRule<{ allowed: true }> = {
  id: 'extensions-allowed',
  summary: 'The resource accepts schema and directory extension properties in the body',
  example:
    'Because the **user** resource supports [extensions](/graph/extensibility-overview), you can use the `PATCH` operation to add, update, or delete your own app-specific data…',
  mine(sentence) {
    return /\bsupports (?:\w+ )?extensions\b|\bmanage the directory, schema,? and open extensions\b/i.test(sentence) ? { allowed: true } : undefined;
  },
};

export const extensionNullRemovesRule: PageRule<{ nullRemoves: true }> = {
  id: 'extension-null-removes',
  summary: 'Setting an extension property to `null` removes its data',
  example: 'For directory and schema extensions, remove any stored data by setting the value of the custom extension property to `null`.',
  mine(sentence) {
    return /\bsetting the value of the (?:custom )?extension property to `?null\b/i.test(sentence) ? { nullRemoves: true } : undefined;
  },
};

/**
 * Names of extension properties Graph accepts in a body: schema extensions (`ext` + 8 characters + `_name`,
 * e.g. `ext55gb1l09_msLearnCourses`) and directory extensions (`extension_<app id without dashes>_name`).
 */
export const EXTENSION_NAME_PATTERNS = ['^ext[a-z0-9]{8}_[A-Za-z0-9_]+$', '^extension_[0-9a-fA-F]{32}_[A-Za-z0-9_]+$'];
