/** `npm run docs`: regenerates the README tables that come from the registries and the labelled samples. */
import { readFileSync, writeFileSync } from 'node:fs';
import { refreshReadme } from './readme-tables.js';
import { labelledSamples } from './labelled-samples.js';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = refreshReadme(before, { samples: labelledSamples() });
if (after !== before) writeFileSync(path, after);
process.stderr.write(after === before ? 'README.md tables are up to date\n' : 'README.md tables refreshed\n');
