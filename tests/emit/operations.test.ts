/**
 * What generated code exports per operation beyond the request validator: the response body type and its
 * validator, and request body types whose "Required." properties are not optional on create pages.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as localtest from '../../generated/user-update/localtest.js';
import * as v1 from '../../generated/user-update/v1.0.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { pageRoot } from '../../cli/docs-root.js';
import { CORPUS, generateFile } from '../support/pages.js';
import { emit, golden } from '../support/generated.js';

describe('validateResponseBody', () => {
  it('localtest (200 with a user): checks types and documented values, accepts read-only and unlisted properties', () => {
    expect(localtest.validateResponseBody({ id: 'x', accountEnabled: true, '@odata.context': 'c', notOnThePage: 1 })).toEqual({ valid: true });
    const wrong = localtest.validateResponseBody({ accountEnabled: 'yes', ageGroup: 'Teen' });
    expect(wrong.valid).toBe(false);
    if (!wrong.valid)
      expect(wrong.errors.map((e) => [e.path, e.rule])).toEqual([
        ['/accountEnabled', 'type'],
        ['/ageGroup', 'allowed-values'],
      ]);
    expect(localtest.validateResponseBody([]).valid).toBe(false);
  });

  it('v1.0 (204 No Content): no body passes, a body does not', () => {
    expect(v1.validateResponseBody(undefined)).toEqual({ valid: true });
    const r = v1.validateResponseBody({ id: 'x' });
    expect(r.valid).toBe(false);
    if (!r.valid) expect(r.errors[0]!.source).toMatch(/user-update\.txt:\d+$/);
  });
});

const API = join(CORPUS, 'graph-docs-2021-07/api-reference/v1.0/api');

describe.skipIf(!existsSync(API))('generated code of create and list pages (2021 v1.0)', () => {
  // Named from the tree's root, as `docspec generate` names them: the goldens hold no folder of this machine.
  const specs = () =>
    ['group-post-groups.md', 'group-list.md'].map((f) => generateFile(join(API, f), resolve(API), undefined, pageRoot(join(API, f))) as OperationSpec);

  it('a create body requires its "Required." properties, a list response is a page of the resource; both compile', () => {
    const files = emit(specs());
    const create = files.find((f) => f.path === 'group-post-groups/v1.0.ts')!.text;
    const body = create.slice(create.indexOf('export interface RequestBody'), create.indexOf('\n}\n', create.indexOf('export interface RequestBody')));
    for (const name of ['displayName', 'mailEnabled', 'mailNickname', 'securityEnabled']) expect(body).toMatch(new RegExp(`\\n  ${name}: `));
    expect(body).toMatch(/\n {2}description\?: /);
    expect(create).toMatch(/export type ResponseBody = Group;/);
    const list = files.find((f) => f.path === 'group-list/v1.0.ts')!.text;
    expect(list).toMatch(/export type ResponseBody = \{ value: Group\[\]; '@odata\.nextLink'\?: string;/);
    // Goldens beside the hostile page's: `npm run typecheck` compiles them under the strict options (see
    // golden.test.ts), which costs less than a tsc of its own here.
    for (const page of ['group-post-groups', 'group-list']) {
      const text = files.find((f) => f.path === `${page}/v1.0.ts`)!.text;
      expect(text).toBe(golden(`tests/fixtures/emit/groups/${page}.ts`, text));
    }
  });
});
