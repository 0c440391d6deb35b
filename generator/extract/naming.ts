/** Operation and variant names, inferred from the page when the caller does not give them. */

/** What an operation name may be: it becomes a file and folder name (the spec schema has the same pattern). */
export const OPERATION_NAME = /^[a-z0-9][a-z0-9-]*$/;
/** What a variant name given by a user may be: a file name that cannot climb (`v1.0`, `beta`, `my_sdk`). */
export const VARIANT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
import type { PageModel } from '../read/page-model.js';
import { versionOfUrl } from './http-message.js';

/**
 * "Update user" → `user-update`; "user: assignLicense" → `user-assignlicense`; "Update User" → `user-update`; "Get driveItem" → `driveitem-get`. The name
 * becomes a file name, so only `a-z`, `0-9` and single inner dashes survive, whatever the title holds
 * (`# ../../x` gives `x`, a title of other scripts gives `operation`).
 */
export function operationName(title: string): string {
  const clean = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '')
      .replace(/-{2,}/g, '-')
      .replace(/^-|-$/g, '');
  // "user: assignLicense" (an action or function page) → `user-assignlicense`.
  const action = /^([^\s:]+):\s*(\S+)$/.exec(title.trim());
  if (action) return [clean(action[1]!), clean(action[2]!)].filter(Boolean).join('-') || 'operation';
  const words = title.trim().split(/\s+/);
  const verb = clean(words.shift() ?? '');
  const subject = clean(words.join('-'));
  return [subject, verb].filter(Boolean).join('-') || 'operation';
}

/**
 * `user-update.md` → `user-update`; `educationsubmission-setupResourcesFolder.md` →
 * `educationsubmission-setupresourcesfolder`: an operation name is lower-case letters, digits and dashes
 * (the spec schema's pattern), whatever the file is called.
 */
export function operationFromFile(name: string): string {
  const base = name
    .replace(/^.*[\\/]/, '')
    .replace(/\.(md|txt|html?)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return OPERATION_NAME.test(base) ? base : 'operation';
}

/**
 * The operation a page is about, when its caller does not name it. A page whose file is named like an
 * operation (`channel-patch.md`: words joined by dashes, as every Graph api page is) is that operation, so
 * the name stays when the title is edited and is the same in every variant (v1.0 titles that page "Update
 * channel", and the name would follow the title otherwise); any other file (`page.md`) is named by its title.
 */
export function pageOperation(file: string, title: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.(md|txt|html?)$/i, '');
  return /^[A-Za-z0-9]+(-[A-Za-z0-9]+)+$/.test(base) ? operationFromFile(base) : operationName(title);
}

/** `intune` for Intune pages; otherwise the version segment of the example URLs (`beta`, `v1.0`, …). */
export function variantName(page: PageModel, exampleUrls: string[]): string {
  if (page.format === 'connector') return 'connector';
  const prod = String(page.frontMatter['ms.prod'] ?? '');
  const intro = page.intro.map((b) => ('text' in b ? b.text : '')).join(' ');
  if (/intune/i.test(prod) || /\bAPI for Intune\b/i.test(intro)) return 'intune';
  for (const url of exampleUrls) {
    const v = versionOfUrl(url);
    if (v && /^(v\d+(\.\d+)?|beta|[a-z]+test)$/i.test(v)) return v;
  }
  return 'default';
}
