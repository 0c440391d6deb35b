/**
 * The spec's shape is written twice, as TypeScript (generator/ir/ir.ts) and as JSON Schema
 * (spec/spec.schema.json, what users validate against). This test ties them: walking both from the root
 * (`Spec`, the schema's `oneOf`), every object has the same property names, the same required ones, and
 * arrays and maps hold the same shapes. Change one without the other and it fails, naming the path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Project, type Type } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/pages.js';

type Schema = Record<string, unknown>;
const schema = JSON.parse(readFileSync(join(ROOT, 'spec/spec.schema.json'), 'utf8')) as Schema;

function deref(node: Schema): Schema {
  const ref = node.$ref as string | undefined;
  if (!ref) return node;
  const name = ref.replace('#/$defs/', '');
  return deref((schema.$defs as Record<string, Schema>)[name]!);
}

/** The branches of a schema node (its oneOf/anyOf), or the node itself. */
function branches(node: Schema): Schema[] {
  const n = deref(node);
  const alts = (n.oneOf ?? n.anyOf) as Schema[] | undefined;
  return alts ? alts.flatMap(branches) : [n];
}

interface Fields {
  all: Set<string>;
  required: Set<string>;
}

function schemaFields(node: Schema): Fields | undefined {
  const objects = branches(node).filter((b) => b.properties);
  if (!objects.length) return undefined;
  const all = new Set(objects.flatMap((b) => Object.keys(b.properties as Schema)));
  const required = new Set([...all].filter((k) => objects.every((b) => ((b.required as string[] | undefined) ?? []).includes(k))));
  return { all, required };
}

function schemaProperty(node: Schema, key: string): Schema[] {
  return branches(node).flatMap((b) => ((b.properties as Record<string, Schema> | undefined)?.[key] ? [(b.properties as Record<string, Schema>)[key]!] : []));
}

/** The object members of a TypeScript type (the branches of a union, undefined left out). */
function objectMembers(type: Type): Type[] {
  const parts = type.isUnion() ? type.getUnionTypes() : [type];
  return parts.filter((t) => (t.isObject() || t.isIntersection()) && !t.isArray() && t.getProperties().length > 0);
}

function tsFields(type: Type, at: Type): Fields | undefined {
  const members = objectMembers(type);
  if (!members.length) return undefined;
  const all = new Set(members.flatMap((m) => m.getProperties().map((p) => p.getName())));
  const required = new Set(
    [...all].filter((k) =>
      members.every((m) => {
        const p = m.getProperty(k);
        return p !== undefined && !p.isOptional() && !p.getTypeAtLocation(at.getSymbol()?.getDeclarations()[0] ?? p.getDeclarations()[0]!).isUndefined();
      }),
    ),
  );
  return { all, required };
}

function propertyType(type: Type, key: string): Type[] {
  return objectMembers(type).flatMap((m) => {
    const p = m.getProperty(key);
    const decl = p?.getDeclarations()[0];
    return p && decl ? [p.getTypeAtLocation(decl).getNonNullableType()] : [];
  });
}

function differences(): string[] {
  const project = new Project({ tsConfigFilePath: join(ROOT, 'tsconfig.json'), skipAddingFilesFromTsConfig: true });
  const ir = project.addSourceFileAtPath(join(ROOT, 'generator/ir/ir.ts'));
  const spec = ir.getTypeAliasOrThrow('Spec').getType();
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (type: Type, node: Schema, path: string) => {
    const key = `${type.getText()}|${JSON.stringify(deref(node)).slice(0, 200)}`;
    if (seen.has(key)) return;
    seen.add(key);
    const arrays = type.isArray() ? [type] : type.isUnion() ? type.getUnionTypes().filter((t) => t.isArray()) : [];
    const schemaArrays = branches(node).filter((b) => b.type === 'array' || (Array.isArray(b.type) && b.type.includes('array')) || b.items);
    if (arrays.length && schemaArrays.length) {
      const items = schemaArrays[0]!.items as Schema | undefined;
      if (items) walk(arrays[0]!.getArrayElementTypeOrThrow(), items, `${path}[]`);
      return;
    }
    if (arrays.length !== schemaArrays.length && (arrays.length === 0) !== (schemaArrays.length === 0)) {
      out.push(`${path}: ${arrays.length ? 'an array in ir.ts, not in the schema' : 'an array in the schema, not in ir.ts'}`);
      return;
    }
    const index = objectMembers(type)
      .map((m) => m.getStringIndexType())
      .find((t) => t !== undefined);
    const map = branches(node).find((b) => typeof b.additionalProperties === 'object');
    if (index && map) return walk(index, map.additionalProperties as Schema, `${path}{}`);
    const a = tsFields(type, type);
    const b = schemaFields(node);
    if (!a || !b) {
      if (a && !index) out.push(`${path}: an object in ir.ts, not in the schema`);
      return;
    }
    for (const k of a.all) if (!b.all.has(k)) out.push(`${path}.${k}: in ir.ts, not in the schema`);
    for (const k of b.all) if (!a.all.has(k)) out.push(`${path}.${k}: in the schema, not in ir.ts`);
    for (const k of a.required) if (b.all.has(k) && !b.required.has(k)) out.push(`${path}.${k}: required in ir.ts, optional in the schema`);
    for (const k of b.required) if (a.all.has(k) && !a.required.has(k)) out.push(`${path}.${k}: required in the schema, optional in ir.ts`);
    for (const k of a.all) {
      if (!b.all.has(k)) continue;
      const ts = propertyType(type, k);
      const js = schemaProperty(node, k);
      if (ts[0] && js[0]) walk(ts[0], js.length > 1 ? { oneOf: js } : js[0], `${path}.${k}`);
    }
  };
  walk(spec, schema, 'Spec');
  return out;
}

describe('the spec shape, in TypeScript and JSON Schema', () => {
  it('is the same in both', () => {
    expect(differences()).toEqual([]);
  });

  it('finds a property one side lacks, a required one the other makes optional, and a field of one union branch', () => {
    const saved = structuredClone(schema.$defs) as Schema;
    try {
      const defs = schema.$defs as Record<string, Schema & { properties: Schema; required: string[] }>;
      delete defs.diagnostic!.properties.hint;
      defs.source!.required = ['file', 'line'];
      defs.constraint!.properties.bogus = { type: 'string' };
      expect(differences()).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/\.hint: in ir\.ts, not in the schema$/),
          expect.stringMatching(/source\.column: required in ir\.ts, optional in the schema$/),
          expect.stringMatching(/constraints\[\]\.bogus: in the schema, not in ir\.ts$/),
        ]),
      );
    } finally {
      schema.$defs = saved;
    }
  });
});
