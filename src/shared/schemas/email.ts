import { z } from 'zod';

/**
 * Care e-mails: templates (a version per language), campaign mailings, the outbox and its
 * delivery states, unsubscribes and suppressions, and the admin's mail settings.
 */

export const TEMPLATE_CLASSES = ['transactional', 'promotional'] as const;
export const templateClassSchema = z.enum(TEMPLATE_CLASSES);
export const TEMPLATE_PURPOSES = ['general', 'missed_you', 'follow_up'] as const;
export const templatePurposeSchema = z.enum(TEMPLATE_PURPOSES);

/**
 * The only merge fields a template may use, written `{{patron.firstName}}`. Values are escaped
 * for HTML; `services.list` becomes a list of the services (with their links) the e-mail is about,
 * and `unsubscribe.url` the patron's own unsubscribe link.
 */
export const EMAIL_MERGE_FIELDS = [
  'patron.firstName',
  'patron.preferredName',
  'patron.lastName',
  'caller.name',
  'campaign.name',
  'library.name',
  'library.website',
  'library.callbackNumber',
  'library.address',
  'library.contactEmail',
  'services.list',
  'unsubscribe.url',
] as const;
export type EmailMergeField = (typeof EMAIL_MERGE_FIELDS)[number];

const language = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code such as en');

/** Header text: CR, LF and NUL can never reach a header (TRUST SC-8). */
export const headerText = z
  .string()
  .trim()
  .refine((v) => !/[\r\n\0]/.test(v), 'must be on one line (no line breaks)');

export const templateVersionSchema = z.object({
  language,
  subject: headerText.pipe(z.string().min(1).max(200)),
  /** HTML body: only safe tags and attributes are kept (scripts, styles and events never). */
  html: z.string().trim().min(1).max(50_000),
  text: z.string().trim().min(1).max(50_000),
});
export type TemplateVersion = z.infer<typeof templateVersionSchema>;

export const emailTemplateSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    class: templateClassSchema,
    purpose: templatePurposeSchema,
    defaultLanguage: z.string(),
    versions: z.array(templateVersionSchema.extend({ updatedAt: z.string() })),
    archived: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EmailTemplate' });
export type EmailTemplate = z.infer<typeof emailTemplateSchema>;

const templateFields = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(500).default(''),
  class: templateClassSchema,
  purpose: templatePurposeSchema.default('general'),
  defaultLanguage: language,
  versions: z
    .array(templateVersionSchema)
    .min(1)
    .max(10)
    .refine(
      (versions) => new Set(versions.map((v) => v.language)).size === versions.length,
      'one version per language',
    ),
});
export const createEmailTemplateInput = templateFields;
export type CreateEmailTemplateInput = z.input<typeof createEmailTemplateInput>;
export const updateEmailTemplateInput = z
  .object({
    name: templateFields.shape.name,
    description: z.string().trim().max(500),
    class: templateClassSchema,
    purpose: templatePurposeSchema,
    defaultLanguage: language,
    versions: templateFields.shape.versions,
    archived: z.boolean(),
  })
  .partial();
export type UpdateEmailTemplateInput = z.input<typeof updateEmailTemplateInput>;

/** Preview a saved template (or unsaved text) for a patron, or for a sample patron. */
export const previewEmailInput = z.object({
  templateId: z.number().int().optional(),
  version: templateVersionSchema.optional(),
  class: templateClassSchema.optional(),
  language: language.optional(),
  patronId: z.number().int().optional(),
  campaignId: z.number().int().optional(),
  serviceKeys: z.array(z.string().max(50)).max(20).optional(),
});
export const renderedEmailSchema = z
  .object({
    language: z.string(),
    subject: z.string(),
    html: z.string(),
    text: z.string(),
    headers: z.array(z.tuple([z.string(), z.string()])),
    /** Unknown merge fields, missing values and the like, for the editor to show. */
    warnings: z.array(z.string()),
  })
  .meta({ id: 'RenderedEmail' });
export type RenderedEmail = z.infer<typeof renderedEmailSchema>;

export const OUTBOX_STATES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'bounced',
  'cancelled',
] as const;
export const outboxStateSchema = z.enum(OUTBOX_STATES);
export const OUTBOX_KINDS = ['campaign', 'follow_up', 'test', 'notification'] as const;

export const outboxMessageSchema = z
  .object({
    id: z.number().int(),
    messageId: z.string(),
    kind: z.enum(OUTBOX_KINDS),
    campaignId: z.number().int().nullable(),
    campaignName: z.string().nullable(),
    mailingId: z.number().int().nullable(),
    patronId: z.number().int().nullable(),
    patronName: z.string().nullable(),
    templateName: z.string().nullable(),
    toAddress: z.string(),
    subject: z.string(),
    state: outboxStateSchema,
    tries: z.number().int(),
    nextTryAt: z.string().nullable(),
    lastError: z.string().nullable(),
    queuedBy: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'OutboxMessage' });
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const listOutboxQuery = z.object({
  campaignId: z.coerce.number().int().optional(),
  mailingId: z.coerce.number().int().optional(),
  patronId: z.coerce.number().int().optional(),
  state: outboxStateSchema.optional(),
  /** Messages with an id below this one (the next page). */
  before: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListOutboxQuery = z.input<typeof listOutboxQuery>;

export const outboxCountsSchema = z.object(
  Object.fromEntries(OUTBOX_STATES.map((s) => [s, z.number().int()])) as Record<
    (typeof OUTBOX_STATES)[number],
    z.ZodNumber
  >,
);
export type OutboxCounts = z.infer<typeof outboxCountsSchema>;

export const MAILING_STATUSES = ['sending', 'paused', 'done', 'cancelled'] as const;
export const mailingSchema = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    templateId: z.number().int(),
    templateName: z.string(),
    status: z.enum(MAILING_STATUSES),
    scheduledAt: z.string(),
    pausedReason: z.string().nullable(),
    counts: outboxCountsSchema,
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Mailing' });
export type Mailing = z.infer<typeof mailingSchema>;

/** Who a campaign's e-mail step would reach now, and who it leaves out and why. */
export const emailAudienceSchema = z
  .object({
    /** Would get the e-mail. */
    eligible: z.number().int(),
    /** Already e-mailed with this template by this campaign (cancelled messages do not count). */
    alreadySent: z.number().int(),
    /** Unsubscribed, bounced, complained or do-not-e-mail. */
    suppressed: z.number().int(),
    /** Promotional template and no recorded consent (TRUST CA-3). */
    noConsent: z.number().int(),
  })
  .meta({ id: 'EmailAudience' });
export type EmailAudience = z.infer<typeof emailAudienceSchema>;

export const sendCampaignEmailsInput = z.object({
  templateId: z.number().int(),
  /** Start later; default now. */
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
});
export type SendCampaignEmailsInput = z.input<typeof sendCampaignEmailsInput>;

/** The follow-up e-mail from the calling screen: the link(s) the patron asked for. */
export const sendFollowUpEmailInput = z.object({
  claimToken: z.string().min(1).max(100),
  patronId: z.number().int(),
  templateId: z.number().int(),
  /** The services the patron wanted help with: their links fill {{services.list}}. */
  serviceKeys: z.array(z.string().max(50)).max(20).default([]),
  /** Which of the patron's addresses (the call card lists them masked); default: the first. */
  addressIndex: z.number().int().min(0).max(9).default(0),
});
export type SendFollowUpEmailInput = z.input<typeof sendFollowUpEmailInput>;

export const SECURITY_MODES = ['tls', 'starttls', 'none'] as const;

/** Mail settings as shown back to an admin: passwords never, only whether one is set. */
export const mailSettingsSchema = z
  .object({
    /** log: messages are written as .eml files under the data directory, nothing is sent. */
    mode: z.enum(['log', 'smtp']),
    host: z.string(),
    port: z.number().int(),
    security: z.enum(SECURITY_MODES),
    username: z.string(),
    passwordSet: z.boolean(),
    fromName: z.string(),
    fromAddress: z.string(),
    replyTo: z.string(),
    /** Connections kept open to the relay. */
    connections: z.number().int(),
    /** The relay's quota: 0 means no limit. */
    perMinute: z.number().int(),
    perDay: z.number().int(),
    /** Active cardholders count as having implied consent to promotional e-mail (CA-3 policy). */
    impliedConsentForActive: z.boolean(),
    bounces: z.object({
      enabled: z.boolean(),
      host: z.string(),
      port: z.number().int(),
      security: z.enum(SECURITY_MODES),
      username: z.string(),
      passwordSet: z.boolean(),
      mailbox: z.string(),
    }),
    /** Whether a bounce webhook token is set (the token is shown once, when created). */
    webhookTokenSet: z.boolean(),
  })
  .meta({ id: 'MailSettings' });
export type MailSettings = z.infer<typeof mailSettingsSchema>;

const hostName = z
  .string()
  .trim()
  .max(253)
  .regex(/^[A-Za-z0-9.-]*$/, 'must be a host name such as smtp.office365.com');
/** Undefined keeps the stored password; an empty string removes it. */
const password = z.string().max(500).optional();

export const updateMailSettingsInput = z
  .object({
    mode: z.enum(['log', 'smtp']),
    host: hostName,
    port: z.number().int().min(1).max(65535),
    security: z.enum(SECURITY_MODES),
    username: headerText.pipe(z.string().max(320)),
    password,
    fromName: headerText.pipe(z.string().max(120)),
    fromAddress: z.union([z.literal(''), z.email()]),
    replyTo: z.union([z.literal(''), z.email()]),
    connections: z.number().int().min(1).max(50),
    perMinute: z.number().int().min(0).max(100_000),
    perDay: z.number().int().min(0).max(10_000_000),
    impliedConsentForActive: z.boolean(),
    bounces: z
      .object({
        enabled: z.boolean(),
        host: hostName,
        port: z.number().int().min(1).max(65535),
        security: z.enum(SECURITY_MODES),
        username: z.string().trim().max(320),
        password,
        mailbox: z.string().trim().min(1).max(200),
      })
      .partial(),
  })
  .partial();
export type UpdateMailSettingsInput = z.input<typeof updateMailSettingsInput>;

/** What the public unsubscribe page shows: never the whole address, never the patron's name. */
export const unsubscribeInfoSchema = z
  .object({
    maskedAddress: z.string(),
    libraryName: z.string(),
    language: z.string(),
    unsubscribed: z.boolean(),
  })
  .meta({ id: 'UnsubscribeInfo' });
export type UnsubscribeInfo = z.infer<typeof unsubscribeInfoSchema>;

export const SUPPRESSION_REASONS = ['unsubscribed', 'hard_bounce', 'complaint', 'manual'] as const;
export const suppressionSchema = z
  .object({
    address: z.string(),
    reason: z.enum(SUPPRESSION_REASONS),
    detail: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Suppression' });
export type Suppression = z.infer<typeof suppressionSchema>;

export const EMAIL_EVENT_KINDS = [
  'hard_bounce',
  'soft_bounce',
  'complaint',
  'auto_reply',
  'unknown',
] as const;
export const emailEventSchema = z
  .object({
    id: z.number().int(),
    outboxId: z.number().int().nullable(),
    messageId: z.string().nullable(),
    address: z.string().nullable(),
    kind: z.enum(EMAIL_EVENT_KINDS),
    status: z.string().nullable(),
    diagnostic: z.string().nullable(),
    source: z.enum(['imap', 'webhook']),
    receivedAt: z.string(),
  })
  .meta({ id: 'EmailEvent' });
export type EmailEvent = z.infer<typeof emailEventSchema>;

/** A delivery report posted by a relay or mail service to the bounce webhook. */
export const bounceWebhookInput = z.object({
  type: z.enum(['hard_bounce', 'soft_bounce', 'complaint']),
  recipient: z.email(),
  /** The Message-ID of our message, with or without angle brackets. */
  messageId: z.string().max(300).optional(),
  status: z.string().max(20).optional(),
  diagnostic: z.string().max(2000).optional(),
});
