/**
 * The variant matrix page in a real headless Chromium (Debian's `chromium`, installed by .ci/run): what a
 * person sees — every variant as a column, highlighted cells in the screenshot's pixels, the filter that
 * hides agreeing rows — and doc text that cannot run as script.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMatrix } from '../../generator/diff/matrix.js';
import { formatMatrixHtml } from '../../generator/report/matrix-html.js';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.js';
import { ROOT } from '../support/pages.js';

const VARIANTS = ['beta', 'v1.0', 'localtest', 'intune', 'connector'];
const HIGHLIGHT = [0xff, 0xf1, 0xb8];
const MISSING = [0xff, 0xd7, 0xd5];

describe.skipIf(!CHROMIUM)('matrix HTML in Chromium', () => {
  const work = mkdtempSync(join(tmpdir(), 'docspec-matrix-'));
  const file = join(work, 'matrix.html');
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    execFileSync(
      process.execPath,
      [join(ROOT, 'bin/docspec.js'), 'matrix', ...VARIANTS.map((v) => `spec/user-update.${v}.json`), '--format', 'html', '--out', file],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
    browser = await puppeteer.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('is self-contained: no scripts, no external resources', () => {
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
  });

  it('shows one column per variant and the summary', async () => {
    const headers = await page.$$eval('thead th', (ths) => ths.map((th) => (th as HTMLElement).textContent.trim()));
    expect(headers).toEqual(['property', ...VARIANTS]);
    const text = await page.evaluate(() => document.body.textContent);
    expect(text).toMatch(
      /\d+ properties; \d+ differ between the variants that document them; \d+ are missing from some variant; \d+ are documented by every variant \(intune documents a part of the body on purpose and is not counted as missing the rest\)\./,
    );
    expect(text).toContain('companyName');
  });

  it('the screenshot has the highlight colours where cells disagree or are missing', async () => {
    const png = PNG.sync.read(Buffer.from(await page.screenshot({ type: 'png' })));
    expect([png.width, png.height]).toEqual([1400, 1000]);
    const pixel = (x: number, y: number) => {
      const i = (png.width * Math.round(y) + Math.round(x)) << 2;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    };
    // A corner just inside the cell's border: the background, not the text.
    const corners = async (selector: string) =>
      page.$$eval(selector, (cells) =>
        cells
          .map((c) => c.getBoundingClientRect())
          .filter((r) => r.bottom < 1000 && r.right < 1400 && r.width > 6)
          .map((r) => [r.left + 3, r.top + 3]),
      );
    const differing = await corners('td.differs');
    const missing = await corners('td.missing');
    const agreeing = await corners('td.agrees');
    expect(differing.length).toBeGreaterThan(0);
    expect(missing.length).toBeGreaterThan(0);
    for (const [x, y] of differing) expect(pixel(x!, y!)).toEqual(HIGHLIGHT);
    for (const [x, y] of missing) expect(pixel(x!, y!)).toEqual(MISSING);
    for (const [x, y] of agreeing.slice(0, 20)) expect(pixel(x!, y!)).toEqual([255, 255, 255]);
  });

  it('the filter hides the rows on which the documenting variants agree', async () => {
    const visible = () => page.$$eval('tbody tr', (rows) => rows.filter((r) => (r as HTMLElement).offsetParent !== null).length);
    const all = await page.$$eval('tbody tr', (rows) => rows.length);
    const differing = await page.$$eval('tbody tr.differs', (rows) => rows.length);
    expect(await visible()).toBe(all);
    await page.click('#only-differing');
    expect(await visible()).toBe(differing);
    expect(differing).toBeLessThan(all);
  });

  it('doc text is shown, never run', async () => {
    const spec = JSON.parse(readFileSync(join(ROOT, 'spec/user-update.intune.json'), 'utf8')) as OperationSpec;
    const evil = '</td><script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">';
    spec.requestBody.properties[0]!.name = evil;
    spec.variant = `"><b>${evil}`;
    const other = { ...spec, variant: 'plain' };
    const probe = await browser.newPage();
    await probe.setContent(formatMatrixHtml(buildMatrix([spec, other])));
    expect(await probe.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await probe.$$eval('tbody th', (ths) => ths.map((th) => (th as HTMLElement).textContent))).toEqual([evil]);
    expect(await probe.$$('img, b')).toHaveLength(0);
    await probe.close();
  });
});
