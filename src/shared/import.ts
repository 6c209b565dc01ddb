/**
 * Shapes shared by the import pipeline: file → rows (readers) → patrons (layouts + normalisers)
 * → database (import service). Readers and layouts are pure and streaming; nothing here touches
 * the database.
 */

export type FileFormat = 'csv' | 'tsv' | 'xlsx' | 'ods' | 'json' | 'jsonl';

/** One data row as read from the file: header text → cell text. Row numbers are 1-based as a spreadsheet shows them (the header is row 1 in CSV/XLSX; JSON counts objects from 1). */
export interface SourceRow {
  rowNumber: number;
  cells: Record<string, string>;
}

export type ProblemSeverity = 'error' | 'warning';

/** A problem with one row (or the file, when row is 0), reported to the coordinator. */
export interface ImportProblem {
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
  severity: ProblemSeverity;
}

export type PhoneKind = 'home' | 'mobile' | 'work' | 'other';

export interface PhoneNumber {
  kind: PhoneKind;
  /** Exactly as written in the file. */
  raw: string;
  /** E.164 (+14165550123), or null when the number is not valid. */
  e164: string | null;
  extension: string | null;
  valid: boolean;
}

export type PatronStatus = 'active' | 'expired' | 'inactive' | 'barred';

/** The fields Outreach Desk keeps about a patron (TRUST PR-2: nothing else is stored). */
export interface ImportedPatron {
  /** The match point: library card number / barcode. */
  cardNumber: string;
  /** The ILS's own record id when the layout has one (Koha patron_id, FOLIO id…). */
  externalId: string | null;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  /** YYYY-MM-DD, or null when absent or not understood. */
  birthDate: string | null;
  /** ISO 639-1 code (en, fr, it, zh…), or null. */
  language: string | null;
  branch: string | null;
  patronType: string | null;
  status: PatronStatus;
  /** YYYY-MM-DD, or null. */
  expiryDate: string | null;
  phones: PhoneNumber[];
  emails: string[];
  city: string | null;
  /** Province or state code (ON, QC…), used to find the patron's time zone. */
  region: string | null;
  postalCode: string | null;
  tags: string[];
}

/** Where each patron field comes from: field → source header (as written in the file). */
export type FieldMapping = Partial<Record<MappableField, string>>;

export const MAPPABLE_FIELDS = [
  'cardNumber',
  'externalId',
  'firstName',
  'lastName',
  'fullName',
  'preferredName',
  'birthDate',
  'language',
  'branch',
  'patronType',
  'status',
  'active',
  'barred',
  'expiryDate',
  'homePhone',
  'mobilePhone',
  'workPhone',
  'otherPhone',
  'email',
  'secondaryEmail',
  'city',
  'region',
  'postalCode',
  'tags',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];
