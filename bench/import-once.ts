// One patron import in its own process, so its peak memory is its own. Prints one JSON line.
import path from 'node:path';
import { silentLog } from '../src/core/context.js';
import { importPatrons } from '../src/core/patrons/import/import.service.js';
import { openDatabase } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';

const [file, databaseUrl] = process.argv.slice(2);
if (file === undefined || databaseUrl === undefined) throw new Error('usage: import-once FILE DATABASE_URL');
const database = openDatabase(
  databaseUrl.startsWith('sqlite:')
    ? { engine: 'sqlite', file: databaseUrl.slice('sqlite:'.length), synchronous: (process.env.SQLITE_SYNCHRONOUS ?? 'FULL') as 'FULL' | 'NORMAL' }
    : { engine: 'postgres', url: databaseUrl, poolMax: 4 },
);
await migrateToLatest(database.db);
const started = process.hrtime.bigint();
const report = await importPatrons(
  { db: database.db, actor: null, now: () => new Date(), log: silentLog },
  { filePath: file, fileName: path.basename(file), dryRun: false, defaultRegion: 'CA' },
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await database.close();
process.stdout.write(
  `${JSON.stringify({ seconds, rows: report.rows, inserted: report.inserted, rejected: report.rejected, peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
