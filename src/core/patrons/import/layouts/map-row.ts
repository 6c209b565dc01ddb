import { parseBoolean } from '../normalise/booleans.js';
import type { DateOptions } from '../normalise/dates.js';
import { implausibleBirthDate, isoDateOf, parseDate } from '../normalise/dates.js';
import { parseEmails } from '../normalise/email.js';
import { toLanguageCode } from '../normalise/language.js';
import { splitFullName, tidyName } from '../normalise/names.js';
import { parsePhones } from '../normalise/phone.js';
import { normalisePostalCode, normaliseRegion } from '../normalise/region.js';
import type {
  FieldMapping,
  ImportedPatron,
  ImportProblem,
  MappableField,
  PhoneKind,
  PhoneNumber,
  SourceRow,
} from '../types.js';
import { barredFromBoolean, deriveStatus, statusFromWord } from './status.js';
import type { Layout, MappedRow, MapRowOptions, RowContext } from './types.js';

const PHONE_FIELDS: readonly (readonly [MappableField, PhoneKind])[] = [
  ['homePhone', 'home'],
  ['mobilePhone', 'mobile'],
  ['workPhone', 'work'],
  ['otherPhone', 'other'],
];
/** A card number a spreadsheet turned into a float ("2.1234E+13") has lost its digits. */
const SCIENTIFIC = /^\d(?:\.\d+)?E\+\d+$/i;
const TAG_SEPARATORS = /[;,|]/;

interface RowReader {
  ctx: RowContext;
  problems: ImportProblem[];
  /** Trimmed cell of a mapped field; undefined when unmapped or blank. */
  cell: (field: MappableField) => string | undefined;
  column: (field: MappableField) => string | null;
}

function readerFor(row: SourceRow, mapping: FieldMapping, options: MapRowOptions): RowReader {
  const problems: ImportProblem[] = [];
  const ctx: RowContext = {
    row,
    mapping,
    defaultRegion: options.defaultRegion,
    today: isoDateOf(options.today),
    report: (column, value, reason, severity = 'warning') => {
      problems.push({ row: row.rowNumber, column, value, reason, severity });
    },
  };
  const cell = (field: MappableField): string | undefined => {
    const header = mapping[field];
    if (header === undefined) return undefined;
    const text = row.cells[header]?.trim();
    return text === undefined || text.length === 0 ? undefined : text;
  };
  return { ctx, problems, cell, column: (field) => mapping[field] ?? null };
}

function readCardNumber(r: RowReader): string | undefined {
  const card = r.cell('cardNumber')?.replace(/^'/, '');
  const column = r.column('cardNumber');
  if (card === undefined || card.length === 0) {
    const where = column === null ? 'no column is mapped to the card number' : `${column} is empty`;
    r.ctx.report(column, null, `row rejected: no card number (${where})`, 'error');
    return undefined;
  }
  if (SCIENTIFIC.test(card)) {
    r.ctx.report(
      column,
      card,
      'row rejected: the card number was turned into a number by a spreadsheet and lost digits',
      'error',
    );
    return undefined;
  }
  return card;
}

function readNames(
  r: RowReader,
  layout: Layout,
): { firstName: string; lastName: string } | undefined {
  let firstName = tidyName(r.cell('firstName') ?? '');
  let lastName = tidyName(r.cell('lastName') ?? '');
  const full = r.cell('fullName');
  if (full !== undefined && (firstName === '' || lastName === '')) {
    const split = splitFullName(full, layout.nameOrder);
    if (firstName === '') firstName = split.firstName;
    if (lastName === '') lastName = split.lastName;
  }
  if (firstName === '' && lastName === '') {
    const column = r.column('lastName') ?? r.column('fullName') ?? r.column('firstName');
    r.ctx.report(
      column,
      null,
      'row rejected: the patron has neither a first nor a last name',
      'error',
    );
    return undefined;
  }
  if (firstName === '')
    r.ctx.report(r.column('firstName') ?? r.column('fullName'), null, 'no first name');
  if (lastName === '')
    r.ctx.report(r.column('lastName') ?? r.column('fullName'), null, 'no last name');
  return { firstName, lastName };
}

function readDate(
  r: RowReader,
  field: 'birthDate' | 'expiryDate',
  options: DateOptions,
): string | null {
  const text = r.cell(field);
  if (text === undefined) return null;
  const parsed = parseDate(text, options);
  if (parsed.problem !== undefined) r.ctx.report(r.column(field), text, parsed.problem);
  if (parsed.value === null || field !== 'birthDate') return parsed.value;
  const implausible = implausibleBirthDate(parsed.value, r.ctx.today);
  if (implausible === undefined) return parsed.value;
  r.ctx.report(r.column(field), text, `${implausible}; not kept`);
  return null;
}

function readPhones(r: RowReader): PhoneNumber[] {
  const phones: PhoneNumber[] = [];
  const seen = new Set<string>();
  for (const [field, kind] of PHONE_FIELDS) {
    const text = r.cell(field);
    if (text === undefined) continue;
    for (const phone of parsePhones(text, kind, r.ctx.defaultRegion)) {
      const key =
        phone.e164 === null ? `raw:${phone.raw}` : `${phone.e164};${phone.extension ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      phones.push(phone);
      if (!phone.valid) {
        r.ctx.report(
          r.column(field),
          phone.raw,
          `not a valid phone number for ${r.ctx.defaultRegion}; kept as written`,
        );
      }
    }
  }
  return phones;
}

function readEmails(r: RowReader): string[] {
  const emails: string[] = [];
  for (const field of ['email', 'secondaryEmail'] as const) {
    const text = r.cell(field);
    if (text === undefined) continue;
    const parsed = parseEmails(text);
    for (const email of parsed.emails) if (!emails.includes(email)) emails.push(email);
    for (const bad of parsed.invalid)
      r.ctx.report(r.column(field), bad, 'not a valid e-mail address; not kept');
  }
  return emails;
}

function readLanguage(r: RowReader, layout: Layout): string | null {
  const text = r.cell('language');
  if (text === undefined) return null;
  const result = (layout.hooks?.language ?? toLanguageCode)(text);
  if (result.problem !== undefined) r.ctx.report(r.column('language'), text, result.problem);
  return result.code;
}

function readTags(r: RowReader): string[] {
  const text = r.cell('tags');
  if (text === undefined) return [];
  const tags = text
    .split(TAG_SEPARATORS)
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
  return [...new Set(tags)];
}

function readStatus(
  r: RowReader,
  layout: Layout,
  expiryDate: string | null,
): ImportedPatron['status'] {
  const barredText = r.cell('barred');
  const barredColumn = r.column('barred') ?? '';
  const barred =
    barredText === undefined
      ? undefined
      : (layout.hooks?.barred ?? barredFromBoolean)(barredText, r.ctx, barredColumn);
  const activeText = r.cell('active');
  let active: boolean | undefined;
  if (activeText !== undefined) {
    const parsed = parseBoolean(activeText);
    if (parsed.problem !== undefined) r.ctx.report(r.column('active'), activeText, parsed.problem);
    active = parsed.value;
  }
  const statusText = r.cell('status');
  const stated =
    statusText === undefined ? undefined : (layout.hooks?.status ?? statusFromWord)(statusText);
  if (statusText !== undefined && stated === undefined) {
    r.ctx.report(
      r.column('status'),
      statusText,
      'status not understood; derived from the other columns',
    );
  }
  return deriveStatus({ barred, active, stated, expiryDate, today: r.ctx.today });
}

/**
 * Turns one source row into a patron with the layout and mapping. Never throws. A row without a
 * card number or without any name comes back without a patron and with an error problem; every
 * other doubt is a warning and the value is kept (phones) or left out (e-mails, dates).
 */
export function mapRow(
  row: SourceRow,
  layout: Layout,
  mapping: FieldMapping,
  options: MapRowOptions,
): MappedRow {
  const r = readerFor(row, mapping, options);
  const cardNumber = readCardNumber(r);
  const names = readNames(r, layout);
  if (cardNumber === undefined || names === undefined) return { problems: r.problems };
  const order = options.dateOrder ?? layout.dateOrder;
  const expiryDate = readDate(r, 'expiryDate', { order, twoDigitYears: 'this-century' });
  const preferred = r.cell('preferredName');
  const region = r.cell('region');
  const postalCode = r.cell('postalCode');
  const patron: ImportedPatron = {
    cardNumber,
    externalId: r.cell('externalId') ?? null,
    firstName: names.firstName,
    lastName: names.lastName,
    preferredName: preferred === undefined ? null : tidyName(preferred),
    birthDate: readDate(r, 'birthDate', { order }),
    language: readLanguage(r, layout),
    branch: r.cell('branch') ?? null,
    patronType: r.cell('patronType') ?? null,
    status: readStatus(r, layout, expiryDate),
    expiryDate,
    phones: readPhones(r),
    emails: readEmails(r),
    city: r.cell('city') ?? null,
    region: region === undefined ? null : normaliseRegion(region),
    postalCode: postalCode === undefined ? null : normalisePostalCode(postalCode),
    tags: readTags(r),
  };
  layout.hooks?.refine?.(patron, r.ctx);
  return { patron, problems: r.problems };
}
