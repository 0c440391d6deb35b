import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Tests never race the clock: a slow or busy machine must not fail them. This limit only stops a test that
// hangs from holding CI until it is cut; nothing here comes close to it.
const HANG_GUARD_MS = 20 * 60_000;

export default defineConfig({
  test: {
    testTimeout: HANG_GUARD_MS,
    hookTimeout: HANG_GUARD_MS,
    // One test file per core: vitest's default leaves a core for itself, but most files here wait on child
    // processes (the CLI, servers, adapters), so on two cores the default ran the files one at a time.
    maxWorkers: availableParallelism(),
    // Test files share their worker's modules instead of loading every module again for each file, which cost
    // more CPU than many files' tests. So a test file leaves the process as it found it: servers closed,
    // working folder restored (tests/support/cli.ts), no module mocks.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          // `npm test`: everything but the whole-corpus runs.
          name: 'unit',
          globalSetup: ['tests/support/corpus-notice.ts'],
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/corpus/**', 'tests/package/**'],
          // The type tests (tests/**/*.test-d.ts) are checked by `npm run typecheck`, which `npm test` runs
          // first: tsc over the project includes them, and a failed expectTypeOf is a type error there. Running
          // them here again cost a second tsc.
        },
      },
      {
        extends: true,
        // `npm run test:corpus`: the 2021 api-reference end to end (needs ../shared/corpus).
        test: { name: 'corpus', include: ['tests/corpus/**/*.test.ts'], globalSetup: ['tests/support/corpus-notice.ts'] },
      },
      {
        extends: true,
        // `npm run test:package`: `npm pack`, then a fresh project installs the tarball and uses it. The npm
        // install and a strict tsc over every library's types cost as much CPU as a tenth of the unit tests, for
        // what changes only with package.json's `files`, `exports` and the public types; CI runs it every time.
        test: { name: 'package', include: ['tests/package/**/*.test.ts'] },
      },
    ],
  },
});
