/**
 * Province/state and postal code cells. The region finds the patron's time zone for calling hours
 * (DN-2), so Canadian province names in English or French become their two-letter codes.
 */

const PROVINCES: Record<string, string> = {
  alberta: 'AB',
  'british columbia': 'BC',
  'colombie britannique': 'BC',
  manitoba: 'MB',
  'new brunswick': 'NB',
  'nouveau brunswick': 'NB',
  'newfoundland and labrador': 'NL',
  'terre neuve et labrador': 'NL',
  newfoundland: 'NL',
  'nova scotia': 'NS',
  'nouvelle ecosse': 'NS',
  'northwest territories': 'NT',
  'territoires du nord ouest': 'NT',
  nunavut: 'NU',
  ontario: 'ON',
  'prince edward island': 'PE',
  'ile du prince edouard': 'PE',
  quebec: 'QC',
  saskatchewan: 'SK',
  yukon: 'YT',
  pq: 'QC',
};

function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Two- or three-letter codes are uppercased; province names become codes; others kept as written. */
export function normaliseRegion(raw: string): string | null {
  const text = raw.trim();
  if (text.length === 0) return null;
  if (/^[A-Za-z]{2,3}$/.test(text)) return PROVINCES[text.toLowerCase()] ?? text.toUpperCase();
  return PROVINCES[plain(text)] ?? text;
}

const CANADIAN_POSTAL = /^([A-Z]\d[A-Z])\s*-?\s*(\d[A-Z]\d)$/;

/** Uppercases and writes Canadian codes as "A1A 1A1"; other codes keep their spacing. */
export function normalisePostalCode(raw: string): string | null {
  const text = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  if (text.length === 0) return null;
  const canadian = CANADIAN_POSTAL.exec(text);
  return canadian === null ? text : `${canadian[1]} ${canadian[2]}`;
}
