import { parentPort, workerData } from 'node:worker_threads';
import { ImportFileError } from './readers/index.js';
import { parseBatches, type ParsedBatch, type ParseSource } from './parse.js';

/** Messages from the parsing thread to the importer. */
export type ParserMessage =
  | { type: 'batch'; batch: ParsedBatch }
  | { type: 'done' }
  | { type: 'error'; code: string | null; message: string };

/**
 * Worker thread entry: parses the file and posts a batch each time the importer asks for one, so
 * at most a batch or two are in memory whatever the file size.
 */
const port = parentPort;
if (port) {
  const batches = parseBatches(workerData as ParseSource);
  const sendNext = async (): Promise<void> => {
    let message: ParserMessage;
    try {
      const next = await batches.next();
      message = next.done === true ? { type: 'done' } : { type: 'batch', batch: next.value };
    } catch (error) {
      message = {
        type: 'error',
        code: error instanceof ImportFileError ? error.code : null,
        message: error instanceof Error ? error.message : String(error),
      };
    }
    port.postMessage(message);
  };
  port.on('message', () => void sendNext());
}
