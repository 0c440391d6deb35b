/** The success code a connector's status output states, against the documented success response. */
import type { ConnectorCheck } from './connector-check.js';
import { sourceRef } from '../../../generator/ir/source-ref.js';
import type { ConnectorFinding } from './finding.js';

export const statusCode: ConnectorCheck = {
  id: 'status-code',
  scope: 'operation',
  check({ spec, connector }) {
    const success = spec.responses.find((r) => r.status >= 200 && r.status < 300);
    if (!success) return [];
    return connector.fields
      .filter((f) => f.direction === 'output' && /status/i.test(f.label))
      .map((out): ConnectorFinding => {
        const stated = /\b([1-5]\d\d)\b/.exec(out.description)?.[1];
        const base = { rule: 'status-code', field: out.label, source: sourceRef(out.source), docs: sourceRef(success.source) };
        if (!stated) return { ...base, severity: 'info', message: `states no success code; the docs say ${success.status}` };
        if (Number(stated) === success.status)
          return { ...base, severity: 'info', message: `agrees with the docs: success is ${stated} ${success.statusText}` };
        return { ...base, severity: 'error', message: `says success is ${stated}; the docs say ${success.status} ${success.statusText}` };
      });
  },
};
