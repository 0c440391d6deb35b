/**
 * The permissions table (delegated / application rows), placeholders such as "TODO: Determine scopes", and
 * per-property permission notes in the Permissions section ("To update the **otherMails** property …").
 */
import { allBlocks, flattenItems, type ListItem, type PageModel, sectionBlocks } from '../read/page-model.js';
import { diagnostic } from '../ir/diagnostic.js';
import type { Constraint, Diagnostic, PermissionRow, Property } from '../ir/ir.js';
import { conditionOf } from './condition.js';
import { permissionRequirement } from './rules/requires-permission.rule.js';

export function readPermissions(page: PageModel, diagnostics: Diagnostic[]): PermissionRow[] {
  const out: PermissionRow[] = [];
  for (const b of allBlocks(sectionBlocks(page, /^Permissions$/i))) {
    if (b.kind !== 'table' || !/^permission type$/i.test(b.header[0] ?? '')) continue;
    const twoLists = b.header.length >= 3;
    for (const row of b.rows) {
      const type = row.cells[0]?.text.trim() ?? '';
      const cells = row.cells.slice(1).map((c) => c.text.trim());
      const all = cells.join(' ');
      const placeholder = /\bTODO\b/i.test(all);
      if (placeholder) {
        diagnostics.push(
          diagnostic('placeholder-permission', 'warning', `Permissions for "${type}" are a placeholder: "${all.replace(/\s+/g, ' ')}"`, row.pos),
        );
      }
      const lists = cells.map(permissionList);
      const least = twoLists ? (lists[0] ?? []) : (lists[0] ?? []).slice(0, 1);
      const higher = twoLists ? (lists[1] ?? []) : (lists[0] ?? []).slice(1);
      const supported = !placeholder && least.length + higher.length > 0;
      out.push({ type, leastPrivileged: least, higherPrivileged: higher, placeholder, supported, source: row.pos });
    }
  }
  return out;
}

function permissionList(text: string): string[] {
  if (/^not (?:supported|available)\.?$/i.test(text.trim()) || /\bTODO\b/i.test(text)) return [];
  // A choice may need several permissions at once ("AuditLog.Read.All and Directory.Read.All", 85 v1.0
  // rows): it stays one choice, so the row reads as the supported one it is.
  return text
    .split(/\s*,\s*/)
    .map((s) => s.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim())
    .filter((s) => /^[A-Za-z][\w.-]*( and [A-Za-z][\w.-]*)*$/.test(s));
}

/**
 * Items of the Permissions section's lists that name properties of the table ("To update the
 * **employeeLeaveDateTime** property: …") add `requiresPermission` constraints to those properties.
 */
export function attachPermissionNotes(page: PageModel, properties: Property[]): void {
  const byName = new Map(properties.map((p) => [p.name, p]));
  for (const b of allBlocks(sectionBlocks(page, /^Permissions$/i))) {
    if (b.kind !== 'list') continue;
    for (const item of flattenItems(b.items)) {
      const first = item.text.split(/(?<=\.)\s/)[0] ?? '';
      if (!/\bupdat(?:e|ing)\b/i.test(first) || !/\bpropert(?:y|ies)\b/i.test(first)) continue;
      const named = [...new Set(first.match(/[A-Za-z][\w]*/g) ?? [])].filter((w) => byName.has(w));
      if (named.length === 0) continue;
      // The item names the properties and often the scope ("… for users with privileged administrator
      // roles:"); its children then say what each scenario needs.
      const condition = conditionOf(item.text.split('\n')[0] ?? '');
      for (const source of [item, ...item.children])
        addPermission(
          source,
          named.map((n) => byName.get(n)!),
          condition,
        );
    }
  }
}

function addPermission(item: ListItem, targets: Property[], parentCondition: string | undefined): void {
  // An item's own text stops where its nested list begins; the children are read on their own. Each
  // sentence is read alone: "… requires X. Also, adding … is not allowed" requires X.
  const text = item.text.split('\n')[0]!.trim();
  for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z*_])/)) {
    const value = permissionRequirement(sentence, true);
    if (value?.kind !== 'requiresPermission') continue;
    const condition = parentCondition ?? conditionOf(sentence);
    const c: Constraint = {
      ...value,
      rule: 'requires-permission',
      sentence,
      ...(condition ? { condition } : {}),
      source: item.pos,
    };
    for (const p of targets) {
      const dup = p.constraints.some(
        (x) => x.kind === 'requiresPermission' && x.scenario === value.scenario && x.permissions.join() === value.permissions.join(),
      );
      if (!dup) p.constraints.push(c);
    }
  }
}
