/** What a client under test is asked to do, and how the harness answers it. */

/**
 * What the client is asked to do: the operation, its path parameters by name (`{ id }`, `{ group-id }`) and
 * its body, when the operation sends one.
 */
export interface Intent {
  operation: string;
  params: Record<string, string>;
  body?: Record<string, unknown>;
  /** The documented response body the harness answers a success with (generated from the resource type). */
  response?: Record<string, unknown>;
}

/** How the harness answers the client's request. */
export type Scenario = { kind: 'success' } | { kind: 'error'; status: number; code: string; message: string };
