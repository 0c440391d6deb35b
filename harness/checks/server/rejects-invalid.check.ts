import { brokenFamilies, type BrokenCase } from '../../arbitraries/body.js';
import { updateRequest } from '../../certify/target.js';
import type { CheckCase, ServerCheck } from '../check.js';
import { expectClientError } from '../expect.js';

/**
 * A body that breaks one documented constraint is refused with a 4xx. One case per constraint, so each is
 * tried `runs` times and reported against its own sentence.
 */
export const rejectsInvalidCheck: ServerCheck = {
  id: 'rejects-invalid',
  title: 'a body that breaks one documented constraint is refused with a 4xx',
  cases({ target }) {
    return brokenFamilies(target.spec).map(
      (f): CheckCase<BrokenCase> => ({
        id: `${this.id}/${f.id}`,
        check: this.id,
        title: this.title,
        source: f.source,
        sentence: f.sentence,
        arbitrary: f.arbitrary,
        async run(c) {
          const why = f.sentence
            ? `the body breaks "${f.sentence}" at ${c.path}`
            : f.rule === 'type'
              ? `${c.path} has the wrong JSON type for the table's type`
              : f.rule === 'unknown-property'
                ? `\`${c.target}\` is not a property of the request body`
                : `the body breaks ${f.rule} at ${c.path}`;
          return expectClientError(await target.send(updateRequest(target, c.body)), why);
        },
      }),
    );
  },
};
