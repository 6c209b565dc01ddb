import type { FieldMapping, MappableField } from '../types.js';
import { MAPPABLE_FIELDS } from '../types.js';
import { headerKey } from './headers.js';
import { refusalReason } from './privacy.js';
import type { Layout, MappingResolution, RefusedColumn } from './types.js';

interface LayoutKeys {
  /** Header key → field, for every alias of the layout. */
  aliases: Map<string, MappableField>;
  ignored: Set<string>;
}

const keysByLayout = new WeakMap<Layout, LayoutKeys>();

/** The layout's aliases and ignored columns as header keys, computed once per layout. */
export function layoutKeys(layout: Layout): LayoutKeys {
  const cached = keysByLayout.get(layout);
  if (cached !== undefined) return cached;
  const aliases = new Map<string, MappableField>();
  for (const field of MAPPABLE_FIELDS) {
    for (const alias of layout.headerAliases[field] ?? []) {
      const key = headerKey(alias);
      if (!aliases.has(key)) aliases.set(key, field);
    }
  }
  const keys = { aliases, ignored: new Set(layout.ignoredColumns.map(headerKey)) };
  keysByLayout.set(layout, keys);
  return keys;
}

/** True when the layout knows the header, whether it maps it or deliberately ignores it. */
export function isKnownHeader(layout: Layout, header: string): boolean {
  const key = headerKey(header);
  const keys = layoutKeys(layout);
  return (
    keys.aliases.has(key) ||
    keys.ignored.has(key) ||
    (layout.ignoredPatterns ?? []).some((pattern) => pattern.test(key))
  );
}

function firstHeaderPerKey(headers: readonly string[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const header of headers) {
    const key = headerKey(header);
    if (key.length > 0 && !byKey.has(key)) byKey.set(key, header);
  }
  return byKey;
}

/**
 * Maps a file's headers to patron fields with the layout's aliases (first alias present wins),
 * then applies a coordinator's overrides (an empty column name leaves the field out). Refused columns (PR-2) are never mapped, even when an
 * override names them; columns the layout does not know are listed, never fatal.
 */
export function resolveMapping(
  layout: Layout,
  headers: readonly string[],
  overrides?: FieldMapping,
): MappingResolution {
  const byKey = firstHeaderPerKey(headers);
  const refused = new Map<string, RefusedColumn>();
  for (const header of headers) {
    const reason = refusalReason(header);
    if (reason !== undefined) refused.set(header, { column: header, reason });
  }
  const mapping: FieldMapping = {};
  for (const field of MAPPABLE_FIELDS) {
    for (const alias of layout.headerAliases[field] ?? []) {
      const header = byKey.get(headerKey(alias));
      if (header !== undefined && !refused.has(header)) {
        mapping[field] = header;
        break;
      }
    }
  }
  const rejectedOverrides: MappingResolution['rejectedOverrides'] = [];
  for (const field of MAPPABLE_FIELDS) {
    const column = overrides?.[field];
    if (column === undefined) continue;
    // An empty choice is the coordinator saying "do not import this field".
    if (column === '') {
      mapping[field] = undefined;
      continue;
    }
    const refusal = refused.get(column);
    if (refusal !== undefined) rejectedOverrides.push({ field, column, reason: refusal.reason });
    else if (!headers.includes(column)) {
      rejectedOverrides.push({ field, column, reason: 'the file has no such column' });
    } else mapping[field] = column;
  }
  const mapped = new Set(Object.values(mapping));
  const unknownColumns: string[] = [];
  const ignoredColumns: string[] = [];
  for (const header of headers) {
    if (mapped.has(header) || refused.has(header)) continue;
    if (isKnownHeader(layout, header)) ignoredColumns.push(header);
    else unknownColumns.push(header);
  }
  return {
    mapping,
    unknownColumns,
    ignoredColumns,
    refusedColumns: [...refused.values()],
    rejectedOverrides,
  };
}
