/**
 * Enum types documented as sections of a shared page (`resources/enums.md`: "### calendarRoleType values"
 * over a Member table) rather than on a page of their own. Indexed once per parsed page model.
 */
import type { PageModel } from '../read/page-model.js';
import type { EnumType } from '../ir/ir.js';

const index = new WeakMap<PageModel, Map<string, EnumType>>();

/** The enum types of a shared enums page, by lower-case name (`calendarroletype`). */
export function enumSections(page: PageModel): Map<string, EnumType> {
  let found = index.get(page);
  if (found) return found;
  found = new Map();
  for (const s of page.sections) {
    const name = /^(\w+)\s+(?:values|enum(?:eration)?(?: values)?)$/i.exec(s.title.trim())?.[1];
    if (!name) continue;
    const table = s.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') continue;
    const column = Math.max(
      0,
      table.header.findIndex((h) => /^(?:member|name|value)$/i.test(h.trim())),
    );
    // A `null` row says the property may be null (user.md's "### ageGroup values"): not a member to send as text.
    const values = table.rows.map((r) => r.cells[column]?.text.trim() ?? '').filter((v) => /^[A-Za-z_][\w.]*$/.test(v) && v !== 'null');
    if (values.length) found.set(name.toLowerCase(), { kind: 'enum', name, values, source: { file: page.file, line: table.pos.line, column: 1 } });
  }
  index.set(page, found);
  return found;
}

/** The shared enums pages to look in for a type name: `enums`, and `enums-callrecords` for `callRecords.x`. */
export function enumPageNames(typeName: string): string[] {
  const parts = typeName.split('.');
  return parts.length > 1 ? [`enums-${parts.slice(0, -1).join('-')}`, 'enums'] : ['enums'];
}
