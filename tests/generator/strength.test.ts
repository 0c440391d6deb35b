/**
 * The strength of a rule's wording is data: "must", "Maximum length is", "Possible values are" bind; "should"
 * and a descriptive noun phrase advise. Sentences are from the Graph docs (v1.0 Update user and others).
 */
import { describe, expect, it } from 'vitest';
import { mineConstraints } from '../../generator/extract/constraints.js';
import { propertyContract } from '../../generator/emit/contract.js';
import { validateWith } from '../../generator/emit/runtime.js';
import { NONE } from '../../generator/diff/change.js';
import { diffConstraints } from '../../generator/diff/constraint-diff.js';
import { describeConstraint } from '../../generator/ir/describe-constraint.js';
import type { Property, TypeRef } from '../../generator/ir/ir.js';

const at = { file: 'user-update.md', line: 7, column: 1 };
const str: TypeRef = { kind: 'primitive', name: 'String', collection: false };
const mine = (text: string) => mineConstraints('p', str, { text, pos: at, links: [] } as unknown as Parameters<typeof mineConstraints>[2], at);

describe('strength', () => {
  it.each([
    'The SMTP address for the user, for example, "jeff@contoso.onmicrosoft.com".',
    "The URL for the user's personal site.",
    'The preferred language for the user. Should follow ISO 639-1 Code; for example "en-US".',
  ])('advisory: %s', (text) => {
    const formats = mine(text).filter((c) => c.kind === 'format');
    expect(formats).toHaveLength(1);
    expect(formats[0]!.strength).toBe('advisory');
  });

  it.each([
    'The city in which the user is located. Maximum length is 128 characters.',
    'Must be a valid URL.',
    'Possible values are: Minor, NotAdult and Adult.',
    'Required format: admin@contoso.com.',
  ])('binding: %s', (text) => {
    const found = mine(text);
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) expect(c).not.toHaveProperty('strength');
  });

  it('an advisory rule is shown in JSDoc and enforced by a validator only when strict; a binding one always', () => {
    const constraints = mine("The URL for the user's personal site. Maximum length is 128 characters.");
    const property: Property = { name: 'mySite', type: str, description: '', constraints, source: at };
    const checks = propertyContract(property, { types: {} }).checks;
    expect(checks.map((c) => [c.kind, c.advisory])).toEqual([
      ['maxLength', undefined],
      ['format', true],
    ]);
    const contract = { properties: [['mySite', propertyContract(property, { types: {} })] as const], types: [], groups: [], extensionPatterns: [], source: '' };
    expect(validateWith(contract, { mySite: 'my site' })).toEqual({ valid: true });
    expect(validateWith(contract, { mySite: 'my site' }, { strict: true })).toMatchObject({ valid: false, errors: [{ rule: 'prose-format' }] });
    expect(validateWith(contract, { mySite: 'x'.repeat(129) })).toMatchObject({ valid: false, errors: [{ rule: 'max-length' }] });
    const format = constraints.find((c) => c.kind === 'format')!;
    expect(describeConstraint(format)).toBe('Format: uri. Advised, not demanded (shown, not enforced).');
  });
});

describe('drift of strength', () => {
  it('a rule one version demands and the next only advises: the demand removed (breaks servers), the advice added (breaks nobody)', () => {
    const demanded = mine('Must be a valid URL.');
    const advised = mine('The URL of the site.');
    const changes = diffConstraints('site', demanded, advised);
    expect(changes.map((c) => [c.id, c.breaking === NONE])).toEqual([
      ['constraint-removed.format', false],
      ['constraint-added.format.advised', true],
    ]);
    expect(changes[1]!.after).toBe('format uri (advised)');
    expect(diffConstraints('site', advised, mine('The URL for the site.'))).toEqual([]);
  });
});
