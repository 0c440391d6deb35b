/** Worker thread of corpus mode: pages in, results out, one at a time, in the order they came. */
import { parentPort } from 'node:worker_threads';
import { type PageJob, processPage } from './process-page.js';

parentPort!.on('message', (job: PageJob) => {
  parentPort!.postMessage(processPage(job));
});
