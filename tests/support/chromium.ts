/** The Chromium the page tests drive (Debian's `chromium`, installed by .ci/run). */
import { existsSync } from 'node:fs';

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((p) => existsSync(p));
}

export const CHROMIUM = chromiumPath();
// CI installs chromium, so there a missing browser is a failure; elsewhere the page tests are skipped.
if (!CHROMIUM && process.env.CI) throw new Error('chromium is not installed (apt-get install chromium); .ci/run installs it');

export const CHROMIUM_ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu'];
