/**
 * The dry run's summary over a folder: planned operations by method, and reasons counted by kind (two pages
 * documenting two other methods are one reason, twice).
 */
import { describe, expect, it } from 'vitest';
import { planSummary } from '../../cli/certify-plan.js';
import type { OperationPlan } from '../../harness/run/plan.js';

const plan = (method: string, extra: Partial<OperationPlan> = {}): OperationPlan => ({
  operation: `op-${method}`,
  variant: 'v1.0',
  method,
  needs: [],
  cases: [{ id: 'success-status', runs: 100 }],
  requests: 100,
  ...extra,
});

describe('planSummary', () => {
  it('counts planned operations by method and not planned ones by reason', () => {
    const lines = planSummary([
      plan('GET'),
      plan('GET', { needs: ['id'] }),
      plan('PATCH', { fed: ['id ← widget-create'] }),
      plan('HEAD', { blocked: 'docspec certifies GET, POST, PATCH, PUT and DELETE; the page documents HEAD' }),
      plan('OPTIONS', { blocked: 'docspec certifies GET, POST, PATCH, PUT and DELETE; the page documents OPTIONS' }),
      plan('PUT', { blocked: 'the request body is image/jpeg, not JSON' }),
    ]);
    expect(lines).toEqual([
      'docspec: dry run of 6 operations, nothing sent: 3 planned (50.0%) — GET 2/2, HEAD 0/1, OPTIONS 0/1, PATCH 1/1, PUT 0/1',
      '  1 of them get path parameter values from a create of the run',
      '  1 of them need values (--param NAME=VALUE, or --user-id for one operation)',
      '  not planned, 2: docspec certifies GET, POST, PATCH, PUT and DELETE; the page documents another method',
      '  not planned, 1: the request body is image/jpeg, not JSON',
    ]);
  });
});
