import type { OperationSpec, ResponseSpec } from './ir.js';

/**
 * The documented success response: the first 2xx without a condition (a conditional one, such as group
 * update's "200 OK when updating allowExternalSenders", holds only sometimes), else the first 2xx.
 */
export function successResponse(responses: OperationSpec['responses']): ResponseSpec | undefined {
  const ok = responses.filter((r) => r.status >= 200 && r.status < 300);
  return ok.find((r) => !r.condition) ?? ok[0];
}
