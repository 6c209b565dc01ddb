import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { benchClaims } from './claims.js';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-claims-db-'));
const r = await benchClaims({ engine: 'sqlite', file: path.join(dir, 'o.db'), synchronous: 'FULL' }, Number(process.argv[2] ?? 200), Number(process.argv[3] ?? 10));
console.log(JSON.stringify(r));
