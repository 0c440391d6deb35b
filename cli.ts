/**
 * The `docspec` binary: runs the command line (cli/main.ts) on this process's arguments and streams, and
 * sets the exit code: 0 pass, 1 findings, 2 bad usage or unreadable input, 3 inconclusive.
 */
import { runCli } from './cli/main.js';

// `docspec drift … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
