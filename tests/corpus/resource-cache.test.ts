/**
 * Parsed resource pages kept between operations: reused only while the text is the same, bounded, and — the
 * law that makes it safe — an operation's spec is the same with the cache as without it, page after page,
 * and with models kept between runs (through JSON) as without them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { includeResolver, resourceLoader } from '../../cli/page-files.js';
import { cacheResourcePages, type ResourceModelStore } from '../../generator/extract/resource-cache.js';
import type { PageModel } from '../../generator/read/page-model.js';
import { readable, type ResourceLoader } from '../../generator/extract/type-registry.js';
import { generateSpec } from '../../generator/pipeline/generate.js';
import { API_REFERENCE_2021, hasApiReference, ROOT } from '../support/pages.js';

const page = (name: string) =>
  `---\ntitle: "${name} resource type"\n---\n\n# ${name} resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| a | String | A. |\n`;

describe('cacheResourcePages', () => {
  it('parses a page once while its text stays the same, again when it changes', () => {
    const texts: Record<string, string> = { thing: page('thing') };
    const loader = cacheResourcePages((name) => (texts[name] ? { file: `${name}.md`, text: texts[name]! } : undefined));
    const cached = (name: string) => readable(loader(name));
    const first = cached('thing')!;
    expect(first.page?.title).toBe('thing resource type');
    expect(cached('thing')!.page).toBe(first.page);
    texts.thing = page('thing').replace('| a |', '| b |');
    const changed = cached('thing')!;
    expect(changed.page).not.toBe(first.page);
    expect(changed.text).toContain('| b |');
    expect(cached('missing')).toBeUndefined();
  });

  it('keeps at most `capacity` pages, dropping the least recently used', () => {
    const loader = cacheResourcePages((name) => ({ file: `${name}.md`, text: page(name) }), 2);
    const cached = (name: string) => readable(loader(name));
    const a = cached('a')!.page;
    const b = cached('b')!.page;
    expect(cached('a')!.page).toBe(a); // a is now the most recent
    cached('c');
    expect(cached('a')!.page).toBe(a);
    expect(cached('b')!.page).not.toBe(b);
  });
});

/** A model store as corpus mode keeps one on disk: every model through JSON, by file and text. */
const models = new Map<string, string>();
const kept: ResourceModelStore = {
  read: (file, text) => {
    const json = models.get(`${file}\0${text}`);
    return json === undefined ? undefined : (JSON.parse(json) as PageModel);
  },
  write: (file, text, model) => void models.set(`${file}\0${text}`, JSON.stringify(model)),
};

describe('a model store', () => {
  it('is read before a page is parsed, and written after', () => {
    const texts: Record<string, string> = { thing: page('thing') };
    const loader: ResourceLoader = (name) => (texts[name] ? { file: `${name}.md`, text: texts[name]! } : undefined);
    const first = readable(cacheResourcePages(loader, 10, kept)('thing'))!.page!;
    const key = `thing.md\0${texts.thing}`;
    expect(JSON.parse(models.get(key)!)).toEqual(first);
    // A fresh cache (a new run) takes the stored model instead of parsing: a model marked in the store
    // comes back marked.
    models.set(key, JSON.stringify({ ...first, title: 'read from the store' }));
    expect(readable(cacheResourcePages(loader, 10, kept)('thing'))!.page!.title).toBe('read from the store');
    // Another text of the page is parsed, not read from the model of the old one.
    texts.thing = page('thing').replace('| A. |', '| Changed. |');
    expect(readable(cacheResourcePages(loader, 10, kept)('thing'))!.page!.title).not.toBe('read from the store');
    models.clear();
  });
});

describe.skipIf(!hasApiReference)('specs with and without the cache', () => {
  it('are equal for a spread of v1.0 and beta pages sharing one cache per version', () => {
    let compared = 0;
    for (const version of ['v1.0', 'beta']) {
      const apiDir = join(API_REFERENCE_2021, version, 'api');
      const rel = (p: string) => relative(ROOT, p);
      const plain = resourceLoader(join(apiDir, '..', 'resources'), rel)!;
      const shared: ResourceLoader = cacheResourcePages(plain, 50);
      const files = readdirSync(apiDir)
        .filter((f) => f.endsWith('.md'))
        .sort();
      // Neighbouring pages share types, so take runs of pages: the cache is hit, and hit with stale risk.
      const sample = files.filter((_, i) => i % 97 < 3);
      for (const f of sample) {
        const input = {
          file: rel(join(apiDir, f)),
          text: readFileSync(join(apiDir, f), 'utf8'),
          variant: version,
          resolveInclude: includeResolver(apiDir, rel),
        };
        const a = generateSpec({ ...input, resources: plain });
        const b = generateSpec({ ...input, resources: shared });
        expect(b, f).toEqual(a);
        // Models kept between runs come back through JSON, read by a fresh in-memory cache each time.
        const c = generateSpec({ ...input, resources: cacheResourcePages(plain, 50, kept) });
        expect(c, f).toEqual(a);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });
});
