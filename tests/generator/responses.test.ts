/**
 * The documented statuses of a Response section in the wordings of the 2021 reference: a reason phrase in
 * any letter case, "response" without "code", a bare "status code", the "Response body" heading, and, when
 * the prose states no success status, the example response's status line. A number that is not followed by
 * its own reason phrase is no status.
 */
import { describe, expect, it } from 'vitest';
import type { OperationSpec } from '../../generator/ir/ir.js';
import { generateText } from '../support/pages.js';

function responses(response: string, heading = 'Response', example = ''): Omit<OperationSpec['responses'][number], 'source'>[] {
  const page = [
    '---',
    'title: "Do a thing"',
    '---',
    '',
    '# Do a thing',
    '',
    '## HTTP request',
    '',
    '```http',
    'GET /things/{id}',
    '```',
    '',
    `## ${heading}`,
    '',
    response,
    '',
    '## Example',
    '',
    '### Request',
    '',
    '<!-- { "blockType": "request", "name": "get_thing" } -->',
    '```http',
    'GET https://graph.microsoft.com/v1.0/things/42',
    '```',
    '',
    '### Response',
    '',
    '<!-- { "blockType": "response" } -->',
    '```http',
    example || 'HTTP/1.1 200 OK',
    '```',
    '',
  ].join('\n');
  return (generateText('things/thing-get.md', page, undefined, 'v1.0') as OperationSpec).responses.map(({ source: _, ...r }) => r);
}

describe('documented statuses', () => {
  it.each([
    ['If successful, this method returns a `204 No content` response code.', { status: 204, statusText: 'No content' }],
    ['If successful, this method returns a `302 Found` response that redirects to a preauthenticated download URL.', { status: 302, statusText: 'Found' }],
    ['If successful, this method returns a `207` status code and a report.', { status: 207, statusText: 'Multi-Status' }],
    [
      'If successful, this method returns a `201 Created` response code and a thing object in the response body.',
      { status: 201, statusText: 'Created', bodyType: 'thing' },
    ],
  ])('%s', (sentence, expected) => {
    expect(responses(sentence)[0]).toEqual(expected);
  });

  it('reads a "Response body" section too', () => {
    expect(responses('If successful, this method returns a `204 No Content` response code.', 'Response body')).toEqual([
      { status: 204, statusText: 'No Content' },
    ]);
  });

  it('a number without its reason phrase is no status; the example response then gives it', () => {
    expect(responses('This method returns 200 items at most, in pages.', 'Response', 'HTTP/1.1 202 Accepted')).toEqual([
      { status: 202, statusText: 'Accepted' },
    ]);
  });

  it('a stated status is not replaced by the example one', () => {
    expect(responses('If successful, this method returns a `200 OK` response code.', 'Response', 'HTTP/1.1 201 Created')).toEqual([
      { status: 200, statusText: 'OK' },
    ]);
  });
});
