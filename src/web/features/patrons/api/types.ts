/**
 * Import shapes as the API sends them: the pipeline's own types from src/shared, and the preview
 * and report wrappers the screens read.
 */
import type { FieldMapping, ImportedPatron, ImportProblem } from '../../../../shared/import.js';

export { MAPPABLE_FIELDS } from '../../../../shared/import.js';
export type {
  FieldMapping,
  ImportedPatron,
  ImportProblem,
  MappableField,
  PhoneNumber,
} from '../../../../shared/import.js';

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
