/**
 * Import shapes as the API sends them. The server's own definitions live in the import pipeline,
 * which the web app may not import; these copy only what the screens read.
 */
import type { z } from 'zod';
import type { importProblemSchema, phoneSchema } from '../../../../shared/schemas/patrons.js';

export type PhoneNumber = z.infer<typeof phoneSchema>;
export type ImportProblem = z.infer<typeof importProblemSchema>;

/** The patron fields a column can be mapped to, in the order the mapping table lists them. */
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

/** Field → column header as written in the file; an empty header means "not imported". */
export type FieldMapping = Partial<Record<MappableField, string>>;

export interface ImportedPatron {
  cardNumber: string;
  externalId: string | null;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  birthDate: string | null;
  language: string | null;
  branch: string | null;
  patronType: string | null;
  status: 'active' | 'expired' | 'inactive' | 'barred';
  expiryDate: string | null;
  phones: PhoneNumber[];
  emails: string[];
  city: string | null;
  region: string | null;
  postalCode: string | null;
  tags: string[];
}

export interface ImportPreview {
  format: string;
  encoding: string | null;
  sheet: string | null;
  layout: string;
  confidence: number;
  candidates: { id: string; confidence: number }[];
  headers: string[];
  mapping: FieldMapping;
  unknownColumns: string[];
  ignoredColumns: string[];
  refusedColumns: { column: string; reason: string }[];
  sample: { row: number; patron: ImportedPatron | null; problems: ImportProblem[] }[];
  fileProblems: ImportProblem[];
}

export interface ImportLayout {
  id: string;
  label: string;
  description: string;
}

export interface SavedMapping {
  id: number;
  name: string;
  layout: string;
  mapping: FieldMapping;
  createdAt: string;
}

/** What the coordinator chose for a file; anything left out is detected by the server. */
export interface ImportChoices {
  layout?: string | undefined;
  mapping?: FieldMapping | undefined;
  sheet?: string | undefined;
}
