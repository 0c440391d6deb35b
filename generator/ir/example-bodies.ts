/** The example bodies a page's validator is held to, shared by the example check, its readings and coverage. */
import type { Example, OperationSpec } from './ir.js';

export type CheckedBody = { ex: Example; body: Record<string, unknown> };

/** The examples of the page's own method whose body is a JSON object, each with that body. */
export function checkedBodies(spec: Pick<OperationSpec, 'examples' | 'http'>): CheckedBody[] {
  return spec.examples.flatMap((ex) => {
    const body = ex.request?.body;
    return ex.request?.method === spec.http.method && typeof body === 'object' && body !== null && !Array.isArray(body)
      ? [{ ex, body: body as Record<string, unknown> }]
      : [];
  });
}
