/**
 * What a documented operation does to its resource, read from its method and path: what its request carries
 * and what a run may repeat. Every server check states, per kind, whether it applies (see `ServerCheck.kinds`),
 * so a new kind does not compile until each check has said what it does with it.
 */
import type { OperationSpec } from '../../generator/ir/ir.js';

export const OPERATION_KINDS = {
  read: { body: false, destructive: false, meaning: 'GET of a resource or a list' },
  create: { body: true, destructive: false, meaning: 'POST to a collection whose success returns the new resource' },
  update: { body: true, destructive: false, meaning: 'PATCH or PUT of a resource' },
  action: { body: true, destructive: false, meaning: 'any other POST (an action)' },
  link: {
    body: true,
    destructive: false,
    meaning: 'POST of a reference (`…/members/$ref`): adding the same one again is refused, so a run adds it once',
  },
  delete: { body: false, destructive: true, meaning: 'DELETE of a resource or a reference: it is gone afterwards, so a run sends it once' },
} as const;

export type OperationKind = keyof typeof OPERATION_KINDS;

/** Methods docspec knows what to do with; anything else (HEAD, OPTIONS) is not certified. */
export function operationKind(spec: OperationSpec): OperationKind | undefined {
  switch (spec.http.method) {
    case 'GET':
      return 'read';
    case 'PATCH':
    case 'PUT':
      return 'update';
    case 'DELETE':
      return 'delete';
    case 'POST': {
      if (spec.http.paths.length > 0 && spec.http.paths.every((p) => /\/\$ref$/.test(p.template))) return 'link';
      const success = spec.responses.find((r) => r.status >= 200 && r.status < 300);
      const resource = spec.requestBody.resource?.toLowerCase();
      // "If successful, this method returns 201 Created and a group object": the body is the new resource.
      const returnsResource = success?.status === 201 || (!!resource && success?.bodyType?.toLowerCase() === resource);
      return returnsResource && !spec.http.paths.some((p) => /\$ref$|\/microsoft\.graph\.|\(.*\)$/.test(p.template)) ? 'create' : 'action';
    }
    default:
      return undefined;
  }
}

/** Whether requests of the operation carry a JSON body: a body kind whose page documents properties. */
export function sendsBody(spec: OperationSpec): boolean {
  const kind = operationKind(spec);
  if (!kind || !OPERATION_KINDS[kind].body) return false;
  // A PATCH with no property table still sends a (possibly empty) JSON object; a POST action with none sends nothing.
  return kind === 'update' || spec.requestBody.properties.length > 0;
}

/** A request body that is a file's bytes, not JSON: `Content-Type: image/jpeg`, a PUT of `/content`. */
const FILE_BODY = /^\s*(?:image|audio|video|text|multipart)\/|^\s*application\/(?:zip|octet-stream|pdf)/i;

/** Why docspec cannot certify an implementation of the operation at all, if it cannot. */
export function notCertifiable(spec: OperationSpec): string | undefined {
  if (!operationKind(spec)) return `docspec certifies GET, POST, PATCH, PUT and DELETE; the page documents ${spec.http.method}`;
  if (!spec.http.paths.length) return 'the page states no path';
  const type = spec.headers.find((h) => /^content-type$/i.test(h.name) && FILE_BODY.test(h.value));
  if (type) return `the request body is ${type.value.split(/[.\s]/)[0]}, not JSON`;
  if (spec.http.method !== 'GET' && spec.http.method !== 'DELETE' && spec.http.paths.every((p) => /\/(?:content|\$value)$/.test(p.template)))
    return "the request body is a file's content, not JSON";
  return undefined;
}
