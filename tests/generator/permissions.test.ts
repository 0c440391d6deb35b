/**
 * The Permissions table: each cell lists the choices from least to most privileged; a choice may need
 * several permissions at once ("A and B"), and "Not supported." rows grant nothing.
 */
import { describe, expect, it } from 'vitest';
import { readPermissions } from '../../generator/extract/permissions.js';
import type { Diagnostic } from '../../generator/ir/ir.js';
import { readPage } from '../../generator/read/read-page.js';

const page = (rows: string) =>
  readPage({
    file: 'signin-list.md',
    format: 'markdown',
    text: `# List signIns\n\n## Permissions\n\n|Permission type | Permissions (from least to most privileged) |\n|:--|:--|\n${rows}\n\n## HTTP request\n\n\`\`\`http\nGET /auditLogs/signIns\n\`\`\`\n`,
  });

describe('permissions', () => {
  it('a choice of several permissions at once is one choice, and its row is supported', () => {
    const diagnostics: Diagnostic[] = [];
    const rows = readPermissions(
      page(
        [
          '|Delegated (work or school account) | AuditLog.Read.All and Directory.Read.All |',
          '|Delegated (personal Microsoft account) | Not supported. |',
          '|Application | Policy.Read.All and Application.ReadWrite.OwnedBy, Policy.ReadWrite.ApplicationConfiguration and Application.ReadWrite.All |',
        ].join('\n'),
      ),
      diagnostics,
    );
    expect(rows.map((r) => [r.supported, r.leastPrivileged, r.higherPrivileged])).toEqual([
      [true, ['AuditLog.Read.All and Directory.Read.All'], []],
      [false, [], []],
      [true, ['Policy.Read.All and Application.ReadWrite.OwnedBy'], ['Policy.ReadWrite.ApplicationConfiguration and Application.ReadWrite.All']],
    ]);
    expect(diagnostics).toEqual([]);
  });
});
