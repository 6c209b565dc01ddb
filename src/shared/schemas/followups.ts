import { z } from 'zod';
import { CONCERN_LEVELS } from './calls.js';

/**
 * Follow-ups: tasks (an information request, a link to send, a referral to check), wellbeing
 * escalations, the directory of community services and the referrals made to them, recurring
 * friendly calls, and the teams that can own tasks. Concern and referral notes are sensitive:
 * only the caller who wrote them, the task's owner and coordinators read them (TRUST PR-3, SC-11).
 */

export const TASK_TYPES = [
  'information',
  'send_link',
  'tech_help',
  'service_help',
  'referral_check',
  'other',
] as const;
export const taskTypeSchema = z.enum(TASK_TYPES);
export type TaskType = z.infer<typeof taskTypeSchema>;

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const taskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const ESCALATION_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export const escalationLevelSchema = z.enum(CONCERN_LEVELS);
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;

export const FREQUENCIES = ['weekly', 'fortnightly', 'monthly'] as const;
export const frequencySchema = z.enum(FREQUENCIES);
export type Frequency = z.infer<typeof frequencySchema>;

const id = z.number().int().positive();
/** An instant, kept as the server writes them (milliseconds, UTC), so stored times compare as text. */
const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());
/** A yes/no in a query string ("true"/"false"), or already a boolean. */
const queryBoolean = z.preprocess(
  (v) => (v === 'true' ? true : v === 'false' ? false : v),
  z.boolean(),
);
const text = (max: number) => z.string().trim().max(max);

/** Proof that a caller may act for this patron: the call they hold, or a task of theirs about them. */
export const patronProofSchema = z.union([
  z.object({ claimId: id, token: z.string().min(20).max(100) }),
  z.object({ taskId: id }),
  z.object({ escalationId: id }),
]);
export type PatronProof = z.infer<typeof patronProofSchema>;

export const personSchema = z.object({ id: z.number().int(), name: z.string() });

/** Who a patron is, as the owner of a follow-up needs to act: no more (TRUST PR-5). */
export const followUpPatronSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  language: z.string().nullable(),
  /** E.164 numbers with extensions as dialled; only on a task or escalation the reader may act on. */
  phones: z.array(z.string()),
  /** Masked addresses (j•••@example.org), in order: the e-mail goes to one by index. */
  emails: z.array(z.string()),
  doNotCall: z.boolean(),
});

export const taskSummarySchema = z.object({
  id: z.number().int(),
  type: taskTypeSchema,
  title: z.string(),
  patronId: z.number().int(),
  patronName: z.string(),
  campaignId: z.number().int().nullable(),
  campaignName: z.string().nullable(),
  owner: personSchema.nullable(),
  team: personSchema.nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  status: taskStatusSchema,
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type TaskSummary = z.infer<typeof taskSummarySchema>;

export const taskNoteSchema = z.object({
  id: z.number().int(),
  author: z.string(),
  text: z.string(),
  at: z.string(),
});

export const taskSchema = taskSummarySchema
  .extend({
    /** What the patron asked, as the caller wrote it. */
    detail: z.string(),
    serviceKey: z.string().nullable(),
    createdBy: z.string().nullable(),
    patron: followUpPatronSchema,
    notes: z.array(taskNoteSchema),
    /** The e-mail that closed it, if any. */
    outboxId: z.number().int().nullable(),
    referral: z
      .object({
        id: z.number().int(),
        serviceName: z.string(),
        shared: z.string(),
        note: z.string(),
      })
      .nullable(),
    /** Emptied by the retention rules on this date. */
    purgedAt: z.string().nullable(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof taskSchema>;

export const listTasksQuery = z.object({
  /** mine: owned by me; team: my teams' unassigned tasks; all: everything I may see. */
  scope: z.enum(['mine', 'team', 'all']).default('mine'),
  status: z.enum(['active', 'closed', 'any']).default('active'),
  overdue: queryBoolean.optional(),
  campaignId: z.coerce.number().int().positive().optional(),
  patronId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListTasksQuery = z.input<typeof listTasksQuery>;

export const createTaskInput = z.object({
  type: taskTypeSchema,
  patronId: id,
  title: text(200).min(1),
  detail: text(4000).default(''),
  ownerId: id.nullable().default(null),
  teamId: id.nullable().default(null),
  dueAt: instant.nullable().default(null),
  campaignId: id.nullable().default(null),
  proof: patronProofSchema.optional(),
});
export type CreateTaskInput = z.input<typeof createTaskInput>;

export const updateTaskInput = z
  .object({
    status: taskStatusSchema.optional(),
    /** Give it to a person, or to a team (owner null), or take it (my own id). */
    ownerId: id.nullable().optional(),
    teamId: id.nullable().optional(),
    dueAt: instant.optional(),
    /** Appended to the task's notes. */
    note: text(4000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export type UpdateTaskInput = z.input<typeof updateTaskInput>;

export const sendTaskEmailInput = z.object({
  templateId: id,
  addressIndex: z.number().int().min(0).max(20).default(0),
  serviceKeys: z.array(z.string().max(50)).max(20).default([]),
});
export type SendTaskEmailInput = z.input<typeof sendTaskEmailInput>;

export const escalationActionSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['notified', 'acknowledged', 'action', 'referred', 'reopened', 'closed']),
  author: z.string().nullable(),
  text: z.string(),
  at: z.string(),
});

export const escalationSummarySchema = z.object({
  id: z.number().int(),
  level: escalationLevelSchema,
  source: z.enum(['call', 'missed_calls']),
  status: z.enum(ESCALATION_STATUSES),
  patronId: z.number().int(),
  patronName: z.string(),
  campaignId: z.number().int().nullable(),
  campaignName: z.string().nullable(),
  raisedBy: z.string().nullable(),
  raisedAt: z.string(),
  /** How many times coordinators were told; more than one: re-notified, not acknowledged in time. */
  notifications: z.number().int(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type EscalationSummary = z.infer<typeof escalationSummarySchema>;

export const escalationSchema = escalationSummarySchema
  .extend({
    /** What the caller wrote. */
    note: z.string(),
    resolution: z.string(),
    /** For coordinators; a caller who raised it gets the name only (no numbers or addresses). */
    patron: followUpPatronSchema,
    actions: z.array(escalationActionSchema),
    referrals: z.array(z.lazy(() => referralSchema)),
    purgedAt: z.string().nullable(),
  })
  .meta({ id: 'Escalation' });
export type Escalation = z.infer<typeof escalationSchema>;

export const listEscalationsQuery = z.object({
  status: z.enum(['active', 'closed', 'any']).default('active'),
  campaignId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListEscalationsQuery = z.input<typeof listEscalationsQuery>;

export const escalationNoteInput = z.object({ text: text(4000).default('') });
export const closeEscalationInput = z.object({ resolution: text(4000).min(1) });

export const referralServiceInput = z.object({
  name: text(200).min(1),
  helpsWith: text(1000).default(''),
  phone: text(50).default(''),
  website: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
  languages: z.array(text(50).min(1)).max(50).default([]),
  hours: text(200).default(''),
  notes: text(2000).default(''),
  archived: z.boolean().default(false),
});
export type ReferralServiceInput = z.input<typeof referralServiceInput>;

export const referralServiceSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    helpsWith: z.string(),
    phone: z.string(),
    website: z.string(),
    languages: z.array(z.string()),
    hours: z.string(),
    notes: z.string(),
    archived: z.boolean(),
    referrals: z.number().int(),
  })
  .meta({ id: 'ReferralService' });
export type ReferralService = z.infer<typeof referralServiceSchema>;

export const createReferralInput = z.object({
  patronId: id,
  serviceId: id,
  /** The patron agreed to be referred (and to what is shared): required. */
  consent: z.literal(true, { error: 'The patron must agree to the referral' }),
  shared: text(2000).default(''),
  note: text(4000).default(''),
  /** When to check that it worked: becomes a task. */
  followUpAt: instant,
  /** The escalation this referral answers, if any: it shows on its timeline. */
  escalationId: id.nullable().default(null),
  proof: patronProofSchema.optional(),
});
export type CreateReferralInput = z.input<typeof createReferralInput>;

export const referralSchema = z
  .object({
    id: z.number().int(),
    patronId: z.number().int(),
    serviceId: z.number().int(),
    serviceName: z.string(),
    escalationId: z.number().int().nullable(),
    taskId: z.number().int().nullable(),
    consentAt: z.string(),
    /** Sensitive: only for the author, the follow-up task's owner and coordinators; else empty. */
    shared: z.string(),
    note: z.string(),
    followUpAt: z.string(),
    createdBy: z.string().nullable(),
    createdById: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Referral' });
export type Referral = z.infer<typeof referralSchema>;

export const listReferralsQuery = z.object({
  patronId: z.coerce.number().int().positive().optional(),
  escalationId: z.coerce.number().int().positive().optional(),
});

export const enrolRecurringCallsInput = z.object({
  patronId: id,
  /** The campaign whose callers make the calls: a running one, such as "Friendly calls". */
  campaignId: id,
  frequency: frequencySchema,
  /** The caller the calls go to first (default: me); null: anyone. */
  callerId: id.nullable().optional(),
  firstCallAt: instant,
  proof: patronProofSchema.optional(),
});
export type EnrolRecurringCallsInput = z.input<typeof enrolRecurringCallsInput>;

export const updateRecurringCallsInput = z
  .object({
    status: z.enum(['active', 'paused', 'ended']).optional(),
    frequency: frequencySchema.optional(),
    callerId: id.nullable().optional(),
    campaignId: id.optional(),
    nextCallAt: instant.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export type UpdateRecurringCallsInput = z.input<typeof updateRecurringCallsInput>;

export const recurringCallsSchema = z
  .object({
    id: z.number().int(),
    patronId: z.number().int(),
    patronName: z.string(),
    campaignId: z.number().int(),
    campaignName: z.string(),
    campaignActive: z.boolean(),
    frequency: frequencySchema,
    caller: personSchema.nullable(),
    nextCallAt: z.string(),
    missedInRow: z.number().int(),
    status: z.enum(['active', 'paused', 'ended']),
    endedReason: z.string().nullable(),
  })
  .meta({ id: 'RecurringCalls' });
export type RecurringCalls = z.infer<typeof recurringCallsSchema>;

export const listRecurringCallsQuery = z.object({
  scope: z.enum(['mine', 'all']).default('mine'),
  status: z.enum(['active', 'paused', 'ended', 'any']).default('active'),
});

export const teamSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    members: z.array(personSchema),
  })
  .meta({ id: 'Team' });
export type Team = z.infer<typeof teamSchema>;

export const teamInput = z.object({
  name: text(100).min(1),
  memberIds: z.array(id).max(500).default([]),
});
export type TeamInput = z.input<typeof teamInput>;

/** A callback booked for me on a running campaign: when, whom, and whether it is due. */
export const myCallbackSchema = z
  .object({
    callListId: z.number().int(),
    campaignId: z.number().int(),
    campaignName: z.string(),
    patronName: z.string(),
    at: z.string(),
    due: z.boolean(),
    /** A recurring friendly call rather than a callback the patron asked for. */
    recurring: z.boolean(),
  })
  .meta({ id: 'MyCallback' });
export type MyCallback = z.infer<typeof myCallbackSchema>;

/** The counts behind the navigation's badges and the "My work" page's headings. */
export const workSummarySchema = z
  .object({
    myTasks: z.number().int(),
    myOverdueTasks: z.number().int(),
    teamTasks: z.number().int(),
    recurringDue: z.number().int(),
    /** Coordinators and admins only (0 for others): escalations not yet acknowledged. */
    escalationsWaiting: z.number().int(),
    urgentWaiting: z.number().int(),
  })
  .meta({ id: 'WorkSummary' });
export type WorkSummary = z.infer<typeof workSummarySchema>;
