import { type BrokenCase, type BrokenFamily, brokenFamilies, toleratedFamilies } from '../../arbitraries/body.js';
import { TOLERANCES } from '../../arbitraries/values.js';
import { operationRequest } from '../../model/target.js';
import { sendsBody } from '../../model/operation-kind.js';
import { type CheckCase, type ServerCheck, skipped } from '../check.js';
import { expectClientError } from '../expect.js';

/**
 * A body that breaks one documented constraint is refused with a 4xx. One case per constraint, so each is
 * tried `runs` times and reported against its own sentence. A body that breaks it only as a server may
 * tolerate (another letter case, a repeated flag, spaces) is a case of its own whose violation is a warning.
 */
export const rejectsInvalidCheck: ServerCheck = {
  id: 'rejects-invalid',
  negative: true,
  kinds: { read: 'the request has no body', create: true, update: true, action: true, link: true, delete: 'the request has no body' },
  title: 'a body that breaks one documented constraint is refused with a 4xx',
  cases({ target }) {
    if (!sendsBody(target.spec)) return [skipped(this, 'the request has no body')];
    const toCase = (f: BrokenFamily): CheckCase<BrokenCase> => ({
      id: `${this.id}/${f.id}`,
      check: this.id,
      title: this.title,
      source: f.source,
      sentence: f.sentence,
      ...(f.tolerance ? { tolerance: f.tolerance } : {}),
      arbitrary: f.arbitrary,
      async run(c) {
        const broken = f.sentence
          ? `the body breaks "${f.sentence}" at ${c.path}`
          : f.rule === 'type'
            ? `${c.path} has the wrong JSON type for the table's type`
            : f.rule === 'unknown-property'
              ? `\`${c.target}\` is not a property of the request body`
              : `the body breaks ${f.rule} at ${c.path}`;
        const why = f.tolerance ? `${broken} (${TOLERANCES[f.tolerance]})` : broken;
        return expectClientError(await target.send(operationRequest(target, c.body)), why);
      },
    });
    return [...brokenFamilies(target.spec).map(toCase), ...toleratedFamilies(target.spec).map(toCase)];
  },
};
