/**
 * Every diagnostic the generator can report: its id, severity and what it means. `diagnostic()` accepts only
 * these ids, and the README's diagnostics table is generated from this list (`npm run docs`).
 */
import type { Severity } from './ir.js';

export const DIAGNOSTIC_RULES = {
  'example-unknown-property': {
    severity: 'warning',
    meaning: "an example body sends a property the table does not list (beta example 2's `authorizationInfo`)",
  },
  'example-type-mismatch': { severity: 'warning', meaning: 'an example value has the wrong JSON type for its table row' },
  'example-invalid-json': { severity: 'warning', meaning: 'an example body is not JSON' },
  'placeholder-permission': { severity: 'warning', meaning: 'the permissions table has a placeholder ("TODO: Determine scopes")' },
  'unresolved-type': { severity: 'warning', meaning: 'a type has no resource page; it is treated as an open object' },
  'example-violates-constraint': {
    severity: 'warning',
    meaning: 'an example body breaks a constraint the same page states (a placeholder where an email address is due, 0 under "Valid values 4 to 16")',
  },
  'example-contradicts-rule': {
    severity: 'warning',
    meaning:
      "the page's own example breaks a rule no second source states, or sends a property no source lists: the rule is kept as advice, the property accepted",
  },
  'example-outside-advice': {
    severity: 'info',
    meaning: 'an example body has a value outside a rule the page only advises ("Mail value" where it describes "The SMTP address for the user")',
  },
  'method-unstated': { severity: 'warning', meaning: 'the page states no request line and no example request; PATCH is assumed' },
  'enum-values-disagree': {
    severity: 'warning',
    meaning: "a description and its enum type's page list different values; the validator allows both",
  },
  'read-only-in-request': {
    severity: 'warning',
    meaning: "the request table lists a property its resource page marks read-only (the stub's `id`, `assignedPlans`, …)",
  },
  'type-unparsed': { severity: 'warning', meaning: 'a Type cell is not a type expression' },
  'table-missing-cell': { severity: 'warning', meaning: 'a table row has fewer cells than the header' },
  'table-extra-cell': { severity: 'warning', meaning: 'a table row has more cells than the header' },
  'table-row-continued': { severity: 'warning', meaning: "a line break inside a row made a line of its own; it is joined to the row above's description" },
  'duplicate-property': { severity: 'warning', meaning: 'a property is listed twice' },
  'group-unknown-property': { severity: 'warning', meaning: 'a note names a property the table does not list' },
  'annotation-invalid': { severity: 'warning', meaning: 'an annotation comment (`<!-- {…} -->`) is not valid JSON' },
  'front-matter-invalid': { severity: 'warning', meaning: 'the front matter is not valid YAML' },
  'obfuscated-value': { severity: 'info', meaning: 'rendered text hides a value behind `[email protected]`' },
  'empty-description': { severity: 'info', meaning: 'table rows without a description (nothing to mine)' },
  'no-property-table': { severity: 'info', meaning: 'the request body is described only in prose or examples' },
  'connector-field-unmapped': { severity: 'info', meaning: 'a connector field matches no property of the resource' },
  'page-failed': { severity: 'error', meaning: 'the page could not be processed (a bug: no page should fail)' },
  'page-too-large': {
    severity: 'error',
    meaning:
      'the page is over the budget of what one page may cost (1 MB, blockquotes 64 deep, indentation 256, delimiter runs of 512, 20,000 `|`) and was not read (a page that takes over 30 s is page-failed)',
  },
  'read-outside-root': {
    severity: 'warning',
    meaning: 'an include or a resource page leads out of the docs root (`../../…`, or a link to a file elsewhere); it is not read',
  },
  'page-outside-root': { severity: 'error', meaning: 'an api page of a docs tree is a link to a file outside the tree; it is not read' },
  'openapi-example-left-out': {
    severity: 'warning',
    meaning: "`docspec openapi` left an example out: its own operation's validator rejects it, or its status is not documented",
  },
  'openapi-duplicate-operation': {
    severity: 'warning',
    meaning: '`docspec openapi` met a method and path two pages document; the document keeps the first',
  },
  'openapi-parameter-without-example': {
    severity: 'info',
    meaning: '`docspec openapi` found no example URL with a value for a path parameter',
  },
} as const satisfies Record<string, { severity: Severity; meaning: string }>;

export type DiagnosticRule = keyof typeof DIAGNOSTIC_RULES;

/** The registry entry of a rule id read back from data (a cache, a report), if it is one. */
export function diagnosticRule(id: string): { severity: Severity; meaning: string } | undefined {
  return Object.hasOwn(DIAGNOSTIC_RULES, id) ? DIAGNOSTIC_RULES[id as DiagnosticRule] : undefined;
}
