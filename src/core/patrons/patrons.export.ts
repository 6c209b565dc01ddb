import type { Writable } from 'node:stream';
import type { Patron, PatronFilter } from '../../shared/schemas/patrons.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { csvLine, writeXlsx, type Cell } from '../exports/spreadsheet.js';
import { assertRole } from '../policy.js';
import { streamPatrons } from './patrons.service.js';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const COLUMNS = [
  'cardNumber',
  'firstName',
  'lastName',
  'preferredName',
  'birthDate',
  'ageBand',
  'language',
  'branch',
  'patronType',
  'status',
  'expiryDate',
  'householdId',
  'phones',
  'emails',
  'doNotCall',
  'doNotEmail',
  'city',
  'region',
  'postalCode',
  'tags',
] as const;

/** A phone as one readable cell: `home +14165552368 x12`, or the raw text flagged when invalid. */
function phoneCell(phone: Patron['phones'][number]): string {
  const number = phone.e164 ?? `${phone.raw} (invalid)`;
  return `${phone.kind} ${number}${phone.extension ? ` x${phone.extension}` : ''}`;
}

function flatRow(p: Patron): Cell[] {
  return [
    p.cardNumber,
    p.firstName,
    p.lastName,
    p.preferredName,
    p.birthDate,
    p.ageBand,
    p.language,
    p.branch,
    p.patronType,
    p.status,
    p.expiryDate,
    p.householdId,
    p.phones.map(phoneCell).join('; '),
    p.emails.join('; '),
    p.doNotCall,
    p.doNotEmail,
    p.city,
    p.region,
    p.postalCode,
    p.tags.join('; '),
  ];
}

function write(output: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (output.write(text)) resolve();
    else {
      output.once('drain', resolve);
      output.once('error', reject);
    }
  });
}

async function* rowsOf(
  ctx: Ctx,
  filter: PatronFilter,
  counter: { n: number },
): AsyncGenerator<Cell[]> {
  for await (const patron of streamPatrons(ctx, filter)) {
    counter.n += 1;
    yield flatRow(patron);
  }
}

/**
 * Streams every patron (or those matching `filter`) to `output` as JSON, CSV or XLSX; spreadsheet
 * cells are formula-safe (TRUST SC-7). The export is audited with its size. The caller ends nothing:
 * `output` is finished by this function.
 */
export async function exportPatrons(
  ctx: Ctx,
  output: Writable,
  format: ExportFormat,
  filter: PatronFilter = {},
): Promise<number> {
  assertRole(ctx, 'admin', 'coordinator');
  const counter = { n: 0 };
  switch (format) {
    case 'json': {
      await write(output, '[');
      for await (const patron of streamPatrons(ctx, filter)) {
        await write(output, `${counter.n === 0 ? '\n' : ',\n'}${JSON.stringify(patron)}`);
        counter.n += 1;
      }
      await write(output, counter.n === 0 ? ']\n' : '\n]\n');
      output.end();
      break;
    }
    case 'csv': {
      await write(output, `\uFEFF${csvLine(COLUMNS)}`);
      for await (const row of rowsOf(ctx, filter, counter)) await write(output, csvLine(row));
      output.end();
      break;
    }
    case 'xlsx':
      await writeXlsx(output, [
        { name: 'Patrons', columns: COLUMNS, rows: rowsOf(ctx, filter, counter) },
      ]);
      break;
  }
  await recordAudit(ctx, {
    action: 'patron.export',
    objectType: 'patron',
    details: { format, filter, patrons: counter.n },
  });
  return counter.n;
}
