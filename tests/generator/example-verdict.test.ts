/**
 * Each example its own validator refuses is a doc bug only when a second source agrees with the rule; else the
 * rule is suspect. Bundled pages: beta Update user's example 2 and the localtest page's placeholders.
 */
import { describe, expect, it } from 'vitest';
import { exampleVerdict } from '../../generator/pipeline/example-verdict.js';
import { buildContract } from '../../generator/emit/contract.js';
import { validateWith } from '../../generator/emit/runtime.js';
import type { Example, OperationSpec } from '../../generator/ir/ir.js';
import { generateSpec } from '../../generator/pipeline/generate.js';
import { loadSpec } from '../support/validators.js';

function verdict(spec: OperationSpec, ex: Example) {
  const r = validateWith(buildContract(spec), ex.request!.body);
  if (r.valid) throw new Error(`${ex.name} is valid`);
  return exampleVerdict(spec, ex, r.errors);
}

/** The v1.0 page with one example body swapped for `body`. */
function withBody(body: Record<string, unknown>): [OperationSpec, Example] {
  const spec = loadSpec('v1.0');
  const ex = structuredClone(spec.examples.find((e) => e.request?.body)!);
  ex.request!.body = body;
  return [spec, ex];
}

describe('exampleVerdict', () => {
  it('a property neither the table nor the resource page lists: a doc bug, at its line', () => {
    const spec = loadSpec('beta');
    const v = verdict(spec, spec.examples.find((e) => e.name === 'update_other_user')!);
    expect(v).toMatchObject({ verdict: 'doc-bug', rule: 'unknown-property', path: '/authorizationInfo', line: 216 });
    expect(v.why).toBe('neither the table nor the user resource page lists `authorizationInfo`');
  });

  it('a placeholder left where the page states a value: a doc bug', () => {
    const spec = loadSpec('localtest');
    expect(verdict(spec, spec.examples.find((e) => e.name === 'update_user')!)).toMatchObject({ verdict: 'doc-bug', rule: 'flag-set' });
  });

  it('an empty object where the page states a primitive type is a placeholder: a doc bug; a wrong primitive is not', () => {
    // v1.0 user-update's `accountEnabled` is a Boolean; the beta workbook pages write `"index": {}` so. Without
    // its resource page's list, the table alone states the type: only the placeholder makes it a doc bug.
    const alone = (body: Record<string, unknown>): [OperationSpec, Example] => {
      const [spec, ex] = withBody(body);
      delete spec.requestBody.resourceProperties;
      return [spec, ex];
    };
    expect(verdict(...alone({ accountEnabled: {} }))).toMatchObject({
      verdict: 'doc-bug',
      rule: 'type',
      path: '/accountEnabled',
      why: 'the example leaves an empty object `{}` where the page states a value of a primitive type',
    });
    expect(verdict(...alone({ accountEnabled: 'no' }))).toMatchObject({ verdict: 'rule-suspect', rule: 'type', path: '/accountEnabled' });
  });

  it('a nested value neither list of its values has: a doc bug (beta bookingbusiness-post-bookingbusinesses `address.type`)', () => {
    const pages: Record<string, string> = {
      physicaladdress: [
        '# physicalAddress resource type',
        '',
        '## Properties',
        '',
        '| Property | Type | Description |',
        '|:--|:--|:--|',
        '| type | [physicalAddressType](physicaladdresstype.md) | The type of address. Possible values are: `unknown`, `home`, `business`, `other`. |',
        '| city | String | The city. |',
        '',
      ].join('\n'),
      physicaladdresstype: [
        '# physicalAddressType enum type',
        '',
        '## Members',
        '',
        '| Member |',
        '|:--|',
        '| unknown |',
        '| home |',
        '| business |',
        '| other |',
        '',
      ].join('\n'),
    };
    const text = [
      '# Create bookingBusiness',
      '',
      '## HTTP request',
      '',
      '```http',
      'POST /bookingBusinesses',
      '```',
      '',
      '## Request body',
      '',
      '| Property | Type | Description |',
      '|:--|:--|:--|',
      '| address | [physicalAddress](../resources/physicaladdress.md) | The street address. |',
      '',
    ].join('\n');
    const r = generateSpec({
      file: 'beta/api/bookingbusiness-post-bookingbusinesses.md',
      text,
      resources: (name, link) => {
        const key = (link?.split('/').pop()?.replace(/\.md$/, '') ?? name).toLowerCase();
        const page = pages[key] ?? pages[name.toLowerCase()];
        return page ? { file: `beta/resources/${key}.md`, text: page } : undefined;
      },
    });
    const spec = (r.ok ? r.spec : undefined) as OperationSpec;
    const ex = {
      name: 'create',
      request: { method: 'POST', body: { address: { type: 'mall', city: 'Buffalo' } }, source: { file: 'x.md', line: 1, column: 1 } },
    } as unknown as Example;
    expect(verdict(spec, ex)).toMatchObject({ verdict: 'doc-bug', path: '/address/type', why: 'neither list of values has it' });
  });

  it('a property the resource page lists but the table does not: the closed reading of the table is suspect', () => {
    const [spec, ex] = withBody({ faxNumber: '+1 425 555 0100' });
    expect(spec.requestBody.resourceProperties).toContain('faxNumber');
    expect(verdict(spec, ex)).toMatchObject({ verdict: 'rule-suspect', rule: 'unknown-property' });
  });

  it('a value outside one list of values, or a rule one sentence states: suspect', () => {
    expect(verdict(...withBody({ usageLocation: 'USA' }))).toMatchObject({
      verdict: 'rule-suspect',
      rule: 'country-code',
      why: 'one sentence states the rule',
    });
  });

  it('an unknown property of a nested object: suspect (only its type page states its properties)', () => {
    expect(verdict(...withBody({ passwordProfile: { strength: 3 } }))).toMatchObject({ verdict: 'rule-suspect', path: '/passwordProfile/strength' });
  });
});

describe('placeholders', () => {
  it.each(['position-value', 'Mail value', 'notRecording | recording | failed', '{id}', '<value>', 'String'])('"%s" is a placeholder: a doc bug', (value) => {
    expect(verdict(...withBody({ ageGroup: value }))).toMatchObject({
      verdict: 'doc-bug',
      why: `the example leaves the placeholder "${value}" where the page states a value`,
    });
  });

  it('an empty value where the page lists the choices is a doc bug; a real value outside them is not', () => {
    expect(verdict(...withBody({ ageGroup: '' }))).toMatchObject({ verdict: 'doc-bug' });
    expect(verdict(...withBody({ ageGroup: 'Teen' }))).toMatchObject({ verdict: 'rule-suspect' });
  });
});
