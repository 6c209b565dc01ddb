import { evergreenCsv } from './evergreen-csv.js';
import { folioJson } from './folio-json.js';
import { generic } from './generic.js';
import { kohaApiJson } from './koha-api-json.js';
import { kohaCsv } from './koha-csv.js';
import { polarisCsv } from './polaris-csv.js';
import { polarisPhoneNoticeCsv } from './polaris-phone-notice-csv.js';
import { sierraCsv } from './sierra-csv.js';
import { symphonyCsv } from './symphony-csv.js';
import type { Layout } from './types.js';
import { detectLayout as detectAmong } from './detect.js';
import type { FieldMapping, FileFormat } from '../types.js';
import type { LayoutDetection } from './types.js';

/** Every layout, system layouts first so that they win ties against the generic one. */
export const LAYOUTS: readonly Layout[] = [
  kohaCsv,
  kohaApiJson,
  evergreenCsv,
  folioJson,
  polarisCsv,
  polarisPhoneNoticeCsv,
  sierraCsv,
  symphonyCsv,
  generic,
];

export function findLayout(id: string): Layout | undefined {
  return LAYOUTS.find((layout) => layout.id === id);
}

/** Detects the layout of a file from its header row among all known layouts. */
export function detectLayout(
  headers: readonly string[],
  format: FileFormat,
  overrides?: FieldMapping,
): LayoutDetection {
  return detectAmong(headers, format, LAYOUTS, overrides);
}

export { mapRow } from './map-row.js';
export { resolveMapping } from './resolve.js';
export { refusalReason } from './privacy.js';
export { headerKey } from './headers.js';
export { POLARIS_PHONE_NOTICE_COLUMNS } from './polaris-phone-notice-csv.js';
export {
  evergreenCsv,
  folioJson,
  generic,
  kohaApiJson,
  kohaCsv,
  polarisCsv,
  polarisPhoneNoticeCsv,
  sierraCsv,
  symphonyCsv,
};
export type * from './types.js';
