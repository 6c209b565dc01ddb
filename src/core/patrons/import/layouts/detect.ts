import type { FieldMapping, FileFormat } from '../types.js';
import { generic } from './generic.js';
import { headerKey } from './headers.js';
import { isKnownHeader, resolveMapping } from './resolve.js';
import type { Layout, LayoutDetection, MappingResolution } from './types.js';

/** Six characteristic headers are proof enough; exports rarely carry every column. */
const SIGNATURE_ENOUGH = 6;
const SIGNATURE_WEIGHT = 0.75;
/** The generic layout tops out below a specific layout that has most of its signature. */
const GENERIC_CEILING = 0.5;

function score(layout: Layout, headers: readonly string[], resolution: MappingResolution): number {
  if (headers.length === 0) return 0;
  const known = headers.filter((header) => isKnownHeader(layout, header)).length / headers.length;
  const hasCard = resolution.mapping.cardNumber !== undefined;
  if (layout.signature.length === 0) {
    return GENERIC_CEILING * (hasCard ? known : known * 0.5);
  }
  const keys = new Set(headers.map(headerKey));
  const hits = layout.signature.filter((header) => keys.has(headerKey(header))).length;
  if (hits === 0) return 0;
  const signature = Math.min(1, hits / Math.min(SIGNATURE_ENOUGH, layout.signature.length));
  const value = SIGNATURE_WEIGHT * signature + (1 - SIGNATURE_WEIGHT) * known;
  return hasCard ? value : value * 0.5;
}

/**
 * Picks the layout whose signature headers the file carries best, among layouts that read this
 * format. The generic layout wins when no system-specific layout fits better; on equal scores
 * the order of `layouts` decides (system layouts come first).
 */
export function detectLayout(
  headers: readonly string[],
  format: FileFormat,
  layouts: readonly Layout[],
  overrides?: FieldMapping,
): LayoutDetection {
  let best: { layout: Layout; confidence: number; resolution: MappingResolution } | undefined;
  const candidates: { id: string; confidence: number }[] = [];
  for (const layout of layouts) {
    if (!layout.formats.includes(format)) continue;
    const resolution = resolveMapping(layout, headers, overrides);
    const confidence = Math.round(score(layout, headers, resolution) * 1000) / 1000;
    candidates.push({ id: layout.id, confidence });
    if (best === undefined || confidence > best.confidence)
      best = { layout, confidence, resolution };
  }
  candidates.sort((a, b) => b.confidence - a.confidence);
  const chosen = best ?? {
    layout: generic,
    confidence: 0,
    resolution: resolveMapping(generic, headers, overrides),
  };
  return { layout: chosen.layout, confidence: chosen.confidence, candidates, ...chosen.resolution };
}
