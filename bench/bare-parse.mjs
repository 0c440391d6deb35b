/**
 * The floor for corpus mode: unified + remark-gfm parsing every markdown page of a docs tree, one after the
 * other, and nothing else. Run as its own process by corpus.bench.ts so its memory is measured alone (plain
 * JavaScript, so nothing but node itself runs alongside the parser).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** @param {string} dir @returns {string[]} */
function pages(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const path = join(dir, f);
      if (statSync(path).isDirectory()) return pages(path);
      return f.endsWith('.md') ? [path] : [];
    });
}

const parser = unified().use(remarkParse).use(remarkGfm);
let count = 0;
let bytes = 0;
for (const file of pages(process.argv[2])) {
  const text = readFileSync(file, 'utf8');
  parser.parse(text);
  count++;
  bytes += text.length;
}
process.stdout.write(JSON.stringify({ pages: count, bytes }));
