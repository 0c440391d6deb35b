/**
 * What client checks see: one call of the adapter with an update intent, and what went over the wire.
 */
import type fc from 'fast-check';
import type { Exchange } from '../../model/exchange.js';
import type { Intent, Scenario } from '../../model/intent.js';
import type { CheckCase } from '../check.js';
import type { OperationSpec } from '../../../generator/ir/ir.js';

export interface Observation {
  /** Every request the client sent during the call, with the harness's answer. */
  exchanges: Exchange[];
  /** Requests to anything but the documented update (another host, path or method). */
  unhandled: string[];
  /** `crashed`: the adapter ended or crashed its process, or could not be called (the error says which). */
  outcome: 'resolved' | 'rejected' | 'timeout' | 'crashed';
  /** The rejection, or what the adapter did, as text. */
  error?: string;
  /** What the call resolved to, in portable form (see `portable`): what the client surfaced. */
  returned?: unknown;
  /**
   * What the adapter did besides HTTP, all refused: sockets and DNS look-ups (with the host), unhandled
   * rejections. Only adapters run in their own process (a module) report these.
   */
  incidents?: string[];
}

export interface ClientContext {
  spec: OperationSpec;
  token: string;
  /** Service root handed to the adapter, e.g. `https://graph.microsoft.com/v1.0`. */
  baseUrl: string;
  /** Intents with full valid bodies, for checks about the body. */
  intents: fc.Arbitrary<Intent>;
  /** Intents with small valid bodies, for checks about the request line, headers and outcome. */
  lightIntents: fc.Arbitrary<Intent>;
  call(intent: Intent, scenario: Scenario): Promise<Observation>;
}

/**
 * Where an adapter runs when it is not a function in this process: a supervised process of its own
 * (`cli/adapter/adapter-process.ts`), which contains what the adapter does and reports it as incidents.
 */
export interface ClientHost {
  /** Calls the adapter once; never rejects. */
  call(intent: Intent, scenario: Scenario, token: string): Promise<Observation>;
  /** What the adapter did after its last call; then the host is ended. */
  finish(): Promise<string[]>;
  /** Ends the host and waits until it is gone. */
  kill(): Promise<void>;
}

export interface ClientCheck {
  id: string;
  title: string;
  /** Only where the adapter runs in a host that can see what it does besides HTTP (not a plain function). */
  needsHost?: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: the registry holds cases of every check, each with its own input type
  cases(ctx: ClientContext): CheckCase<any>[];
}
