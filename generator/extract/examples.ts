/**
 * Example requests and responses: code blocks under the Example(s) heading (or annotated as request /
 * response anywhere), paired in order, named by their annotation or their heading.
 */
import type { Block, PageModel, Section } from '../read/page-model.js';
import { diagnostic } from '../ir/diagnostic.js';
import type { Diagnostic, Example, HttpMessageExample } from '../ir/ir.js';
import { codeLine } from './http.js';
import { isHttpMessage, parseHttpMessage } from './http-message.js';

export function readExamples(page: PageModel, diagnostics: Diagnostic[]): Example[] {
  const examples: Example[] = [];
  let inExamples = false;
  let exampleDepth = 0;
  let heading: string | undefined;
  for (const section of page.sections) {
    if (/^examples?$/i.test(section.title)) {
      inExamples = true;
      exampleDepth = section.depth;
      heading = undefined;
    } else if (section.depth <= exampleDepth) {
      inExamples = false;
    } else if (inExamples && !/^(request|response)s?$/i.test(section.title)) {
      heading = section.title;
    }
    for (const block of blocksOf(section)) {
      if (block.kind !== 'code') continue;
      const blockType = typeof block.annotation?.blockType === 'string' ? (block.annotation.blockType as string) : undefined;
      if (!inExamples && blockType !== 'request' && blockType !== 'response') continue;
      if (blockType === 'ignored' || !isHttpMessage(block.value)) continue;
      const parsed = parseHttpMessage(block.value, block.pos, codeLine(block, 0));
      if (!parsed) continue;
      const message: HttpMessageExample = parsed.message;
      if (block.annotation) message.annotation = block.annotation;
      if (parsed.bodyError) {
        diagnostics.push(
          diagnostic('example-invalid-json', 'warning', `Example body is not valid JSON: ${parsed.bodyError.message}`, {
            ...block.pos,
            line: parsed.bodyError.line,
          }),
        );
      }
      if (message.method) {
        const name = typeof block.annotation?.name === 'string' ? (block.annotation.name as string) : undefined;
        const example: Example = { name: name ?? slug(heading ?? `example ${examples.length + 1}`), request: message };
        if (heading) example.title = heading;
        examples.push(example);
      } else {
        const open = [...examples].reverse().find((e) => !e.response);
        if (open) open.response = message;
        else examples.push({ name: slug(heading ?? `example ${examples.length + 1}`), ...(heading ? { title: heading } : {}), response: message });
      }
    }
  }
  return examples;
}

function blocksOf(section: Section): Block[] {
  return section.blocks.flatMap((b) => (b.kind === 'note' ? b.blocks : [b]));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
