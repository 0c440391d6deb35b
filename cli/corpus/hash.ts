/** Content hashes: the incremental cache's keys (a touched file with the same bytes stays cached). */
import { createHash } from 'node:crypto';

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}
