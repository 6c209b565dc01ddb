import { z } from 'zod';
import { patronStatusSchema } from './patrons.js';
import { saveScriptInput } from './scripts.js';

/** Campaigns: who is called, why, how, with which script, services and training. */

export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'closed'] as const;
export const campaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
export const CHANNELS = ['phone', 'email', 'phone_then_email'] as const;
export const channelSchema = z.enum(CHANNELS);
export const AGE_BANDS = [
  '0-17',
  '18-54',
  '55-64',
  '65-69',
  '70-74',
  '75-79',
  '80-84',
  '85-89',
  '90+',
] as const;

const isoDate = z.iso.date();
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

/** A saved filter over patrons. Every present condition must hold. */
export const audienceSchema = z
  .object({
    ageBands: z.array(z.enum(AGE_BANDS)).max(9).optional(),
    minAge: z.number().int().min(0).max(130).optional(),
    maxAge: z.number().int().min(0).max(130).optional(),
    bornAfter: isoDate.optional(),
    bornBefore: isoDate.optional(),
    branches: z.array(z.string().max(50)).max(100).optional(),
    languages: z.array(z.string().max(10)).max(50).optional(),
    patronTypes: z.array(z.string().max(50)).max(100).optional(),
    /** Default: active only (expired, inactive and barred patrons left out). */
    statuses: z.array(patronStatusSchema).max(4).optional(),
    tags: z.array(z.string().max(50)).max(50).optional(),
    inHousehold: z.boolean().optional(),
    hasPhone: z.boolean().optional(),
    hasEmail: z.boolean().optional(),
    notInOtherActiveCampaign: z.boolean().optional(),
    /** Leave out patrons reached (spoken to) by any campaign on or after this date. */
    notContactedSince: isoDate.optional(),
  })
  .meta({ id: 'Audience' });
export type Audience = z.infer<typeof audienceSchema>;

/** Priority rules, in order: a patron gets the rank of the first rule they match (lower calls first). */
export const priorityRuleSchema = z.object({
  label: z.string().trim().min(1).max(100),
  when: audienceSchema,
});
export type PriorityRule = z.infer<typeof priorityRuleSchema>;

export const callingHoursSchema = z.object({
  weekdayStart: clock.default('09:00'),
  weekdayEnd: clock.default('21:30'),
  weekendStart: clock.default('10:00'),
  weekendEnd: clock.default('18:00'),
});
export type CallingHours = z.infer<typeof callingHoursSchema>;

export const trainingSchema = z.object({
  talkingPoints: z.array(z.string().trim().min(1).max(1000)).max(30).default([]),
  faq: z
    .array(
      z.object({
        question: z.string().trim().min(1).max(300),
        answer: z.string().trim().min(1).max(2000),
      }),
    )
    .max(30)
    .default([]),
  tips: z.array(z.string().trim().min(1).max(1000)).max(30).default([]),
  links: z
    .array(z.object({ label: z.string().trim().min(1).max(120), url: z.url() }))
    .max(20)
    .default([]),
});
export type Training = z.infer<typeof trainingSchema>;

const campaignFields = z.object({
  name: z.string().trim().min(1).max(120),
  purpose: z.string().trim().min(1).max(2000),
  legalAuthority: z.string().trim().min(1).max(1000),
  contact: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .describe('who patrons and staff can ask about this campaign'),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  channel: channelSchema,
  /** With phone_then_email: unanswered calls before the patron is marked for an e-mail. */
  emailAfterAttempts: z.number().int().min(1).max(20),
  maxAttempts: z.number().int().min(1).max(20),
  /** Hours to wait before trying an unanswered patron again. */
  attemptGapHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30),
  callingHours: callingHoursSchema,
  /** null: every caller may work it; otherwise these staff ids. */
  callerIds: z.array(z.number().int()).max(500).nullable(),
  audience: audienceSchema,
  priorities: z.array(priorityRuleSchema).max(20),
  scriptId: z.number().int().nullable(),
  serviceKeys: z.array(z.string().max(50)).max(50),
  training: trainingSchema,
});

/** A new campaign: what is left out takes the legal and usual defaults. */
export const campaignSettingsSchema = campaignFields.extend({
  startsOn: campaignFields.shape.startsOn.default(null),
  endsOn: campaignFields.shape.endsOn.default(null),
  channel: campaignFields.shape.channel.default('phone'),
  emailAfterAttempts: campaignFields.shape.emailAfterAttempts.default(3),
  maxAttempts: campaignFields.shape.maxAttempts.default(3),
  attemptGapHours: campaignFields.shape.attemptGapHours.default(24),
  callingHours: callingHoursSchema.default({
    weekdayStart: '09:00',
    weekdayEnd: '21:30',
    weekendStart: '10:00',
    weekendEnd: '18:00',
  }),
  callerIds: campaignFields.shape.callerIds.default(null),
  audience: audienceSchema.default({}),
  priorities: campaignFields.shape.priorities.default([]),
  scriptId: campaignFields.shape.scriptId.default(null),
  serviceKeys: campaignFields.shape.serviceKeys.default([]),
  training: trainingSchema.default({ talkingPoints: [], faq: [], tips: [], links: [] }),
});
export const createCampaignInput = campaignSettingsSchema;
export type CreateCampaignInput = z.input<typeof createCampaignInput>;
/** A change: only the fields sent change (no defaults fill in the others). */
export const updateCampaignInput = campaignFields.partial();
export type UpdateCampaignInput = z.input<typeof updateCampaignInput>;

export const campaignSchema = campaignSettingsSchema
  .extend({
    id: z.number().int(),
    status: campaignStatusSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    launchedAt: z.string().nullable(),
    /** Patrons on the call list (0 before launch). */
    callListSize: z.number().int(),
  })
  .meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof campaignSchema>;

/** What a viewer may see of a campaign: its name and figures, never its audience or patrons. */
export const campaignSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  status: campaignStatusSchema,
  channel: channelSchema,
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  callListSize: z.number().int(),
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const audiencePreviewSchema = z.object({
  count: z.number().int(),
  households: z.number().int(),
  withPhone: z.number().int(),
  withEmail: z.number().int(),
  byPriority: z.array(z.object({ label: z.string(), count: z.number().int() })),
  sample: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      ageBand: z.string().nullable(),
      language: z.string().nullable(),
      branch: z.string().nullable(),
      priority: z.string(),
    }),
  ),
});
export type AudiencePreview = z.infer<typeof audiencePreviewSchema>;

export const serviceSchema = z
  .object({
    id: z.number().int(),
    key: z.string(),
    name: z.record(z.string(), z.string()).describe('by language: { en, fr, … }'),
    description: z.record(z.string(), z.string()),
    talkingPoint: z.record(z.string(), z.string()),
    link: z.string().nullable(),
    active: z.boolean(),
    /** Wanting help with it on a call raises a follow-up task. */
    raisesTask: z.boolean().default(false),
  })
  .meta({ id: 'Service' });
export type Service = z.infer<typeof serviceSchema>;

/** A shareable campaign: settings, script, services and training — never patrons. */
export const campaignFileSchema = z.object({
  format: z.literal('outreach-desk-campaign'),
  version: z.literal(1),
  campaign: campaignSettingsSchema.omit({ scriptId: true, callerIds: true }),
  script: saveScriptInput.nullable(),
  services: z.array(serviceSchema.omit({ id: true })),
});
export type CampaignFile = z.infer<typeof campaignFileSchema>;
