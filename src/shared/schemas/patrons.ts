import { z } from 'zod';

/** Patron shapes for the API, the CLI export and the web app. */

export const patronStatusSchema = z.enum(['active', 'expired', 'inactive', 'barred']);

export const phoneSchema = z.object({
  kind: z.enum(['home', 'mobile', 'work', 'other']),
  raw: z.string(),
  e164: z.string().nullable(),
  extension: z.string().nullable(),
  valid: z.boolean(),
});
export type Phone = z.infer<typeof phoneSchema>;

export const patronSchema = z
  .object({
    id: z.number().int(),
    cardNumber: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    preferredName: z.string().nullable(),
    birthDate: z.string().nullable().describe('YYYY-MM-DD'),
    ageBand: z.string().nullable(),
    language: z.string().nullable(),
    branch: z.string().nullable(),
    patronType: z.string().nullable(),
    status: patronStatusSchema,
    expiryDate: z.string().nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    postalCode: z.string().nullable(),
    tags: z.array(z.string()),
    householdId: z
      .number()
      .int()
      .nullable()
      .describe('null when the patron is alone on their phone line'),
    emails: z.array(z.string()),
    phones: z.array(phoneSchema),
    doNotCall: z.boolean(),
    doNotEmail: z.boolean(),
    /** Recorded basis for promotional e-mail (TRUST CA-3), or null. */
    emailConsent: z.enum(['express', 'implied']).nullable(),
    deceased: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Patron' });
export type Patron = z.infer<typeof patronSchema>;

export const patronFilterSchema = z.object({
  search: z.string().trim().max(100).optional().describe('name, card number, phone or e-mail'),
  branch: z.string().max(50).optional(),
  language: z.string().max(10).optional(),
  status: patronStatusSchema.optional(),
  patronType: z.string().max(50).optional(),
  hasPhone: z.enum(['true', 'false']).optional(),
  hasEmail: z.enum(['true', 'false']).optional(),
  inHousehold: z.enum(['true', 'false']).optional(),
});
export type PatronFilter = z.infer<typeof patronFilterSchema>;

export const importProblemSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
  severity: z.enum(['error', 'warning']),
});

export const importReportSchema = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    format: z.string(),
    encoding: z.string().nullable(),
    layout: z.string(),
    mapping: z.record(z.string(), z.string()),
    dryRun: z.boolean(),
    status: z.enum(['running', 'completed', 'failed', 'interrupted']),
    estimatedRows: z
      .number()
      .int()
      .nullable()
      .describe('rows expected, for a progress bar; null when the format does not tell'),
    rows: z.number().int().describe('rows read so far (all of them once completed)'),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    warnings: z.number().int(),
    missing: z
      .number()
      .int()
      .nullable()
      .describe('patrons already here that this file did not contain (reported, never deleted)'),
    error: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof importReportSchema>;
