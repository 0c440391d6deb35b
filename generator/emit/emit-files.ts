/**
 * Spec → TypeScript with ts-morph: per variant, the request body interface (every property optional, PATCH
 * semantics), interfaces for the resolved complex types, documented format aliases, the validator contract
 * and `validateRequestBody`. Built as structures and printed once; doc text only ever enters the output
 * through JSDoc (escaped) or JSON string literals.
 */
import {
  type InterfaceDeclarationStructure,
  type JSDocStructure,
  type OptionalKind,
  Project,
  type PropertySignatureStructure,
  type StatementStructures,
  StructureKind,
  VariableDeclarationKind,
} from 'ts-morph';
import type { OperationSpec, Property, Spec, TypeRef } from '../ir/ir.js';
import { describeConstraint } from '../ir/describe-constraint.js';
import { isAnyJson, isNumeric, jsonKind } from '../ir/primitives.js';
import { bindingRequired, isEnforced, presenceEnforced } from '../ir/enforced.js';
import { allowedValues } from '../ir/enum-values.js';
import { successResponse } from '../ir/responses.js';
import { buildContract, buildResponseContract, typeContracts } from './contract.js';
import type { Contract } from './runtime.js';
import { type EmittedFile, header, runtimeFile } from './emitted-file.js';
import { jsdocText, namespaceIdentifier, propertyKey, typeIdentifier, variantFileName } from './names.js';
import { sourceRef } from '../ir/source-ref.js';

export type { EmittedFile } from './emitted-file.js';
export { runtimeFile } from './emitted-file.js';

const FORMAT_ALIASES: Record<string, { alias: string; doc: string }> = {
  DateTimeOffset: { alias: 'DateTimeOffset', doc: 'ISO 8601 date and time with a UTC offset, e.g. `2014-01-01T00:00:00Z`.' },
  Guid: { alias: 'Guid', doc: 'A GUID, e.g. `4562bcc8-c436-4f95-b7c0-4f8ce89dca5e`.' },
  Date: { alias: 'DateOnly', doc: 'ISO 8601 calendar date, e.g. `2014-01-01`.' },
  TimeOfDay: { alias: 'TimeOfDay', doc: 'Time of day, e.g. `14:30:00`.' },
  Duration: { alias: 'Duration', doc: 'ISO 8601 duration, e.g. `PT1H30M`.' },
};

/**
 * Emits `generated/` for the operation specs: one file per variant, `runtime.ts` (the validator runtime,
 * given as source text) and `index.ts` re-exporting each variant under its own name.
 */
export function emitFiles(specs: Spec[], runtimeSource: string): EmittedFile[] {
  const ops = specs.filter((s): s is OperationSpec => s.kind === 'operation');
  if (ops.length === 0) return [];
  const sorted = [...ops].sort((a, b) => `${a.operation}/${a.variant}`.localeCompare(`${b.operation}/${b.variant}`));
  return [runtimeFile(runtimeSource), ...sorted.map((spec) => variantFile(spec)), indexFile(sorted)];
}

let shared: Project | undefined;

/** One in-memory project for every file this module prints; files are removed from it once printed. */
function project(): Project {
  shared ??= new Project({ useInMemoryFileSystem: true, manipulationSettings: { indentationText: '  ' as never } });
  return shared;
}

/**
 * One variant's file, `<operation>/<variant>.ts`. Files are printed one at a time and dropped from the
 * in-memory project afterwards, so emitting thousands of them keeps memory flat.
 */
export function variantFile(spec: OperationSpec): EmittedFile {
  const path = `${spec.operation}/${variantFileName(spec.variant)}`;
  const file = project().createSourceFile(path, { statements: variantStatements(spec) }, { overwrite: true });
  const text = `${header(`${oneLine(spec.page.file)} (${oneLine(spec.variant)})`)}\n${file.getFullText()}`;
  project().removeSourceFile(file);
  return { path, text };
}

/** `index.ts`: every variant re-exported under its own namespace name, in a stable order. */
export function indexFile(entries: Pick<Spec, 'operation' | 'variant'>[]): EmittedFile {
  const sorted = [...entries].sort((a, b) => `${a.operation}/${a.variant}`.localeCompare(`${b.operation}/${b.variant}`));
  const taken = new Set<string>();
  const exports: StatementStructures[] = sorted.map((e) => ({
    kind: StructureKind.ExportDeclaration,
    namespaceExport: unique(namespaceIdentifier(e.operation, e.variant), taken),
    moduleSpecifier: `./${e.operation}/${variantFileName(e.variant).replace(/\.ts$/, '.js')}`,
  }));
  const index = project().createSourceFile('index.ts', { statements: exports }, { overwrite: true });
  const text = `${header('the specs in spec/')}\n${index.getFullText()}`;
  project().removeSourceFile(index);
  return { path: 'index.ts', text };
}

/** In a docs tree two names can fold to one identifier (`a-b`, `a_b`); later ones get a numeric suffix. */
function unique(id: string, taken: Set<string>): string {
  let out = id;
  for (let n = 2; taken.has(out); n++) out = `${id}_${n}`;
  taken.add(out);
  return out;
}

function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function variantStatements(spec: OperationSpec): StatementStructures[] {
  const taken = new Set<string>();
  const typeIds = new Map<string, string>();
  for (const name of Object.keys(spec.types)) typeIds.set(name, typeIdentifier(name, taken));
  const aliases = new Set<string>();
  const ctx = { spec, typeIds, aliases };
  const presence = presenceEnforced(spec.http.method);

  const body: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: 'RequestBody',
    isExported: true,
    docs: [
      {
        description: jsdocText(
          `Request body of ${spec.http.method} ${spec.http.paths.map((p) => p.template).join(', ')} — "${spec.title}" (${spec.variant}).\n` +
            (presence ? 'Properties the docs mark "Required." must be sent; the others are optional.' : 'Every property is optional: send only what changes.'),
        ),
        tags: spec.requestBody.source ? [{ tagName: 'see', text: jsdocText(sourceRef(spec.requestBody.source) ?? '') }] : [],
      },
    ],
    properties: spec.requestBody.properties.map((p) => propertySignature(p, ctx, bindingRequired(p, spec.http.method) !== undefined)),
    indexSignatures: [
      // Instance annotations such as `@odata.type` are always accepted.
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a TypeScript template literal type, emitted as written
      { keyName: 'annotation', keyType: '`${string}@${string}`', returnType: 'unknown' },
      ...(spec.requestBody.extensions.allowed
        ? [
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a TypeScript template literal type, emitted as written
            { keyName: 'schemaExtension', keyType: '`ext${string}_${string}`', returnType: 'unknown' },
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a TypeScript template literal type, emitted as written
            { keyName: 'directoryExtension', keyType: '`extension_${string}_${string}`', returnType: 'unknown' },
          ]
        : []),
    ],
  };

  const typeDecls: StatementStructures[] = [];
  for (const [name, def] of Object.entries(spec.types)) {
    const id = typeIds.get(name)!;
    const docs: OptionalKind<JSDocStructure>[] = [
      {
        description: jsdocText(`The \`${name}\` ${def.kind} type${def.kind === 'complex' && def.open ? ' (open: any property may be added)' : ''}.`),
        tags: def.source ? [{ tagName: 'see', text: jsdocText(sourceRef(def.source) ?? '') }] : [],
      },
    ];
    if (def.kind === 'enum') {
      typeDecls.push({
        kind: StructureKind.TypeAlias,
        name: id,
        isExported: true,
        docs: def.flags
          ? [
              {
                ...docs[0],
                description: jsdocText(`The \`${name}\` flags enum type: a comma-separated set of its members, ${def.values.join(', ')}.`),
              },
            ]
          : docs,
        // A flags enum's value lists members (`"apps,tabs"`): any string the validator's flag check allows.
        type: def.values.length && !def.flags ? def.values.map((v) => JSON.stringify(v)).join(' | ') : 'string',
      });
      continue;
    }
    typeDecls.push({
      kind: StructureKind.Interface,
      name: id,
      isExported: true,
      docs,
      properties: def.properties.map((p) => propertySignature(p, ctx)),
      indexSignatures: def.open
        ? [{ keyName: 'key', keyType: 'string', returnType: 'unknown' }]
        : // biome-ignore lint/suspicious/noTemplateCurlyInString: a TypeScript template literal type, emitted as written
          [{ keyName: 'annotation', keyType: '`${string}@${string}`', returnType: 'unknown' }],
    });
  }

  const aliasDecls: StatementStructures[] = [...aliases].sort().map((primitive) => ({
    kind: StructureKind.TypeAlias,
    name: FORMAT_ALIASES[primitive]!.alias,
    isExported: true,
    docs: [{ description: FORMAT_ALIASES[primitive]!.doc }],
    type: 'string',
  }));

  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '../runtime.js',
      namedImports: [
        { name: 'Contract', isTypeOnly: true },
        { name: 'ValidateOptions', isTypeOnly: true },
        { name: 'ValidationResult', isTypeOnly: true },
        { name: 'validateWith' },
      ],
    },
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '../runtime.js',
      namedExports: ['ValidateOptions', 'ValidationIssue', 'ValidationResult'],
    },
    body,
    ...typeDecls,
    ...aliasDecls,
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: [{ description: "The complex types' contracts, shared by the request and response validators." }],
      // JSON is a safe serialisation of any doc text into a TypeScript expression.
      declarations: [{ name: 'types', type: "Contract['types']", initializer: JSON.stringify(typeContracts(spec), null, 2) }],
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: [{ description: 'What the validator checks, from the spec. Plain data; keys are kept in arrays, never as object keys.' }],
      // JSON is a safe serialisation of any doc text into a TypeScript expression.
      declarations: [{ name: 'contract', type: 'Contract', initializer: withSharedTypes(buildContract(spec)) }],
    },
    ...responseStatements(spec, typeIds),
    {
      kind: StructureKind.Function,
      name: 'validateRequestBody',
      isExported: true,
      docs: [
        {
          description:
            'Checks a request body against every constraint the docs demand, collecting all errors; never throws.\n' +
            'Each error names the rule and the `file:line` of the docs sentence or table row behind it.\n' +
            'Rules the docs only advise ("should", "The URL for …") are checked only with `{ strict: true }`.',
        },
      ],
      parameters: [
        { name: 'body', type: 'unknown' },
        { name: 'options', type: 'ValidateOptions', initializer: '{}' },
      ],
      returnType: 'ValidationResult',
      statements: ['return validateWith(contract, body, options);'],
    },
  ];
}

/** A contract literal that refers to the shared `types` constant instead of repeating it. */
function withSharedTypes(contract: Contract): string {
  const { types: _, ...rest } = contract;
  return `{ ...${JSON.stringify(rest, null, 2)}, types }`;
}

/**
 * `ResponseBody` and `validateResponseBody`: the resource type the Response section names (a `{ value }` page
 * of them for a list), checked against its page's value rules; `undefined` when the docs promise no body.
 */
function responseStatements(spec: OperationSpec, typeIds: Map<string, string>): StatementStructures[] {
  const success = successResponse(spec.responses);
  const contract = buildResponseContract(spec);
  const id = success?.bodyType ? typeIds.get(success.bodyType) : undefined;
  const where = success ? ` (${success.status} ${success.statusText}, ${sourceRef(success.source) ?? ''})` : '';
  const [type, doc] =
    contract && id
      ? success!.bodyCollection
        ? [
            `{ value: ${id}[]; '@odata.nextLink'?: string; [annotation: \`\${string}@\${string}\`]: unknown }`,
            `A page of \`${success!.bodyType}\` objects${where}.`,
          ]
        : [id, `The \`${success!.bodyType}\` object the docs promise${where}.`]
      : success && !success.bodyType
        ? ['undefined', `The docs promise no response body${where}.`]
        : ['unknown', 'The docs name no response body type.'];
  const statements: StatementStructures[] = [
    { kind: StructureKind.TypeAlias, name: 'ResponseBody', isExported: true, docs: [{ description: jsdocText(doc) }], type },
  ];
  if (contract)
    statements.push({
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: [{ description: 'What the response validator checks: the response type, open to properties its page does not list.' }],
      declarations: [{ name: 'responseContract', type: 'Contract', initializer: withSharedTypes(contract) }],
    });
  statements.push({
    kind: StructureKind.Function,
    name: 'validateResponseBody',
    isExported: true,
    docs: [
      {
        description: contract
          ? 'Checks a success response body against the type the docs name and its documented value rules; never throws.'
          : type === 'undefined'
            ? 'Checks that a success response has no body, as the docs say; never throws.'
            : 'The docs name no response body type, so there is nothing to check: every body passes.',
      },
    ],
    parameters: [{ name: 'body', type: 'unknown' }],
    returnType: 'ValidationResult',
    statements: contract
      ? ['return validateWith(responseContract, body);']
      : type === 'undefined'
        ? [
            "if (body === undefined || body === null || body === '') return { valid: true };",
            `return { valid: false, errors: [{ path: '', rule: 'response-body', message: 'The docs promise no response body', source: ${JSON.stringify(success ? (sourceRef(success.source) ?? '') : '')} }] };`,
          ]
        : ['void body;', 'return { valid: true };'],
  });
  return statements;
}

interface Ctx {
  spec: OperationSpec;
  typeIds: Map<string, string>;
  aliases: Set<string>;
}

function propertySignature(p: Property, ctx: Ctx, required = false): OptionalKind<PropertySignatureStructure> {
  return {
    name: propertyKey(p.name),
    hasQuestionToken: !required,
    type: typeText(p, ctx),
    docs: [propertyDocs(p)],
  };
}

function typeText(p: Property, ctx: Ctx): string {
  // The values the validator allows: an enforced list in the description, with what the type page adds. An
  // advisory list ("should be one of") narrows nothing, and a type page alone gives the enum type's name.
  const described = p.constraints.some((c) => c.kind === 'enum' && isEnforced(c));
  const enumValues = described ? allowedValues(p, ctx.spec.types)?.values : undefined;
  const notNull = p.constraints.some((c) => c.kind === 'notNullable');
  let item: string;
  let allowsNull = !notNull;
  if (enumValues) {
    const literals = enumValues.filter((v) => v !== null).map((v) => JSON.stringify(v));
    item = literals.length ? literals.join(' | ') : 'never';
    allowsNull = !notNull && enumValues.includes(null);
  } else {
    item = baseType(p.type, ctx);
  }
  const t = p.type.collection ? `${item.includes('|') ? `(${item})` : item}[]` : item;
  return allowsNull ? `${t} | null` : t;
}

function baseType(type: TypeRef, ctx: Ctx): string {
  if (type.kind === 'primitive') {
    if (jsonKind(type.name) === 'boolean') return 'boolean';
    if (isNumeric(type.name)) return 'number';
    if (FORMAT_ALIASES[type.name]) {
      ctx.aliases.add(type.name);
      return FORMAT_ALIASES[type.name]!.alias;
    }
    return 'string';
  }
  if (isAnyJson(type.name)) return 'unknown';
  const id = ctx.typeIds.get(type.name);
  if (id) return id;
  if (type.resolution === 'enum') return 'string';
  return 'Record<string, unknown>';
}

function propertyDocs(p: Property): OptionalKind<JSDocStructure> {
  const lines = [p.description || '(No description in the docs.)'];
  if (p.constraints.length) {
    lines.push('');
    for (const c of p.constraints) lines.push(`- ${describeConstraint(c)} (\`${c.rule}\`, ${sourceRef(c.source) ?? ''})`);
  }
  return { description: jsdocText(lines.join('\n')), tags: [{ tagName: 'see', text: jsdocText(sourceRef(p.source) ?? '') }] };
}
