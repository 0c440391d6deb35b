/** The progress bar of long runs: drawn on a terminal, silent otherwise, never more than ten times a second. */
import { describe, expect, it } from 'vitest';
import { progressBar, wantsProgress } from '../cli/corpus/progress.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 80, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream };
}

describe('progressBar', () => {
  it('draws the count, the bar and the label, and clears its line when done', () => {
    const { writes, stream } = fakeStream(true);
    const p = progressBar(3, true, stream);
    p.tick('a.md'); // first tick draws
    p.tick('b.md'); // within 100 ms: skipped
    p.tick('c.md'); // the last always draws
    p.done();
    expect(writes).toHaveLength(3);
    expect(writes[0]).toMatch(/^\r\[#{9}\.{19}\] 1\/3 pages .* a\.md/);
    expect(writes[1]).toMatch(/^\r\[#{28}\] 3\/3 pages .* c\.md/);
    // Never wider than the terminal, so a redraw cannot wrap onto a new line.
    for (const w of writes) expect(w.replace(/\r/g, '').length).toBeLessThan(80);
    expect(writes[2]).toMatch(/^\r *\r$/);
  });

  it('writes nothing when disabled', () => {
    const { writes, stream } = fakeStream(true);
    const p = progressBar(5, false, stream);
    p.tick();
    p.done();
    expect(writes).toEqual([]);
  });

  it('is wanted on a terminal outside CI only', () => {
    const ci = process.env.CI;
    try {
      delete process.env.CI;
      expect(wantsProgress(fakeStream(true).stream)).toBe(true);
      expect(wantsProgress(fakeStream(false).stream)).toBe(false);
      process.env.CI = 'true';
      expect(wantsProgress(fakeStream(true).stream)).toBe(false);
    } finally {
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
  });
});
