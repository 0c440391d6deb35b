/**
 * What client checks see: one call of the adapter with an update intent, and what went over the wire.
 */
import type fc from 'fast-check';
import type { Exchange } from '../../certify/exchange.js';
import type { CheckCase } from '../check.js';
import type { OperationSpec } from '../../../generator/spec/ir.js';

/** What the client is asked to do. */
export interface Intent {
  userId: string;
  body: Record<string, unknown>;
}

/** How the harness answers the client's request. */
export type Scenario = { kind: 'success' } | { kind: 'error'; status: number; code: string; message: string };

export interface Observation {
  /** Every request the client sent during the call, with the harness's answer. */
  exchanges: Exchange[];
  /** Requests to anything but the documented update (another host, path or method). */
  unhandled: string[];
  outcome: 'resolved' | 'rejected' | 'timeout';
  /** The rejection, as text. */
  error?: string;
}

export interface ClientContext {
  spec: OperationSpec;
  token: string;
  /** Service root handed to the adapter, e.g. `https://graph.microsoft.com/v1.0`. */
  baseUrl: string;
  intents: fc.Arbitrary<Intent>;
  call(intent: Intent, scenario: Scenario): Promise<Observation>;
}

export interface ClientCheck {
  id: string;
  title: string;
  // biome-ignore lint/suspicious/noExplicitAny: the registry holds cases of every check, each with its own input type
  cases(ctx: ClientContext): CheckCase<any>[];
}
