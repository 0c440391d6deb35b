import { parameterKeys } from '../../../generator/ir/path-templates.js';
import type { ClientCheck } from './client-check.js';
import { first, NO_REQUEST, requestCase } from './request-case.js';

/**
 * The URL addresses what was asked through a documented template, each path parameter percent-encoded:
 * decoding its segment gives the value back exactly (a raw `#` would cut the path short, a raw `/` would
 * split it). A template takes its parameters by name (`{ id }`, `{ group-id }`), in order; a template without
 * any (`/users`) is the path as it stands.
 */
export const pathCheck: ClientCheck = {
  id: 'path',
  title: 'the path is a documented template with each parameter percent-encoded',
  cases(ctx) {
    // Every documented path, a parameterless one (`POST /users`) matched as it stands; intents address the
    // first with parameters, when there is one.
    const templates = [...ctx.spec.http.paths].sort((a, b) => Number(b.params.length > 0) - Number(a.params.length > 0));
    const basePath = new URL(ctx.baseUrl).pathname.replace(/\/+$/, '');
    return [
      requestCase(this, ctx, {
        source: templates[0]?.source,
        sentence: `${ctx.spec.http.method} ${templates.map((t) => t.template).join(', ')}`,
        verify(o, intent) {
          const ex = first(o);
          if (!ex) return NO_REQUEST;
          const url = new URL(ex.request.url);
          if (url.hash !== '' || url.search !== '' || !url.pathname.startsWith(`${basePath}/`)) return wrong();
          const got = url.pathname.slice(basePath.length).split('/');
          const ok = templates.some((t) => {
            const want = t.template.split('/');
            if (want.length !== got.length) return false;
            const keys = parameterKeys(t);
            let k = 0;
            return want.every((segment, i) => {
              if (!/^\{[^}]*\}$/.test(segment)) return segment === got[i];
              const value = intent.params[keys[k++]!];
              try {
                return value !== undefined && decodeURIComponent(got[i]!) === value;
              } catch {
                return false;
              }
            });
          });
          return ok ? undefined : wrong();
          function wrong() {
            const t = templates[0];
            const keys = t ? parameterKeys(t) : [];
            let k = 0;
            const wanted = t ? `${basePath}${t.template.replace(/\{[^}]*\}/g, () => encodeURIComponent(intent.params[keys[k++]!] ?? ''))}` : '';
            const what =
              Object.keys(intent.params).length === 1 && intent.params.id !== undefined
                ? `the id ${JSON.stringify(intent.params.id)}`
                : JSON.stringify(intent.params);
            return { received: `${ex!.request.method} ${ex!.request.url}`, expected: `${what} addressed as ${wanted}` };
          }
        },
      }),
    ];
  },
};
