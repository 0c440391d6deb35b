/**
 * Page model → operation spec. Pure: resource pages come through the given loader, never from disk here.
 */
import { allBlocks, type Block, type PageModel, sectionBlocks } from '../read/page-model.js';
import { diagnostic, sortDiagnostics } from '../ir/diagnostic.js';
import {
  type Diagnostic,
  type ExtensionsSpec,
  type OperationSpec,
  type Property,
  type PartialUpdate,
  type PropertyGroup,
  type ResponseSpec,
  SPEC_FORMAT_VERSION,
} from '../ir/ir.js';
import { checkExamples } from './example-check.js';
import { readExamples } from './examples.js';
import { matchesTemplate } from '../ir/path-templates.js';
import { readHeaders, readHttpRequest, readResponses, reconcileParams, templateParams } from './http.js';
import { pageOperation, variantName } from './naming.js';
import { attachPermissionNotes, readPermissions } from './permissions.js';
import { isPropertyTable, readPropertyTable } from './property-table.js';
import { EXTENSION_NAME_PATTERNS } from './rules/extensions.rule.js';
import { EXTENSION_RULES, GROUP_RULES, PARTIAL_UPDATE_RULE } from './rules/registry.js';
import { sentencesOf } from './sentences.js';
import { bodyFromExample } from './example-body.js';
import { proseOf } from './prose.js';
import { readRequiredQuery } from './required-query.js';
import { bodyFromResource, readExisting, readOtherWritable, readRepresentation, requireNamed, requireTabled, restrictFromNotes } from './body-definition.js';
import { fillFromResource } from './resource-fill.js';
import { checkReadOnlyInRequest, resourceReadOnly, resourceType } from './resource-read-only.js';
import { type ResourceLoader, TypeRegistry } from './type-registry.js';

export interface ExtractOptions {
  operation?: string;
  variant?: string;
  resources?: ResourceLoader;
}

export function extractOperation(page: PageModel, options: ExtractOptions = {}): OperationSpec {
  const diagnostics: Diagnostic[] = [...page.diagnostics];
  const bodyBlocks = sectionBlocks(page, /^Request body$/i);

  const tables = allBlocks(bodyBlocks).filter(isPropertyTable);
  const properties: Property[] = [];
  // A set, not a scan of the list: a 10,000-row table spent a quarter of its time in this check.
  const names = new Set<string>();
  for (const t of tables) {
    for (const p of readPropertyTable(t, diagnostics)) {
      if (names.has(p.name)) {
        diagnostics.push(diagnostic('duplicate-property', 'warning', `Property \`${p.name}\` is listed twice; the first row is used`, p.source));
        continue;
      }
      names.add(p.name);
      properties.push(p);
    }
  }
  const bodySection = page.sections.find((s) => /^Request body$/i.test(s.title));
  if (tables.length === 0) {
    diagnostics.push(
      diagnostic(
        'no-property-table',
        'info',
        'The request body has no Property/Type/Description table; the body is described only in prose or examples',
        bodySection?.pos ?? { file: page.file, line: 1, column: 1 },
      ),
    );
  }

  const titleWords = page.title.split(/\s+/).slice(1).join(' ');
  const resource = titleWords && titleWords.charAt(0).toLowerCase() + titleWords.slice(1);
  const resourceDef = resource ? resourceType(options.resources, resource) : undefined;
  const readOnly = resourceReadOnly(resourceDef);
  if (readOnly) diagnostics.push(...checkReadOnlyInRequest(properties, readOnly, resource));
  if (resourceDef) fillFromResource(properties, resourceDef);

  const registry = new TypeRegistry(options.resources, diagnostics);
  registry.resolveProperties(properties);
  // The response body's type comes from its resource page too, so `spec.types` describes both bodies.
  const responseLinks = new Map<ResponseSpec, string>();
  const responses = readResponses(page, responseLinks);
  for (const r of responses) {
    if (!r.bodyType) continue;
    const def = registry.load(r.bodyType, 0, responseLinks.get(r));
    if (def?.kind === 'complex') r.bodyType = def.name;
  }

  const groups = readGroups(bodyBlocks, properties, diagnostics);
  const extensions = readExtensions(bodyBlocks);
  const partialUpdate = readPartialUpdate(bodyBlocks);

  const http = readHttpRequest(page);
  const examples = readExamples(page, diagnostics);
  // A Response section that states no success status leaves it to the example response's status line.
  if (!responses.some((r) => r.status >= 200 && r.status < 400)) {
    const shown = examples.find((e) => e.response?.status !== undefined && e.response.status >= 200 && e.response.status < 400)?.response;
    if (shown) responses.unshift({ status: shown.status!, statusText: shown.startLine.replace(/^HTTP\/[\d.]+\s+\d{3}\s*/i, ''), source: shown.source });
  }
  const stated = http.method ?? examples.find((e) => e.request?.method)?.request?.method;
  const method = stated ?? 'PATCH';
  if (!stated)
    diagnostics.push(
      diagnostic(
        'method-unstated',
        'warning',
        'The page states no HTTP request line and no example request; PATCH is assumed',
        sectionBlocks(page, /^HTTP request$/i)[0]?.pos ?? { file: page.file, line: 1, column: 1 },
        'Add the request line (`POST /path`) in an http block under "HTTP request"',
      ),
    );
  for (const ex of examples) {
    const req = ex.request;
    if (!req?.path || req.method !== method) continue;
    if (http.paths.some((p) => matchesTemplate(req.path!, p.template))) continue;
    http.paths.push({ template: req.path, params: templateParams(req.path), origin: 'example', source: req.source });
  }
  reconcileParams(
    http.paths,
    examples.flatMap((e) => (e.request?.path && e.request.method === method ? [e.request.path] : [])),
  );

  // No table: the body is the resource the section names, else the example body shows its shape.
  // A reference add (`POST …/members/$ref`) sends `@odata.id`, whatever resource the sentence names.
  const addsReference = http.paths.length > 0 && http.paths.every((p) => /\/\$ref$/.test(p.template));
  const representation =
    tables.length === 0 && !addsReference ? readRepresentation(bodyBlocks) : resource ? readOtherWritable(bodyBlocks, resource) : undefined;
  const represented = representation ? resourceType(options.resources, representation.resource, representation.link) : undefined;
  // With a table, the resource adds only what the table does not list: a row says more of its property.
  const fromResource = represented ? bodyFromResource(represented, method).filter((p) => !names.has(p.name)) : undefined;
  if (fromResource?.length) {
    properties.push(...fromResource);
    registry.resolveProperties(fromResource);
    // The resource's own type, with its relationships, travels in the spec (the contract accepts them nested).
    registry.load(represented!.name, 0, representation!.link);
  }
  const exampleBody = tables.length === 0 && !fromResource?.length ? bodyFromExample(examples, method) : undefined;
  if (exampleBody) properties.push(...exampleBody.properties);
  requireNamed(bodyBlocks, properties);
  const references = readExisting(bodyBlocks, properties);
  const query = readRequiredQuery(page);
  if (tables.length)
    requireTabled(bodyBlocks, properties, method, examples.find((e) => e.request?.method === method && e.request.body !== undefined)?.request?.body);
  restrictFromNotes([...page.intro, ...bodyBlocks], properties, method);

  const permissions = readPermissions(page, diagnostics);
  attachPermissionNotes(page, properties);
  // Only a table can show an example wrong: properties read from the first example say nothing of the others.
  const body = fromResource?.length && represented ? { resource: represented.name, relationships: represented.relationships ?? [] } : undefined;
  const bodyType = fromResource?.length && represented ? represented.name : resource || undefined;
  diagnostics.push(...checkExamples(examples, method, exampleBody ? [] : properties, registry.types, extensions, body, bodyType));

  const exampleUrls = examples.flatMap((e) => (e.request?.url ? [e.request.url] : []));
  const spec: OperationSpec = {
    formatVersion: SPEC_FORMAT_VERSION,
    kind: 'operation',
    operation: options.operation ?? pageOperation(page.file, page.title),
    variant: options.variant ?? variantName(page, exampleUrls),
    title: page.title,
    description: pageDescription(page),
    page: { file: page.file, format: page.format, includes: page.includes.map(({ target, resolved }) => ({ target, resolved })) },
    http: { method, paths: http.paths, ...(query.length ? { query } : {}) },
    headers: readHeaders(page),
    requestBody: { properties, groups, extensions },
    types: sortedTypes(registry.types),
    responses,
    examples,
    permissions,
    diagnostics: sortDiagnostics(diagnostics),
  };
  if (resource) spec.requestBody.resource = resource;
  // Validator errors about the body as a whole point here: the table, or the section when there is none.
  const bodyPos = tables[0]?.pos ?? bodySection?.pos;
  if (bodyPos) spec.requestBody.source = bodyPos;
  if (partialUpdate) spec.requestBody.partialUpdate = partialUpdate;
  if (readOnly) spec.requestBody.resourceReadOnly = readOnly;
  // What the resource page lists says whether a property an example sends is a doc bug or the table's gap.
  if (resourceDef) spec.requestBody.resourceProperties = [...resourceDef.properties.map((p) => p.name), ...(resourceDef.relationships ?? [])];
  if (exampleBody) spec.requestBody.fromExample = exampleBody.from;
  if (references.length) spec.requestBody.references = references;
  if (representation && fromResource?.length) {
    const { link: _, ...reference } = representation;
    spec.requestBody.fromResource = reference;
    spec.requestBody.resource = represented!.name;
    // The title names no resource page ("Create chatMessage in a channel"): the one the body is made of says
    // what the resource holds and what of it is read-only.
    if (!resourceDef) {
      const statements = resourceReadOnly(represented);
      if (statements) spec.requestBody.resourceReadOnly = statements;
      spec.requestBody.resourceProperties = [...represented!.properties.map((p) => p.name), ...(represented!.relationships ?? [])];
    }
  }
  return spec;
}

function pageDescription(page: PageModel): string {
  const fm = page.frontMatter.description;
  if (typeof fm === 'string') return fm;
  const first = page.intro.find((b) => b.kind === 'paragraph' && !/^Namespace:/i.test(b.text));
  return first && first.kind === 'paragraph' ? first.text : '';
}

function readGroups(blocks: Block[], properties: Property[], diagnostics: Diagnostic[]): PropertyGroup[] {
  const out: PropertyGroup[] = [];
  const names = new Set(properties.map((p) => p.name));
  for (const inline of proseOf(blocks)) {
    for (const s of sentencesOf(inline)) {
      for (const rule of GROUP_RULES) {
        const found = rule.mine(s.text);
        if (!found) continue;
        const source = { file: inline.pos.file, line: s.line, column: s.column };
        for (const m of found.members.filter((m) => !names.has(m))) {
          diagnostics.push(diagnostic('group-unknown-property', 'warning', `Note names \`${m}\`, which the property table does not list`, source));
        }
        out.push({ kind: found.kind, rule: rule.id, members: found.members, sentence: s.text, source });
      }
    }
  }
  return out;
}

function readExtensions(blocks: Block[]): ExtensionsSpec {
  const ext: ExtensionsSpec = { allowed: false, nullRemoves: false, namePatterns: [] };
  for (const inline of proseOf(blocks)) {
    for (const s of sentencesOf(inline)) {
      if (!ext.allowed && EXTENSION_RULES.allowed.mine(s.text)) {
        ext.allowed = true;
        ext.sentence = s.text;
        ext.source = { file: inline.pos.file, line: s.line, column: s.column };
      }
      if (EXTENSION_RULES.nullRemoves.mine(s.text)) ext.nullRemoves = true;
    }
  }
  if (ext.allowed) ext.namePatterns = [...EXTENSION_NAME_PATTERNS];
  return ext;
}

function readPartialUpdate(blocks: Block[]): PartialUpdate | undefined {
  for (const inline of proseOf(blocks)) {
    for (const s of sentencesOf(inline)) {
      if (PARTIAL_UPDATE_RULE.mine(s.text))
        return { rule: PARTIAL_UPDATE_RULE.id, sentence: s.text, source: { file: inline.pos.file, line: s.line, column: s.column } };
    }
  }
  return undefined;
}

function sortedTypes<T>(types: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(types).sort(([a], [b]) => a.localeCompare(b)));
}
