import { z } from 'zod';

/**
 * Results: the figures of a campaign (or of the whole library) over a date range, the services
 * told about, the quotes, the impact report and the exports. Every figure is defined once, in
 * src/core/results/figures.ts, and documented in docs/reference/figures.md, so two screens never
 * disagree.
 */

/** Calendar days in the library's time zone, both ends included. */
export const statsFilterSchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type StatsFilter = z.infer<typeof statsFilterSchema>;

/** The query of the stats operations: the days, and the language of service names (else the library's). */
export const statsQuerySchema = statsFilterSchema.extend({
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
});
export type StatsQuery = z.infer<typeof statsQuerySchema>;

/** The named figures, in the order the dashboard and the report show them. */
export const FIGURE_KEYS = [
  'audience',
  'callsMade',
  'patronsCalled',
  'patronsReachedByPhone',
  'reachRate',
  'reached',
  'voicemail',
  'noAnswer',
  'busy',
  'wrongNumber',
  'notInService',
  'declined',
  'doNotCall',
  'callbackRequested',
  'emailsSent',
  'emailsDelivered',
  'emailsBounced',
  'emailsFailed',
  'unsubscribed',
  'patronsEmailed',
  'patronsReachedAnyChannel',
  'quotesCollected',
  'quotesApproved',
  'concerns',
  'urgentConcerns',
  'informationRequests',
  'callbacksDue',
  'tasksCreated',
  'tasksDone',
  'tasksOverdue',
  'escalationsRaised',
  'escalationsOpen',
  'referralsMade',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const figuresSchema = z.object(
  Object.fromEntries(
    FIGURE_KEYS.map((k) => [k, k === 'reachRate' ? z.number().nullable() : z.number().int()]),
  ) as { [K in FigureKey]: K extends 'reachRate' ? z.ZodNullable<z.ZodNumber> : z.ZodNumber },
);
export type Figures = z.infer<typeof figuresSchema>;

export const serviceFigureSchema = z.object({
  key: z.string(),
  /** In the language asked for, else English. */
  name: z.string(),
  /** Patrons told about the service on a call. */
  toldAbout: z.number().int(),
  /** Patrons who wanted help with it. */
  wanted: z.number().int(),
});

export const seriesPointSchema = z.object({
  /** YYYY-MM-DD: the day, or the Monday starting the week. */
  date: z.string(),
  calls: z.number().int(),
  patronsReached: z.number().int(),
  emailsSent: z.number().int(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

export const callerActivitySchema = z.object({
  callerId: z.number().int(),
  name: z.string(),
  calls: z.number().int(),
  patronsReached: z.number().int(),
  emailsSent: z.number().int(),
});

export const statsSchema = z
  .object({
    scope: z.object({
      /** null: every campaign of the library. */
      campaignId: z.number().int().nullable(),
      campaignName: z.string().nullable(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      timeZone: z.string(),
      generatedAt: z.string(),
    }),
    figures: figuresSchema,
    services: z.array(serviceFigureSchema),
    daily: z.array(seriesPointSchema),
    weekly: z.array(seriesPointSchema),
    /** Per caller; null for viewers (aggregates only, TRUST PR-5). */
    callers: z.array(callerActivitySchema).nullable(),
  })
  .meta({ id: 'Stats' });
export type Stats = z.infer<typeof statsSchema>;

export const QUOTE_STATUSES = ['pending', 'approved', 'hidden'] as const;

/** A quote as it may be shown: its attribution already applied as the patron allowed. */
export const quoteSchema = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    campaignName: z.string(),
    text: z.string(),
    /** The patron agreed to publication. Only such quotes can be approved. */
    consent: z.boolean(),
    attribution: z.enum(['anonymous', 'first_name', 'full_name']),
    /** "A patron", the first name, or the full name — as the patron allowed. */
    attributedTo: z.string(),
    status: z.enum(QUOTE_STATUSES),
    createdAt: z.string(),
  })
  .meta({ id: 'Quote' });
export type Quote = z.infer<typeof quoteSchema>;

export const listQuotesQuery = z.object({
  campaignId: z.coerce.number().int().optional(),
  status: z.enum(QUOTE_STATUSES).optional(),
});
export const updateQuoteInput = z.object({ status: z.enum(QUOTE_STATUSES) });

export const impactReportSchema = z
  .object({
    library: z.object({ name: z.string(), website: z.string(), address: z.string() }),
    stats: statsSchema,
    /** Up to four approved quotes, newest first. */
    quotes: z.array(quoteSchema),
    /** The coordinator's short narrative for this report (campaign, or library-wide). */
    narrative: z.string(),
    narrativeUpdatedAt: z.string().nullable(),
  })
  .meta({ id: 'ImpactReport' });
export type ImpactReport = z.infer<typeof impactReportSchema>;

export const updateNarrativeInput = z.object({ narrative: z.string().trim().max(3000) });

export const EXPORT_RESULT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportResultFormat = (typeof EXPORT_RESULT_FORMATS)[number];

/** `attributedTo` of an anonymous quote: English; the web app translates it (attribution tells). */
export const ANONYMOUS_ATTRIBUTION = 'A patron';

/** The impact report's scope: a campaign (else the whole library), days, the services' language. */
export const impactReportQuery = statsQuerySchema.extend({
  campaignId: z.coerce.number().int().positive().optional(),
});
export type ImpactReportQuery = z.infer<typeof impactReportQuery>;

/** A narrative for a campaign's report, or the library-wide one (campaignId null). */
export const updateReportNarrativeInput = updateNarrativeInput.extend({
  campaignId: z.number().int().positive().nullable(),
});
export type UpdateReportNarrativeInput = z.input<typeof updateReportNarrativeInput>;

export const reportNarrativeSchema = z
  .object({
    campaignId: z.number().int().nullable(),
    narrative: z.string(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'ReportNarrative' });
export type ReportNarrative = z.infer<typeof reportNarrativeSchema>;

/** The results export of a campaign: one row per patron and attempt (admins and coordinators). */
export const exportResultsQuery = statsQuerySchema.extend({
  format: z.enum(EXPORT_RESULT_FORMATS).default('xlsx'),
});
