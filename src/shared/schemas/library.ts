import { z } from 'zod';

/** The library's own details: used in scripts ({{library.name}}), e-mails and calling hours. */
export const librarySettingsSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    callbackNumber: z.string().trim().max(50),
    address: z.string().trim().max(500),
    contactEmail: z.union([z.literal(''), z.email()]),
    website: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
    /** IANA time zone of the library; patrons' own zones come from their province. */
    timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as America/Toronto'),
    defaultLanguage: z.string().regex(/^[a-z]{2}$/),
  })
  .meta({ id: 'LibrarySettings' });
export type LibrarySettings = z.infer<typeof librarySettingsSchema>;

export const DEFAULT_LIBRARY_SETTINGS: LibrarySettings = {
  name: 'Your Public Library',
  callbackNumber: '',
  address: '',
  contactEmail: '',
  website: '',
  timeZone: 'America/Toronto',
  defaultLanguage: 'en',
};

const knownZones = new Set<string>();

function isTimeZone(value: string): boolean {
  if (knownZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    knownZones.add(value);
    return true;
  } catch {
    return false;
  }
}
