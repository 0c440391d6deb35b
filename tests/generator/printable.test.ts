/** What a terminal receives of doc text: tab and newline as they are, every other control character escaped. */
import { describe, expect, it } from 'vitest';
import { printable } from '../../generator/report/printable.js';

describe('printable', () => {
  it('escapes C0 and C1 controls and DEL, keeps tab, newline and ordinary text', () => {
    expect(printable('a\tb\nc')).toBe('a\tb\nc');
    expect(printable('\x1b[2J\rX\x00\x7f\x9b')).toBe('\\x1b[2J\\x0dX\\x00\\x7f\\x9b');
    expect(printable('café — ✓ 𝄞')).toBe('café — ✓ 𝄞');
  });
});
