/** Carries a violation out of a fast-check model run (`fc.asyncModelRun`), with the requests that led to it. */
import type { Exchange } from '../model/exchange.js';
import type { Violation } from './check.js';

export class ViolationError extends Error {
  constructor(readonly violation: Violation) {
    super(violation.received);
  }
}

/** The violation, its exchanges the whole sequence so far. */
export const fail = (v: Violation, log: Exchange[]) => new ViolationError({ ...v, exchanges: [...log] });
