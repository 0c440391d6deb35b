import type { ClientCheck } from './client-check.js';
import { first, NO_REQUEST, requestCase } from './request-case.js';

/**
 * The URL addresses the intended user through a documented template, with the id percent-encoded: decoding
 * the segment gives the id back exactly (a raw `#` would cut the path short, a raw `/` would split it).
 */
export const pathCheck: ClientCheck = {
  id: 'path',
  title: 'the path is a documented template with the id percent-encoded',
  cases(ctx) {
    const templates = ctx.spec.http.paths.filter((p) => p.params.length === 1);
    const basePath = new URL(ctx.baseUrl).pathname.replace(/\/+$/, '');
    return [
      requestCase(this, ctx, {
        source: templates[0]?.source,
        sentence: `${ctx.spec.http.method} ${templates.map((t) => t.template).join(', ')}`,
        verify(o, intent) {
          const ex = first(o);
          if (!ex) return NO_REQUEST;
          const url = new URL(ex.request.url);
          const ok = templates.some((t) => {
            const [head, tail] = t.template.split(/\{[^}]*\}/) as [string, string];
            const path = url.pathname;
            if (!path.startsWith(`${basePath}${head}`) || !path.endsWith(tail)) return false;
            const segment = path.slice(`${basePath}${head}`.length, path.length - tail.length);
            try {
              return decodeURIComponent(segment) === intent.userId && url.hash === '' && url.search === '';
            } catch {
              return false;
            }
          });
          const wanted = `${basePath}${templates[0]?.template.replace(/\{[^}]*\}/, encodeURIComponent(intent.userId)) ?? ''}`;
          return ok
            ? undefined
            : { received: `${ex.request.method} ${ex.request.url}`, expected: `the user ${JSON.stringify(intent.userId)} addressed as ${wanted}` };
        },
      }),
    ];
  },
};
