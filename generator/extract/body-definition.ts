/**
 * A body the page defines by reference: "In the request body, supply a JSON representation of a
 * [servicePrincipal](../resources/serviceprincipal.md) object." — the usual wording of a Graph create page
 * without a table. The body is the writable properties of that resource, with the rules of its own page.
 * Prose that demands some of them ("The request body must contain **appId**.") makes those required.
 */
import { isEnforced, presenceEnforced } from '../ir/enforced.js';
import type { BodyReference, ComplexType, Constraint, ExistingReference, Property, SourceRef } from '../ir/ir.js';
import type { Block } from '../read/page-model.js';
import { proseOf } from './prose.js';
import { plainText } from './rules/rule.js';
import { sentencesOf } from './sentences.js';
import { escapeRegExp } from '../ir/regexp.js';

const REPRESENTATION = /\b(?:supply|provide|specify)\s+(?:a\s+)?JSON representation of\s+(?:(?:a|an|the)\s+)?(?:new\s+)?$/i;
const RESOURCE_LINK = /(?:^|\/)resources\/[^/#?]+\.md(?:#[^/]*)?$/i;

/** "Specify other writable properties as necessary for your group": the table names only some of them. */
const OTHER_WRITABLE = /\b(?:specify|supply|provide|set|include) (?:any )?other writable properties\b/i;

/**
 * The sentence of a body section with a table that opens the body to the rest of the resource's writable
 * properties ("You can optionally specify any other writable properties"), and the resource page it links.
 */
export function readOtherWritable(blocks: Block[], resource: string): (BodyReference & { link?: string }) | undefined {
  for (const inline of proseOf(blocks)) {
    for (const s of sentencesOf(inline)) {
      if (!OTHER_WRITABLE.test(s.text)) continue;
      const link = inline.links.find((l) => RESOURCE_LINK.test(l.url));
      return {
        resource: link ? plainText(link.text) : resource,
        ...(link ? { link: link.url } : {}),
        sentence: s.text,
        source: { file: inline.pos.file, line: s.line, column: s.column },
      };
    }
  }
  return undefined;
}

/** The resource the body section says the body represents, with its link and sentence. */
export function readRepresentation(blocks: Block[]): (BodyReference & { link: string }) | undefined {
  for (const inline of proseOf(blocks)) {
    for (const s of sentencesOf(inline)) {
      for (const link of inline.links) {
        if (!RESOURCE_LINK.test(link.url)) continue;
        const at = s.text.indexOf(link.text);
        // The link must be what is represented: "… JSON representation of a [servicePrincipal](…) object".
        if (at < 0 || !REPRESENTATION.test(s.text.slice(0, at))) continue;
        return {
          resource: plainText(link.text),
          link: link.url,
          sentence: s.text,
          source: { file: inline.pos.file, line: s.line, column: s.column },
        };
      }
    }
  }
  return undefined;
}

/**
 * The resource's writable properties as the body's: copied with the rules of the resource page, less
 * read-only ones. On a create (POST) "required when a group is created" and the resource page's "Required."
 * bind as they do in a table.
 */
export function bodyFromResource(def: ComplexType, method: string): Property[] {
  return def.properties
    .filter((p) => !p.constraints.some((c) => c.kind === 'readOnly' && isEnforced(c)))
    .map((p) => {
      const onCreate = presenceEnforced(method) ? p.constraints.find((c) => c.kind === 'requiredOnCreate' && isEnforced(c)) : undefined;
      const constraints: Constraint[] = p.constraints.filter((c) => c.kind !== 'readOnly');
      if (onCreate && !constraints.some((c) => c.kind === 'required')) constraints.push({ ...onCreate, kind: 'required' });
      // A copy: resolving the body's types must not change the resource page's own definition.
      return { ...p, type: { ...p.type }, constraints, via: 'resource' as const };
    });
}

/**
 * "The request body must contain **appId**.", "**a** is a required property", "… are required in the request
 * body". Not "you must specify them in their own PATCH request": that groups properties, it requires none.
 */
const DEMANDS =
  /\b(?:request body|body) must (?:contain|include|have|specify)\b|\bis a required property\b|\b(?:is|are) required in the request body\b|\bthe following (?:properties|parameters) are required\b/i;

/** Makes the properties that body prose demands by name required, citing the sentence. */
export function requireNamed(blocks: Block[], properties: Property[]): void {
  const byName = new Map(properties.map((p) => [p.name.toLowerCase(), p]));
  for (const inline of proseOf(blocks)) {
    for (const s of sentencesOf(inline)) {
      if (!DEMANDS.test(s.text)) continue;
      const source: SourceRef = { file: inline.pos.file, line: s.line, column: s.column };
      for (const name of inline.strong) {
        const p = byName.get(name.trim().toLowerCase());
        if (!p || !new RegExp(`\\b${escapeRegExp(name.trim())}\\b`).test(s.text)) continue;
        if (p.constraints.some((c) => c.kind === 'required' && isEnforced(c))) continue;
        p.constraints.push({ kind: 'required', rule: 'required', sentence: s.text, source });
      }
    }
  }
}

/** "The **plannerTask** planId property must be set to an existing [plannerPlan](…) object's id." */
const EXISTING = /\b(\w+) property must be (?:set to )?(?:the id of )?an existing (\w+)(?: object)?(?:'s)? id\b/i;

/**
 * Properties body prose says must name a resource that already exists: each is required (citing the
 * sentence) and recorded, so a run asks for a value instead of generating one no server holds.
 */
export function readExisting(blocks: Block[], properties: Property[]): ExistingReference[] {
  const out: ExistingReference[] = [];
  for (const inline of proseOf(blocks)) {
    for (const s of sentencesOf(inline)) {
      const m = EXISTING.exec(plainText(s.text));
      const p = m && properties.find((q) => q.name.toLowerCase() === m[1]!.toLowerCase());
      if (!m || !p || out.some((r) => r.property === p.name)) continue;
      const source: SourceRef = { file: inline.pos.file, line: s.line, column: s.column };
      if (!p.constraints.some((c) => c.kind === 'required' && isEnforced(c)))
        p.constraints.push({ kind: 'required', rule: 'required', sentence: s.text, source });
      out.push({ property: p.name, resource: m[2]!, sentence: s.text, source });
    }
  }
  return out;
}

/** "The following table shows the properties that are required when you create the deviceCategory." */
const TABLE_REQUIRED_ON_CREATE = /\bthe following table shows the properties that are required when you create\b/i;

/**
 * The sentence Intune create pages (and some others, such as Create user) put above their table ("… the
 * properties that are required when you create the X") requires each row, but the page's own example
 * leaves some out (on Intune pages `id`, the key the service assigns). A requirement its own page breaks
 * binds under no reading, and one the example keeps may still be the template's wording: each row the
 * example sends is required as advice (valid bodies name it, a server that accepts a body without it is
 * warned, not failed), and a row it leaves out is not required.
 */
export function requireTabled(blocks: Block[], properties: Property[], method: string, exampleBody: unknown): void {
  if (method !== 'POST') return;
  for (const inline of proseOf(blocks)) {
    for (const s of sentencesOf(inline)) {
      if (!TABLE_REQUIRED_ON_CREATE.test(s.text)) continue;
      const source: SourceRef = { file: inline.pos.file, line: s.line, column: s.column };
      const sent = typeof exampleBody === 'object' && exampleBody !== null && !Array.isArray(exampleBody) ? exampleBody : undefined;
      for (const p of properties) {
        if (p.via || (sent && !Object.hasOwn(sent, p.name))) continue;
        if (p.constraints.some((c) => c.kind === 'required' || (c.kind === 'readOnly' && isEnforced(c)))) continue;
        p.constraints.push({ kind: 'required', rule: 'required', sentence: s.text, source, strength: 'advisory' });
      }
      return;
    }
  }
}

/** "You cannot update the `membershipType` value", "The properties **id** and **type** cannot be modified". */
const NO_UPDATE = /\b(?:can't|cannot|can not|may not)\s+(?:be\s+)?(?:update|modif|change|edit)\w*/i;
/** "You can't set **x** when you create …". */
const NO_SET_ON_CREATE = /\b(?:can't|cannot|can not|may not)\s+(?:be\s+)?(?:set|specif)\w*\b.*\bwhen (?:you )?creat/i;
/**
 * A scope, a caller or a history the note gives: not a rule of every request ("using an application-only
 * context", "by an app with only application permissions", "once the meeting is created").
 */
const SCOPED = /\b(?:using|context|if|unless|once|after|without|by (?:an?|the) \w+|permissions?|privileges?|roles?)\b/i;

/**
 * Notes outside the table that forbid sending a property on this operation ("> **Note:** You cannot update
 * the `membershipType` value for an existing channel.") make it read-only here, citing the note.
 */
export function restrictFromNotes(blocks: Block[], properties: Property[], method: string): void {
  const rule = method === 'POST' ? NO_SET_ON_CREATE : method === 'PATCH' || method === 'PUT' ? NO_UPDATE : undefined;
  if (!rule) return;
  for (const inline of proseOf(blocks)) {
    for (const s of sentencesOf(inline)) {
      if (!rule.test(s.text) || SCOPED.test(s.text)) continue;
      const source: SourceRef = { file: inline.pos.file, line: s.line, column: s.column };
      for (const p of properties) {
        if (!new RegExp(`(?:^|[^\\w])${escapeRegExp(p.name)}(?![\\w])`).test(s.text)) continue;
        if (p.constraints.some((c) => c.kind === 'readOnly' && isEnforced(c))) continue;
        p.constraints.push({ kind: 'readOnly', rule: 'read-only', sentence: s.text, source });
      }
    }
  }
}
