import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors.js';
import type { ParsedBatch, ParseSource } from './parse.js';
import type { ParserMessage } from './parse-worker.js';

/**
 * Starts the parsing thread. Built code runs `parse-worker.js` beside the bundle; source code (tests,
 * `npm run dev`) runs the TypeScript file through tsx, which a worker must register for itself.
 */
function startWorker(source: ParseSource): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts'))
    return new Worker(new URL('./parse-worker.js', here), { workerData: source });
  // tsx's ESM API resolves to its CommonJS build through require(); the worker needs the ESM one.
  const tsx = createRequire(here)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const entry = new URL('./parse-worker.ts', here).href;
  const boot = `import { register } from ${JSON.stringify(pathToFileURL(tsx).href)};
register();
await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData: source,
  });
}

function nextMessage(worker: Worker): Promise<ParserMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ParserMessage) => {
      cleanup();
      resolve(message);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`the parsing thread stopped (exit code ${code})`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

/**
 * Parses a file in a worker thread, one batch ahead of the caller: while the importer writes a
 * batch, the next one is being read and mapped on the other core.
 * @throws UNPROCESSABLE when the file turns out to be unreadable part way
 */
export async function* parseInWorker(source: ParseSource): AsyncGenerator<ParsedBatch> {
  const worker = startWorker(source);
  try {
    // The prefetched answer may fail while the caller is still writing the previous batch; it is
    // awaited (and so thrown) on the next turn, and must not count as unhandled meanwhile.
    const ask = () => {
      const answer = nextMessage(worker);
      answer.catch(() => undefined);
      worker.postMessage('next');
      return answer;
    };
    let pending = ask();
    for (;;) {
      const message = await pending;
      if (message.type === 'done') return;
      if (message.type === 'error') {
        throw message.code === null
          ? new Error(message.message)
          : new AppError('UNPROCESSABLE', message.message, { reason: message.code });
      }
      pending = ask();
      yield message.batch;
    }
  } finally {
    await worker.terminate();
  }
}
