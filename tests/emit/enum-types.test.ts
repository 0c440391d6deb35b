/**
 * The generated type of an enum property allows exactly what its validator allows: an enforced list in the
 * description with the values its type page adds, and no narrowing from a list the docs only scope to a
 * condition (shown, never enforced).
 */
import { describe, expect, it } from 'vitest';
import { variantFile } from '../../generator/emit/emit-files.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { bundled } from '../support/pages.js';

/** The type the generated `RequestBody` gives `ageGroup`. */
function ageGroupType(spec: OperationSpec): string {
  const text = variantFile(spec).text;
  const body = text.slice(text.indexOf('export interface RequestBody'));
  return /\n\s+ageGroup\?: ([^;]+);/.exec(body)?.[1] ?? '';
}

describe('enum property types', () => {
  it('are the description values with the values the type page adds, as the validator allows', () => {
    const spec = bundled('v1.0');
    expect(ageGroupType(spec)).toBe('"Minor" | "NotAdult" | "Adult" | null');
    spec.types.ageGroup = { kind: 'enum', name: 'ageGroup', values: ['Minor', 'NotAdult', 'Adult', 'Senior'], source: spec.http.paths[0]!.source };
    expect(ageGroupType(spec)).toBe('"Minor" | "NotAdult" | "Adult" | "Senior" | null');
  });

  it('are not narrowed by a list the docs scope to a condition', () => {
    const spec = bundled('v1.0');
    const ageGroup = spec.requestBody.properties.find((p) => p.name === 'ageGroup')!;
    for (const c of ageGroup.constraints) if (c.kind === 'enum') c.condition = 'For Azure AD B2C accounts';
    expect(ageGroupType(spec)).not.toContain('"Minor"');
  });
});
