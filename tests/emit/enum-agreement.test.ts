/**
 * Generated types and validators allow the same values for every enumerated property: read back from the
 * emitted files, each property's TypeScript literal union against its validator's enum check. The corpus
 * run does the same over every page of the 2021 reference (tests/corpus/corpus-run.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enumAgreement } from '../support/enum-agreement.js';
import { ROOT } from '../support/pages.js';

const files = [
  ...readdirSync(join(ROOT, 'generated/user-update')).map((f) => join('generated/user-update', f)),
  ...readdirSync(join(ROOT, 'tests/fixtures/emit/groups')).map((f) => join('tests/fixtures/emit/groups', f)),
];

describe('types and validators', () => {
  it('allow the same values for every enum of the bundled outputs and the groups goldens', () => {
    let enums = 0;
    for (const file of files) {
      const r = enumAgreement(file, readFileSync(join(ROOT, file), 'utf8'));
      expect(r.disagreements).toEqual([]);
      enums += r.enums;
    }
    // ageGroup, and the groups pages' visibility, groupTypes and the like: the comparison is not empty.
    expect(enums).toBeGreaterThan(5);
  });

  it('a type narrower than its validator is found', () => {
    const file = 'generated/user-update/v1.0.ts';
    const text = readFileSync(join(ROOT, file), 'utf8').replace('ageGroup?: "Minor" | "NotAdult" | "Adult" | null;', 'ageGroup?: "Minor" | "Adult" | null;');
    expect(enumAgreement(file, text).disagreements).toEqual([`${file} RequestBody.ageGroup: type allows {Adult, Minor}, validator {Adult, Minor, NotAdult}`]);
  });
});
