/**
 * Resolves named types from the resource pages of the same docs version (`resources/<type>.md`): complex
 * types become `spec.types` entries with their own properties and constraints, enum type pages become enums,
 * and names with no page stay open objects with an `unresolved-type` diagnostic.
 */
import { type RefusedRead, readMarkdown } from '../read/markdown.js';
import { allBlocks, type Block, type PageModel, sectionBlocks } from '../read/page-model.js';
import { diagnostic } from '../ir/diagnostic.js';
import type { Constraint, Diagnostic, EnumType, Property, SourceRef, TypeDef } from '../ir/ir.js';
import { enumPageNames, enumSections } from './enum-sections.js';
import { isPropertyTable, readPropertyTable } from './property-table.js';
import { sourceRef } from '../ir/source-ref.js';
import { isAnyJson } from '../ir/primitives.js';

/** A resource page as a loader returns it; `page` is its model when the loader already has it parsed. */
export interface LoadedResource {
  file: string;
  text: string;
  page?: PageModel;
}

/**
 * Returns the resource page for a type name (or for a link target such as `../resources/x.md`); a page the
 * loader found but may not read (it leads out of the docs root) comes back refused.
 */
/** The enums page of a docs version (`enums.md`, `enums-<namespace>.md`). */
const ENUMS_PAGE = /(?:^|\/)enums(?:-[\w-]+)?\.md(?:#|$)/i;

export type ResourceLoader = (typeName: string, link?: string) => LoadedResource | RefusedRead | undefined;

/** A loaded page, or undefined for one that is missing or refused. */
export function readable(r: LoadedResource | RefusedRead | undefined): LoadedResource | undefined {
  return r && 'refused' in r ? undefined : r;
}

/** The model of a loaded resource page: parsed here unless the loader kept one. */
export function resourcePageModel(loaded: LoadedResource): PageModel {
  return loaded.page ?? readMarkdown({ file: loaded.file, text: loaded.text });
}

const MAX_DEPTH = 6;

export class TypeRegistry {
  readonly types: Record<string, TypeDef> = {};
  private readonly missing = new Set<string>();
  private readonly byLowerName = new Map<string, TypeDef>();
  /** Why the page of a type (by lower-case name) was not read, when the loader refused it. */
  private readonly refusals = new Map<string, string>();
  private readonly toldRefused = new Set<string>();

  constructor(
    private readonly loader: ResourceLoader | undefined,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** Resolves every named type used by these properties (and by the types they pull in). */
  resolveProperties(properties: Property[], depth = 0): void {
    for (const p of properties) this.resolveRef(p, depth);
  }

  /**
   * The complex type of a resource (e.g. `user`), loaded on demand. `link` is where the docs point for it (the
   * Type cell's link): tried first, and kept only when that page is about the type asked for.
   */
  load(name: string, depth = 0, link?: string): TypeDef | undefined {
    const key = name.toLowerCase();
    const known = this.byLowerName.get(key);
    if (known) return known;
    if (!this.loader || depth > MAX_DEPTH) return undefined;
    const linkKey = link ? `${key}\0${link}` : key;
    if (this.missing.has(linkKey)) return undefined;
    const loaded = (...args: [string, string?]) => {
      const r = this.loader!(...args);
      if (r && 'refused' in r) this.refusals.set(key, r.refused);
      return readable(r);
    };
    // A link into the enums page (`enums.md#channelmembershiptype-values`) is a section of it, not a page
    // about the type: that page, read whole, would make an empty complex type.
    let def = link && ENUMS_PAGE.test(link) ? undefined : this.fromPage(loaded(name, link), name);
    // A link to another type's page (a doc bug) must not define this one: look the name up instead.
    if (def && link && lastSegment(def.name) !== lastSegment(name)) def = this.fromPage(loaded(name), name);
    def ??= this.fromEnumPages(name);
    if (!def) {
      this.missing.add(linkKey);
      return undefined;
    }
    return this.register(key, def, depth);
  }

  /** Known from now on by the name asked for and its own; a complex type's properties are resolved in turn. */
  private register(key: string, def: TypeDef, depth: number): TypeDef {
    this.types[def.name] = def;
    this.byLowerName.set(key, def);
    this.byLowerName.set(def.name.toLowerCase(), def);
    if (def.kind === 'complex') this.resolveProperties(def.properties, depth + 1);
    return def;
  }

  /** An enum documented as a section of `resources/enums.md` (or `enums-<namespace>.md`). */
  private fromEnumPages(name: string): TypeDef | undefined {
    const bare = name.replace(/^microsoft\.graph\./i, '');
    return this.fromSections(enumPageNames(bare), bare);
  }

  /** The "### X values" section of the first of these pages that has one. */
  private fromSections(pages: readonly string[], name: string): TypeDef | undefined {
    for (const file of pages) {
      const page = readable(this.loader?.(file));
      const def = page ? enumSections(resourcePageModel(page)).get(lastSegment(name)) : undefined;
      if (def) return { ...def, values: [...def.values] };
    }
    return undefined;
  }

  /**
   * An enum documented as a section of the resource page that uses it ("### printEvent values" under
   * `printTaskTrigger`'s table), when it has no page of its own: the referrer's page is the only source.
   */
  private sectionOfReferrer(name: string, file: string, depth: number): TypeDef | undefined {
    const page = /(?:^|\/)([\w.-]+)\.md$/i.exec(file)?.[1];
    const def = page ? this.fromSections([page], name) : undefined;
    return def ? this.register(name.toLowerCase(), def, depth) : undefined;
  }

  private fromPage(page: LoadedResource | undefined, name: string): TypeDef | undefined {
    return page ? typeFromPage(resourcePageModel(page), name) : undefined;
  }

  /**
   * The description and the enum type's page list different values: both are kept (the validator allows
   * their union), and the docs get an `enum-values-disagree` diagnostic citing both lines. The
   * `unknownFutureValue` sentinel a page adds for evolvable enums is no disagreement.
   */
  private compareEnum(p: Property, described: Extract<Constraint, { kind: 'enum' }>, def: EnumType): void {
    if (def.values.length === 0) return;
    const desc = new Set(described.values.filter((v): v is string => typeof v === 'string' && v !== ''));
    const page = new Set(def.values);
    const onlyDescription = [...desc].filter((v) => !page.has(v));
    const onlyPage = [...page].filter((v) => !desc.has(v) && v !== SENTINEL);
    if (onlyDescription.length === 0 && onlyPage.length === 0) return;
    const list = (vs: string[]) => vs.map((v) => `\`${v}\``).join(', ');
    const parts = [
      onlyDescription.length ? `only the description lists ${list(onlyDescription)}` : '',
      onlyPage.length ? `only the type page lists ${list(onlyPage)}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    this.diagnostics.push(
      diagnostic(
        'enum-values-disagree',
        'warning',
        `\`${p.name}\`: the description and the ${def.name} type page (${sourceRef(def.source) ?? 'its page'}) list different values: ${parts}`,
        described.source,
        'The validator allows the values of both; make the two lists agree',
      ),
    );
  }

  private resolveRef(p: Property, depth: number): void {
    const type = p.type;
    if (type.kind !== 'named') return;
    const described = p.constraints.find((c) => c.kind === 'enum' && !c.condition);
    const def = this.load(type.name, depth, type.link) ?? this.sectionOfReferrer(type.name, p.source.file, depth);
    if (def?.kind === 'enum' && def.flags) flagsOf(p, def, described);
    if (described?.kind === 'enum') {
      // The description lists values: an enum whatever the type page says; the page's values join them.
      type.resolution = 'enum';
      if (def?.kind === 'enum') {
        type.name = def.name;
        this.compareEnum(p, described, def);
      }
      return;
    }
    if (def) {
      type.name = def.name;
      type.resolution = def.kind;
      return;
    }
    type.resolution = 'unresolved';
    // Any JSON value (`Json`, a union of primitives, a Type cell that is no type): nothing was missing.
    if (isAnyJson(type.name)) return;
    const refused = this.refusals.get(type.name.toLowerCase());
    if (refused !== undefined && !this.toldRefused.has(type.name.toLowerCase())) {
      // Said once per type, at the first property of it; each property still gets its unresolved-type.
      this.toldRefused.add(type.name.toLowerCase());
      this.diagnostics.push(diagnostic('read-outside-root', 'warning', `The resource page of \`${type.name}\` is not read: ${refused}`, p.source as SourceRef));
    }
    this.diagnostics.push(
      diagnostic(
        'unresolved-type',
        'warning',
        `Unknown type \`${type.name}\` of \`${p.name}\`: treated as an open object`,
        p.source as SourceRef,
        refused !== undefined
          ? 'Its resource page leads out of the docs root'
          : this.loader
            ? `No resource page for \`${type.name}\` was found`
            : NO_RESOURCES_HINT,
      ),
    );
  }
}

/**
 * A property of a flags enum type takes a comma-separated list of members: a `flagSet` constraint with the
 * members (and any values its description lists), citing the Members table. `allowedValues` leaves such a
 * property to it, so `"apps,tabs"` is valid where a single-value enum check refused it.
 */
function flagsOf(p: Property, def: EnumType, described: Constraint | undefined): void {
  if (p.constraints.some((c) => c.kind === 'flagSet')) return;
  const listed = described?.kind === 'enum' ? described.values.filter((v): v is string => typeof v === 'string' && v !== '') : [];
  p.constraints.push({
    kind: 'flagSet',
    values: [...new Set([...def.values, ...listed])],
    separator: ',',
    rule: 'flag-set',
    sentence: `${def.name} is a flags enum (its members' values are powers of two): a value lists members separated by commas`,
    source: def.source ?? p.source,
  });
}

/**
 * Whether a Members table's Value column makes the enum a flags enum: every value an integer, the non-zero
 * ones distinct powers of two reaching 4 at least (0, 1, 2 alone is as likely a plain sequence).
 */
function flagValues(members: Extract<Block, { kind: 'table' }>): boolean {
  const column = members.header.findIndex((h) => /^values?$/i.test(h.trim()));
  if (column < 0) return false;
  const values = members.rows.map((r) => r.cells[column]?.text.trim() ?? '');
  if (!values.every((v) => /^\d+$/.test(v))) return false;
  const nonZero = values.map(Number).filter((v) => v !== 0);
  const powers = nonZero.every((v) => (v & (v - 1)) === 0) && new Set(nonZero).size === nonZero.length;
  return powers && Math.max(...nonZero) >= 4;
}

/** The hint of an unresolved type when no resource pages were given (the CLI names its flags instead). */
export const NO_RESOURCES_HINT = "Give the docs tree's resource pages to resolve complex types";

const SENTINEL = 'unknownFutureValue';

/** Reads a resource page: `X resource type` → complex type; `X enum type` or a Members table → enum. */
export function typeFromPage(page: PageModel, requested: string): TypeDef | undefined {
  const title = page.title || String(page.frontMatter.title ?? '');
  const name = /^(\S+)\s+(?:resource|complex|enum)\s+type/i.exec(title)?.[1] ?? requested;
  const source: SourceRef = { file: page.file, line: 1, column: 1 };
  const members = sectionBlocks(page, /^members$/i).find((b) => b.kind === 'table');
  if (/\benum type\b/i.test(title) || members) {
    if (members?.kind !== 'table') return { kind: 'enum', name, values: [], source };
    // The Members table is the line a refusal cites, as for an enums.md section.
    return {
      kind: 'enum',
      name,
      values: members.rows.map((r) => r.cells[0]?.text.trim() ?? '').filter(Boolean),
      ...(flagValues(members) ? { flags: true } : {}),
      source: { ...source, line: members.pos.line },
    };
  }
  const localDiagnostics: Diagnostic[] = [];
  const table = allBlocks(sectionBlocks(page, /^properties$/i)).find(isPropertyTable);
  // A row listed twice (beta device.md lists `model` and `manufacturer` again further down) keeps its first:
  // a type cannot have two properties of one name.
  const properties = (table ? readPropertyTable(table, localDiagnostics) : []).filter((p, i, all) => all.findIndex((q) => q.name === p.name) === i);
  const intro = page.intro.map((b) => (b.kind === 'paragraph' ? b.text : '')).join(' ');
  const description = String(page.frontMatter.description ?? '');
  const open = /\bopen (?:complex )?type\b/i.test(`${intro} ${description}`);
  const def: TypeDef = { kind: 'complex', name, open, properties, source: table?.pos ?? source };
  const relationships = allBlocks(sectionBlocks(page, /^relationships$/i))
    .filter((b) => b.kind === 'table')
    .flatMap((t) => t.rows.map((r) => r.cells[0]?.text.trim() ?? ''))
    .filter((n) => /^[A-Za-z_][\w.]*$/.test(n));
  if (relationships.length) def.relationships = relationships;
  return def;
}

/**
 * File names a type's resource page may have, most likely first: the page the docs link to (a relative link
 * such as `../resources/intune-shared-mimecontent.md`, or `mimecontent.md` between resource pages), then
 * `passwordprofile.md` and namespaced `tenantadmin-settings.md`.
 */
export function resourceFileNames(typeName: string, link?: string): string[] {
  const lower = typeName.toLowerCase();
  const last = lower.split('.').pop()!;
  const linked = link && !/^[a-z][a-z0-9+.-]*:/i.test(link) ? /([^/\\]+\.md)(?:[#?].*)?$/i.exec(link)?.[1]?.toLowerCase() : undefined;
  return [...new Set([...(linked ? [linked] : []), `${lower}.md`, `${last}.md`, `${lower.replace(/\./g, '-')}.md`])];
}

function lastSegment(name: string): string {
  return name.toLowerCase().split('.').pop()!;
}
