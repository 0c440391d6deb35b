/**
 * What a page asks of every request beyond its body: an `If-Match` with the resource's current tag, a query
 * option the list requires, a body property naming a resource the run is given. Read from a small page and
 * sent through a recording transport.
 */
import { describe, expect, it } from 'vitest';
import type { OperationSpec } from '../../generator/ir/ir.js';
import type { Exchange, HttpRequest } from '../../harness/model/exchange.js';
import { asIs, entityTag, withIfMatch } from '../../harness/transport/if-match.js';
import { withRequiredQuery } from '../../harness/transport/required-query.js';
import { bindBody } from '../../harness/arbitraries/body-bindings.js';
import { silentRefusal } from '../../harness/checks/silent-refusal.js';
import { generateText } from '../support/pages.js';

const page = (lines: string[]) => generateText('tests/fixtures/widget.md', lines.join('\n')) as OperationSpec;

const DELETE = page([
  '# Delete widget',
  '',
  '## HTTP request',
  '```http',
  'DELETE /widgets/{id}',
  '```',
  '## Request headers',
  '| Name | Description |',
  '|:--|:--|',
  '| Authorization | Bearer {token}. Required. |',
  '| If-Match | Last known ETag value for the **widget** to be deleted. Required. |',
]);

const LIST = page([
  '# List widgets',
  '',
  '## HTTP request',
  '```http',
  'GET /widgets',
  '```',
  '## Optional query parameters',
  'This method requires ownerId [filter](/graph/query-parameters) to be specified.',
]);

const CREATE = page([
  '# Create widget',
  '',
  '## HTTP request',
  '```http',
  'POST /widgets',
  '```',
  '## Request body',
  'In the request body, supply the widget.',
  "The **widget** ownerId property must be set to an existing [owner](../resources/owner.md) object's id.",
  '',
  '| Property | Type | Description |',
  '|:--|:--|:--|',
  '| ownerId | String | The owner. |',
  '| title | String | The title. |',
]);

/** A transport that answers a GET with `tag` and records every request. */
function recorder(tag: { header?: string; body?: string }) {
  const sent: HttpRequest[] = [];
  const send = async (request: HttpRequest): Promise<Exchange> => {
    sent.push(request);
    const read = request.method === 'GET';
    return {
      request: { ...request, url: `http://x${request.path}` },
      response: {
        status: read ? 200 : 204,
        statusText: '',
        headers: read && tag.header ? { etag: tag.header } : {},
        text: read ? JSON.stringify(tag.body ? { id: '1', '@odata.etag': tag.body } : { id: '1' }) : '',
      },
      attempts: 1,
    };
  };
  return { sent, send };
}

describe('If-Match', () => {
  it('is read from the header table, and each request first reads the tag and carries it', async () => {
    const { sent, send } = recorder({ header: 'W/"7"' });
    await withIfMatch(send, [DELETE])({ method: 'DELETE', path: '/widgets/a', headers: { Authorization: 'Bearer t', 'If-Match': 'W/"from-the-page"' } });
    expect(sent.map((r) => [r.method, r.path, r.headers['If-Match']])).toEqual([
      ['GET', '/widgets/a', undefined],
      ['DELETE', '/widgets/a', 'W/"7"'],
    ]);
    expect(sent[0]!.headers.Authorization).toBe('Bearer t');
  });

  it("takes the body's @odata.etag when the read sends no ETag header, and leaves other requests alone", async () => {
    const { sent, send } = recorder({ body: 'W/"9"' });
    const wrapped = withIfMatch(send, [DELETE]);
    await wrapped({ method: 'DELETE', path: '/widgets/a', headers: {} });
    await wrapped({ method: 'GET', path: '/widgets/a', headers: {} });
    await wrapped({ method: 'DELETE', path: '/gadgets/a', headers: {} });
    expect(sent.map((r) => `${r.method} ${r.path} ${r.headers['If-Match'] ?? '-'}`)).toEqual([
      'GET /widgets/a -',
      'DELETE /widgets/a W/"9"',
      'GET /widgets/a -',
      'DELETE /gadgets/a -',
    ]);
  });

  it('a request marked as is goes without a tag: what the if-match check sends', async () => {
    const { sent, send } = recorder({ header: 'W/"7"' });
    await withIfMatch(send, [DELETE])(asIs({ method: 'DELETE', path: '/widgets/a', headers: {} }));
    expect(sent).toEqual([{ method: 'DELETE', path: '/widgets/a', headers: {} }]);
  });

  it('entityTag reads the header in any case, else the body, else nothing', () => {
    expect(entityTag({ ETag: 'W/"1"' }, '{}')).toBe('W/"1"');
    expect(entityTag({}, '{"@odata.etag":"W/\\"2\\""}')).toBe('W/"2"');
    expect(entityTag({}, 'not json')).toBeUndefined();
  });
});

describe('a query option the list requires', () => {
  it('is read with its sentence, and each request to the list carries it, filled and encoded', async () => {
    expect(LIST.http.query).toEqual([
      expect.objectContaining({
        name: '$filter',
        template: "ownerId eq '{ownerId}'",
        params: ['ownerId'],
        sentence: expect.stringContaining('requires ownerId'),
      }),
    ]);
    const { sent, send } = recorder({});
    const wrapped = withRequiredQuery(send, [LIST], { ownerId: "o'1" });
    await wrapped({ method: 'GET', path: '/widgets', headers: {} });
    await wrapped({ method: 'GET', path: '/widgets?$select=id', headers: {} });
    await wrapped({ method: 'GET', path: "/widgets?$filter=ownerId eq 'x'", headers: {} });
    expect(sent.map((r) => r.path)).toEqual([
      `/widgets?$filter=${encodeURIComponent("ownerId eq 'o''1'")}`,
      `/widgets?$select=id&$filter=${encodeURIComponent("ownerId eq 'o''1'")}`,
      "/widgets?$filter=ownerId eq 'x'",
    ]);
  });
});

describe('a body property that must name an existing resource', () => {
  it('is required, cited, and bound from the value given under its name', () => {
    expect(CREATE.requestBody.references).toEqual([expect.objectContaining({ property: 'ownerId', resource: 'owner' })]);
    const owner = CREATE.requestBody.properties.find((p) => p.name === 'ownerId')!;
    expect(owner.constraints).toContainEqual(
      expect.objectContaining({ kind: 'required', sentence: expect.stringContaining('must be set to an existing owner') }),
    );
    // The sentence is on the second line of its paragraph, and cites that line.
    expect(CREATE.requestBody.references![0]!.source.line).toBe(9);
    expect(bindBody(CREATE, { ownerId: 'own-1' })).toEqual({ bound: { ownerId: 'own-1' } });
    expect(bindBody(CREATE, {})).toMatchObject({ missing: [{ key: 'ownerId', name: 'ownerId' }] });
  });
});

describe('a valid body refused where the docs state no limit', () => {
  const refusedWith = (status: number) => ({
    request: { method: 'POST', path: '/widgets', headers: {}, url: 'http://x/widgets' },
    response: { status, statusText: '', headers: {}, text: '' },
    attempts: 1,
  });
  /** A server that takes titles of up to 10 plain letters. */
  const resend = async (body: Record<string, unknown>) => refusedWith(typeof body.title === 'string' && /^[a-z]{0,10}$/.test(body.title) ? 201 : 400);

  it('is a warning naming the dimension the docs leave open: characters, then length', async () => {
    const chars = await silentRefusal(CREATE, { ownerId: 'o', title: 'é!' }, refusedWith(400), resend);
    expect(chars?.violation).toMatchObject({
      tolerance: 'docs-silent',
      expected: expect.stringContaining('the docs do not say which characters title may hold'),
    });
    const long = await silentRefusal(CREATE, { ownerId: 'o', title: 'a'.repeat(40) }, refusedWith(400), resend);
    expect(long?.violation.expected).toContain('how long title may be (40 characters were sent)');
    expect(long?.accepted.body).toEqual({ ownerId: 'o', title: 'aaaaaaaa' });
  });

  it('stands as a failure when nothing plainer is taken, or the refusal was no 4xx', async () => {
    expect(await silentRefusal(CREATE, { ownerId: 'o', title: 'x' }, refusedWith(400), async () => refusedWith(400))).toBeUndefined();
    expect(await silentRefusal(CREATE, { ownerId: 'o', title: 'a'.repeat(40) }, refusedWith(500), resend)).toBeUndefined();
  });
});
