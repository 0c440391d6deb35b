/** Worker thread of corpus mode: pages in, results out, one at a time, in the order they came. */
import { parentPort } from 'node:worker_threads';
import { type PageJob, processPage } from './process-page.js';

// A page may wait for the emitter to load; pages still answer in the order they came.
let previous: Promise<void> = Promise.resolve();
parentPort!.on('message', (job: PageJob) => {
  previous = previous.then(async () => parentPort!.postMessage(await processPage(job)));
});
