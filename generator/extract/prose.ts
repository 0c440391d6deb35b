import { allBlocks, type Block, flattenItems, type Inline } from '../read/page-model.js';

/** Every piece of prose in these blocks, as inlines (paragraphs, list items, notes, table cells excluded). */
export function proseOf(blocks: Block[]): Inline[] {
  return allBlocks(blocks).flatMap((b): Inline[] => {
    if (b.kind === 'paragraph') return [b];
    if (b.kind === 'list') return flattenItems(b.items);
    return [];
  });
}
