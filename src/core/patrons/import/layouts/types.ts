import type { CountryCode } from '../normalise/phone.js';
import type { DateOrder } from '../normalise/dates.js';
import type { LanguageResult } from '../normalise/language.js';
import type { NameOrder } from '../normalise/names.js';
import type {
  FieldMapping,
  FileFormat,
  ImportedPatron,
  ImportProblem,
  MappableField,
  PatronStatus,
  SourceRow,
} from '../types.js';

export type { DateOrder, NameOrder };

/** What a layout's hooks may use while a row is mapped. */
export interface RowContext {
  row: SourceRow;
  mapping: FieldMapping;
  defaultRegion: CountryCode;
  /** YYYY-MM-DD of the import's "today". */
  today: string;
  /** Records a problem against this row. */
  report: (
    column: string | null,
    value: string | null,
    reason: string,
    severity?: 'error' | 'warning',
  ) => void;
}

/**
 * Small per-layout interpretations of cells whose meaning differs between systems. Each returns
 * undefined when the cell says nothing; a hook reports its own problems through `ctx`.
 */
export interface LayoutHooks {
  /** Reads the `barred` column (default: a yes/no cell). */
  barred?: (value: string, ctx: RowContext, column: string) => boolean | undefined;
  /** Reads the `status` column (default: active / expired / inactive / barred words in EN and FR). */
  status?: (value: string) => PatronStatus | undefined;
  /** Reads the `language` column (default: codes and names, see normalise/language.ts). */
  language?: (value: string) => LanguageResult;
  /** Last touches using columns outside the mapping (FOLIO's primary address, tag lists…). */
  refine?: (patron: ImportedPatron, ctx: RowContext) => void;
}

/**
 * An export layout of a library system, as data. Adding a layout is one file: its aliases (the
 * first alias found in a file wins), the headers that identify it, the columns it knows but does
 * not keep, and hooks only where a value means something special in that system.
 */
export interface Layout {
  id: string;
  label: string;
  description: string;
  formats: readonly FileFormat[];
  matchPoint: 'cardNumber';
  dateOrder: DateOrder;
  /** How a `fullName` column is split. */
  nameOrder: NameOrder;
  headerAliases: Partial<Record<MappableField, readonly string[]>>;
  /** For exports written without a header row: the columns, in order. */
  headerlessColumns?: readonly string[];
  /** Headers characteristic of this layout, used by detectLayout; empty for the generic layout. */
  signature: readonly string[];
  /** Columns of this export that are understood and deliberately not stored. */
  ignoredColumns: readonly string[];
  /** Same, as patterns over header keys (see headerKey), for numbered or nested columns. */
  ignoredPatterns?: readonly RegExp[];
  hooks?: LayoutHooks;
}

export interface RefusedColumn {
  column: string;
  reason: string;
}

export interface MappingResolution {
  mapping: FieldMapping;
  /** Columns neither mapped, recognised nor refused: reported, not fatal. */
  unknownColumns: string[];
  /** Columns recognised by the layout and deliberately not stored. */
  ignoredColumns: string[];
  refusedColumns: RefusedColumn[];
  /** Coordinator overrides that could not be applied (unknown header, refused column). */
  rejectedOverrides: { field: MappableField; column: string; reason: string }[];
}

export interface LayoutDetection extends MappingResolution {
  layout: Layout;
  /** 0–1. */
  confidence: number;
  candidates: { id: string; confidence: number }[];
}

export interface MapRowOptions {
  defaultRegion: CountryCode;
  today: Date;
  /** Overrides the layout's date order (a coordinator who knows the file is day/month/year). */
  dateOrder?: DateOrder;
}

export interface MappedRow {
  patron?: ImportedPatron;
  problems: ImportProblem[];
}
