/**
 * Which files are docs pages: every bundled and corpus page is one, stray text and other formats are not.
 * The whole-corpus run (tests/corpus) holds this over the 2021 api-reference too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateWithPage } from '../../generator/pipeline/generate.js';
import { whyNotAPage } from '../../generator/read/not-a-page.js';
import { ROOT } from '../support/pages.js';

const read = (file: string, text: string) => {
  const r = generateWithPage({ file, text });
  if (!r.ok) throw new Error(`${file} failed`);
  return { spec: r.spec, sectionTitles: r.page.sections.map((s) => s.title) };
};

describe('whyNotAPage', () => {
  it.each(['beta/user-update.md', 'v1.0/user-update.txt', 'localtest/user-update.md', 'intune/user-update.md', 'connector/user-update.txt'])(
    'accepts the bundled page %s',
    (file) => {
      const text = readFileSync(join(ROOT, 'spec/sources', file), 'utf8');
      expect(whyNotAPage(text)).toBeUndefined();
      expect(whyNotAPage(text, read(file, text))).toBeUndefined();
    },
  );

  it('accepts a page whose only operation facts are its sections (an HTTP line docspec cannot read)', () => {
    const text = '# Get device command status\n\n## HTTP request\n\n```http\nGET me/devices/{id}/commands/{id}\n```\n';
    expect(whyNotAPage(text, read('p.md', text))).toBeUndefined();
  });

  it('accepts a page with only an example request', () => {
    const text =
      '# Update team\n\n### Request\n\n<!-- { "blockType": "request", "name": "update_team" } -->\n```http\nPATCH https://graph.microsoft.com/v1.0/teams/{id}\nContent-type: application/json\n\n{ "a": 1 }\n```\n';
    const r = read('p.md', text);
    expect(r.spec.kind === 'operation' && r.spec.examples.length).toBe(1);
    expect(whyNotAPage(text, r)).toBeUndefined();
  });

  it('refuses prose, naming everything a page would have', () => {
    const why = whyNotAPage('hello world', read('hello.txt', 'hello world'));
    expect(why).toBe(
      'not a docs page: no HTTP request (a line such as `PATCH /users/{id}`), no property table, no example, no "HTTP request", "Request body" or "Response" section',
    );
  });

  it('refuses a resource page (properties and a JSON representation, but no operation)', () => {
    const text = '# thing resource type\n\n## Properties\n\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|The id.|\n';
    expect(whyNotAPage(text, read('thing.md', text))).toMatch(/^not a docs page/);
  });

  it('refuses empty, binary, JSON, OpenAPI and docspec spec files before reading them', () => {
    expect(whyNotAPage(' \r\n\t')).toBe('the file is empty');
    expect(whyNotAPage('# T\u0000x')).toMatch(/binary/);
    expect(whyNotAPage('{"swagger": "2.0"}')).toMatch(/OpenAPI document \(JSON\)/);
    expect(whyNotAPage('\uFEFF{"openapi": "3.1.0"}')).toMatch(/OpenAPI document \(JSON\)/);
    expect(whyNotAPage('# comment\nopenapi: "3.1.0"\n')).toMatch(/OpenAPI document \(YAML\)/);
    expect(whyNotAPage('{"kind": "operation", "formatVersion": 1}')).toMatch(/docspec spec/);
    expect(whyNotAPage('[]')).toBe('this is a JSON file, not a docs page');
    // A page that merely starts with a brace is still read as a page.
    expect(whyNotAPage('{ not json\n# Title')).toBeUndefined();
  });

  it('refuses a connector description without fields', () => {
    const text = 'Update User\n\nInput\n\n• Id or Username: the user\n';
    const r = read('c.txt', text);
    if (r.spec.kind !== 'connector') return expect(r.spec.kind).toBe('connector');
    expect(whyNotAPage(text, { ...r, spec: { ...r.spec, fields: [] } })).toMatch(/not a connector action description/);
  });
});
