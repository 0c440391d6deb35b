/**
 * Keeps parsed resource pages across operations. In a docs tree, hundreds of api pages resolve the same
 * types (`user`, `identitySet`, …); parsing each resource page once per version instead of once per api page
 * is most of corpus mode's speed. Bounded (least recently used goes first), so memory does not grow with the
 * size of the tree.
 */
import { readMarkdown } from '../read/markdown.js';
import type { PageModel } from '../read/page-model.js';
import type { LoadedResource, ResourceLoader } from './type-registry.js';

/**
 * Wraps a loader so that every page it returns carries its parsed model. A model is reused only while the
 * page text is the same, so a cached model can never describe an older version of the page. Models are only
 * read downstream (types are rebuilt from them per operation), so sharing them between operations is safe.
 */
/**
 * Parsed models kept between runs (corpus mode keeps them beside its cache): a page read again with the
 * same text skips the markdown parse, which is most of a warm run's one redone page.
 */
export interface ResourceModelStore {
  read(file: string, text: string): PageModel | undefined;
  write(file: string, text: string, page: PageModel): void;
}

export function cacheResourcePages(loader: ResourceLoader, capacity = 1000, store?: ResourceModelStore): ResourceLoader {
  const models = new Map<string, { text: string; page: PageModel }>();
  return (name, link) => {
    const loaded = loader(name, link);
    if (!loaded || 'refused' in loaded) return loaded;
    const hit = models.get(loaded.file);
    if (hit && hit.text === loaded.text) {
      models.delete(loaded.file);
      models.set(loaded.file, hit);
      return { ...loaded, page: hit.page };
    }
    let page = loaded.page ?? store?.read(loaded.file, loaded.text);
    if (!page) {
      page = readMarkdown({ file: loaded.file, text: loaded.text });
      store?.write(loaded.file, loaded.text, page);
    }
    models.delete(loaded.file);
    models.set(loaded.file, { text: loaded.text, page });
    if (models.size > capacity) models.delete(models.keys().next().value!);
    return { ...loaded, page } satisfies LoadedResource;
  };
}
