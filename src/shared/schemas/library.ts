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
    /** Shown on every caller's screen: what to do when a patron's life is at risk, per language. */
    emergencyGuidance: z.object({
      en: z.string().trim().max(2000),
      fr: z.string().trim().max(2000),
    }),
    /** An urgent concern not acknowledged within this many minutes is notified again. */
    urgentAcknowledgeMinutes: z.number().int().min(5).max(1440),
    /** A recurring call missed this many times in a row raises a wellbeing escalation. */
    missedCallsBeforeEscalation: z.number().int().min(1).max(10),
    /** Days a follow-up task has by default. */
    taskDueDays: z.number().int().min(0).max(60),
    /**
     * Concern, referral and task notes are emptied this many days after their case is closed
     * (TRUST PR-3); the counts stay for the reports.
     */
    sensitiveNotesRetentionDays: z.number().int().min(30).max(3650),
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
  emergencyGuidance: {
    en: 'If the patron’s life or safety is at risk, call 911 now and stay on the line with them if you can. Then record an urgent concern: the coordinators are told at once.',
    fr: 'Si la vie ou la sécurité de l’usager est en danger, composez le 911 immédiatement et restez en ligne avec lui si possible. Signalez ensuite une préoccupation urgente : les coordonnateurs sont prévenus aussitôt.',
  },
  urgentAcknowledgeMinutes: 30,
  missedCallsBeforeEscalation: 3,
  taskDueDays: 2,
  sensitiveNotesRetentionDays: 365,
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
