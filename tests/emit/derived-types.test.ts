/**
 * An object whose `@odata.type` names a type other than the docs give it (a derived type, whose page is not at
 * hand) may hold more properties: the validator and the JSON Schema export both accept them, and both still
 * refuse an unlisted property of an object that names the documented type or none.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildContract } from '../../generator/emit/contract.js';
import { requestBodySchema, SOURCE_KEYWORD } from '../../generator/emit/json-schema.js';
import { validateWith } from '../../generator/emit/runtime.js';
import { loadSpec } from '../support/validators.js';

const spec = loadSpec('v1.0');
const contract = buildContract(spec);
const ajv = new Ajv2020.default({ strict: true, allErrors: false, validateFormats: false });
ajv.addVocabulary([SOURCE_KEYWORD]);
const schema = ajv.compile(requestBodySchema(spec));

const cases: [string, Record<string, unknown>, boolean][] = [
  ['a derived type of the body', { '@odata.type': '#microsoft.graph.specialUser', specialty: 1 }, true],
  ['the documented type, in another letter case', { '@odata.type': '#microsoft.graph.User', specialty: 1 }, false],
  ['no @odata.type', { specialty: 1 }, false],
  ['a derived type of a nested object', { passwordProfile: { '@odata.type': '#microsoft.graph.strongPasswordProfile', strength: 3 } }, true],
  ['the nested type itself', { passwordProfile: { '@odata.type': '#microsoft.graph.passwordProfile', strength: 3 } }, false],
];

describe('derived types', () => {
  it.each(cases)('%s: the validator and the JSON Schema agree', (_, body, valid) => {
    const result = validateWith(contract, body);
    expect(result.valid).toBe(valid);
    if (!result.valid) expect(result.errors.map((e) => e.rule)).toEqual(['unknown-property']);
    expect(schema(body)).toBe(valid);
  });
});
