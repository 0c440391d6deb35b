/** The CSDL reader and docs-vs-metadata drift, against Microsoft's own v1.0 metadata when the corpus is at hand. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allProperties, CsdlError, type CsdlType, findType, readCsdl } from '../../generator/read/csdl.js';
import type { DriftChange } from '../../generator/diff/change.js';
import { diffDocsVsMetadata } from '../../generator/diff/metadata-diff.js';
import { bundled, CORPUS, lineOf } from '../support/pages.js';

const SMALL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="thing" BaseType="graph.entity" OpenType="true">
        <Property Name="tags" Type="Collection(Edm.String)" Nullable="false" />
        <Property Name="owner" Type="graph.person">
          <Annotation Term="Org.OData.Core.V1.Description" String="not a property" />
        </Property>
        <NavigationProperty Name="children" Type="Collection(graph.thing)" />
      </EntityType>
      <ComplexType Name="person"><Property Name="name" Type="Edm.String" /></ComplexType>
      <EnumType Name="colour"><Member Name="red" Value="0" /><Member Name="blue" Value="1" /></EnumType>
    </Schema>
    <Schema Namespace="microsoft.graph.other" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="thing"><Property Name="x" Type="Edm.Int32" /></EntityType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;

describe('readCsdl', () => {
  const model = readCsdl({ file: 'small.csdl', text: SMALL });

  it('reads structural properties with their lines, nullability and base types (aliases expanded)', () => {
    const thing = model.types.get('microsoft.graph.thing')!;
    expect(thing).toMatchObject({ kind: 'EntityType', baseType: 'microsoft.graph.entity', open: true, line: 9 });
    expect(allProperties(model, thing).map((p) => [p.name, p.type, p.nullable, p.line, p.column])).toEqual([
      ['id', 'Edm.String', false, 7, 9],
      ['tags', 'Collection(Edm.String)', false, 10, 9],
      ['owner', 'graph.person', true, 11, 9],
    ]);
    expect(model.types.get('microsoft.graph.colour')?.members).toEqual(['red', 'blue']);
  });

  it('finds a type by full name, and refuses a bare name two namespaces share', () => {
    expect((findType(model, 'microsoft.graph.other.thing') as CsdlType).properties.map((p) => p.name)).toEqual(['x']);
    expect((findType(model, 'thing') as CsdlType[]).map((t) => t.fullName)).toEqual(['microsoft.graph.thing', 'microsoft.graph.other.thing']);
    expect(findType(model, 'nothing')).toBeUndefined();
  });

  it('reports malformed XML with its line', () => {
    const broken = SMALL.replace('<Property Name="tags" Type="Collection(Edm.String)" Nullable="false" />', '<Property Name="tags" Type="x">');
    let error: unknown;
    try {
      readCsdl({ file: 'broken.csdl', text: broken });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsdlError);
    expect((error as CsdlError).line).toBeGreaterThanOrEqual(9);
    expect(() => readCsdl({ file: 'x.xml', text: '<root/>' })).toThrow(/no EntityType/);
  });
});

const V1_CSDL = join(CORPUS, 'graph-metadata/v1.0-Prod.csdl');

describe.skipIf(!existsSync(V1_CSDL))('docs vs Microsoft metadata (v1.0-Prod.csdl)', () => {
  // Read in beforeAll, not while collecting: a skipped block's body still runs, and the corpus may be absent.
  let model: ReturnType<typeof readCsdl>;
  let r: ReturnType<typeof diffDocsVsMetadata>;
  beforeAll(() => {
    model = readCsdl({ file: V1_CSDL, text: readFileSync(V1_CSDL, 'utf8') });
    r = diffDocsVsMetadata(bundled('v1.0'), model, findType(model, 'microsoft.graph.user') as CsdlType);
  });
  const change = (kind: DriftChange['kind'], subject: string) => r.changes.find((c) => c.kind === kind && c.subject === subject);
  const csdlLine = (c: DriftChange | undefined) => readFileSync(V1_CSDL, 'utf8').split('\n')[c!.b!.line - 1]!;

  it('ageGroup and consentProvidedForMinor: an enum in the docs, Edm.String in the metadata', () => {
    for (const name of ['ageGroup', 'consentProvidedForMinor']) {
      const c = change('type-disagrees', name);
      expect(c, name).toMatchObject({ before: `${name} (enum)`, after: 'Edm.String', breaking: { client: false, server: true } });
      expect(csdlLine(c)).toContain(`<Property Name="${name}" Type="Edm.String"`);
      expect(lineOf(c!.a!.file, c!.a!.line)).toMatch(/Allowed values/);
    }
  });

  it('usageLocation: not nullable in the docs, nullable in the metadata', () => {
    const c = change('nullability-disagrees', 'usageLocation');
    expect(c).toMatchObject({ before: 'not nullable', after: 'nullable' });
    expect(csdlLine(c)).toContain('<Property Name="usageLocation" Type="Edm.String" />');
    expect(lineOf(c!.a!.file, c!.a!.line)).toMatch(/not nullable/i);
  });

  it('reports metadata-only properties without a breaking flag, and no docs-only ones for v1.0', () => {
    const metadataOnly = r.changes.filter((c) => c.kind === 'metadata-only');
    expect(metadataOnly.map((c) => c.subject)).toEqual(expect.arrayContaining(['id', 'assignedPlans', 'signInActivity']));
    for (const c of metadataOnly) expect(c.breaking).toEqual({ client: false, server: false });
    expect(r.changes.filter((c) => c.kind === 'docs-only')).toEqual([]);
  });
});
