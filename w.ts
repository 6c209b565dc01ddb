import { parentPort, workerData } from 'node:worker_threads';
import { parsePhone } from './src/core/patrons/import/normalise/phone.js';
const x: string = 'hi';
parentPort!.postMessage({ x, wd: workerData, p: parsePhone('905-832-2281', 'home', 'CA') });
