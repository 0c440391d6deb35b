/** Every committed spec file, and every spec of the bundled pages, conforms to spec/spec.schema.json. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { bundled, ROOT } from '../support/pages.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'spec/spec.schema.json'), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

describe('spec format schema', () => {
  const files = readdirSync(join(ROOT, 'spec')).filter((f) => f.endsWith('.json') && f !== 'spec.schema.json');

  it.each(files)('%s conforms', (file) => {
    const ok = validate(JSON.parse(readFileSync(join(ROOT, 'spec', file), 'utf8')));
    expect(validate.errors ?? [], file).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a spec with a constraint missing its source', () => {
    const spec = structuredClone(bundled('v1.0'));
    const c = spec.requestBody.properties.find((p) => p.name === 'companyName')!.constraints[0]!;
    delete (c as Partial<typeof c>).source;
    expect(validate(spec)).toBe(false);
  });
});

describe('operation names', () => {
  it('the schema and the name check the CLI applies are one pattern, and inferred names always match it', async () => {
    const { OPERATION_NAME, operationName } = await import('../../generator/extract/naming.js');
    const schema = JSON.parse(readFileSync(join(ROOT, 'spec/spec.schema.json'), 'utf8'));
    const patterns = JSON.stringify(schema).match(/"operation":\{"type":"string","pattern":"([^"]+)"\}/g) ?? [];
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) expect(p).toContain(`"pattern":"${OPERATION_NAME.source}"`);
    expect(operationName('user: assignLicense')).toBe('user-assignlicense');
    // Corpus mode names an operation after its file; camelCase file names fold to the pattern too.
    const { operationFromFile } = await import('../../generator/extract/naming.js');
    expect(operationFromFile('educationsubmission-setupResourcesFolder.md')).toBe('educationsubmission-setupresourcesfolder');
    for (const f of ['user-update.md', 'dynamics-taxGroups-update.md', 'a_b c.md', '---.md']) expect(operationFromFile(f), f).toMatch(OPERATION_NAME);
    for (const title of ['Update user', '# ../../X', 'user: assignLicense', 'Mettre à jour', '---', '', 'Überprüfen', 'Get driveItem (beta)']) {
      expect(operationName(title), title).toMatch(OPERATION_NAME);
    }
  });

  it('a page named like an operation is that operation, whatever its title; another page is named by its title', async () => {
    const { pageOperation } = await import('../../generator/extract/naming.js');
    // v1.0 titles channel-patch.md "Update channel", beta "Patch channel": one operation in both.
    expect(pageOperation('v1.0/api/channel-patch.md', 'Update channel')).toBe('channel-patch');
    expect(pageOperation('beta/api/channel-patch.md', 'Patch channel')).toBe('channel-patch');
    expect(pageOperation('spec/sources/v1.0/user-update.txt', 'Update a user')).toBe('user-update');
    expect(pageOperation('C:\\docs\\educationsubmission-setupResourcesFolder.md', 'x')).toBe('educationsubmission-setupresourcesfolder');
    for (const file of ['page.md', 'notes/hello.txt', 'a-.md', 'user update.md']) expect(pageOperation(file, 'Update user'), file).toBe('user-update');
  });
});

describe('constraint kinds', () => {
  it('the schema names exactly the kinds of the registry, and exactly the formats the validator knows', async () => {
    const { CONSTRAINT_KINDS } = await import('../../generator/ir/constraint-kinds.js');
    const { FORMATS } = await import('../../generator/emit/runtime.js');
    const props = schema.$defs.constraint.properties;
    expect([...props.kind.enum].sort()).toEqual(Object.keys(CONSTRAINT_KINDS).sort());
    expect([...props.format.enum].sort()).toEqual(Object.keys(FORMATS).sort());
  });

  it('a spec with a kind the registry does not know fails the schema', () => {
    const spec = structuredClone(bundled('v1.0'));
    const c = spec.requestBody.properties.find((p) => p.name === 'companyName')!.constraints[0]!;
    (c as { kind: string }).kind = 'maxLenght';
    expect(validate(spec)).toBe(false);
  });
});
