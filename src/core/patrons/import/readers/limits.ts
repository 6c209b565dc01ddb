/** Caps that keep a hostile or mistaken upload from exhausting memory, disk or time (TRUST SC-9). */
export interface ReadLimits {
  /** Size of the uploaded file itself. */
  maxFileBytes: number;
  /** Sum of the uncompressed parts of an xlsx/ods, checked before and while reading. */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed size above which a zip part is treated as a bomb. */
  maxCompressionRatio: number;
  /** Data rows (the header is not counted). */
  maxRows: number;
  /** One cell; a larger cell makes its row an error, the rest of the file still reads. */
  maxCellBytes: number;
  /** Columns in the header; more is not a patron list. */
  maxColumns: number;
  /** Problems listed one by one; beyond this a single summary counts the rest. */
  maxProblems: number;
}

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 100 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  // Real sheets compress 5–30×, a column of one repeated value a few hundred ×; deflate tops out
  // near 1030×, which is where single-layer bombs sit. Only parts over 1 MiB are judged by ratio.
  maxCompressionRatio: 500,
  maxRows: 1_000_000,
  maxCellBytes: 1024 * 1024,
  maxColumns: 1000,
  maxProblems: 10_000,
});

export function resolveLimits(limits: Partial<ReadLimits> | undefined): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...limits };
}
