import { z } from 'zod';
import { phoneSchema } from './patrons.js';
import { scriptVersionBodySchema } from './scripts.js';
import { lineInput } from './telephony.js';

/**
 * Calling: a caller claims the next patron (or household) of a campaign, calls, and records an
 * outcome per person. A claim is a lease with a secret token: every write about the call carries
 * the token, so a caller whose lease expired and was re-issued cannot write over the new holder.
 */

export const OUTCOMES = [
  'reached',
  'voicemail',
  'no_answer',
  'busy',
  'wrong_number',
  'not_in_service',
  'declined',
  'do_not_call',
  'callback',
  'deceased',
] as const;
export const outcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcomeSchema>;

/** What each outcome means for what happens next (like call-centre dispositions). */
export const OUTCOME_FLAGS: Record<
  Outcome,
  { contact: boolean; final: boolean; retry: boolean; doNotCall: boolean }
> = {
  reached: { contact: true, final: true, retry: false, doNotCall: false },
  voicemail: { contact: false, final: false, retry: true, doNotCall: false },
  no_answer: { contact: false, final: false, retry: true, doNotCall: false },
  busy: { contact: false, final: false, retry: true, doNotCall: false },
  wrong_number: { contact: false, final: true, retry: false, doNotCall: false },
  not_in_service: { contact: false, final: true, retry: false, doNotCall: false },
  declined: { contact: true, final: true, retry: false, doNotCall: false },
  do_not_call: { contact: true, final: true, retry: false, doNotCall: true },
  callback: { contact: true, final: false, retry: false, doNotCall: false },
  deceased: { contact: false, final: true, retry: false, doNotCall: false },
};

/** Keyboard shortcuts shown on the outcome buttons. */
export const OUTCOME_SHORTCUTS: Record<Outcome, string> = {
  reached: 'r',
  voicemail: 'v',
  no_answer: 'n',
  busy: 'b',
  wrong_number: 'w',
  not_in_service: 's',
  declined: 'd',
  do_not_call: 'x',
  callback: 'c',
  deceased: 'k',
};

export const CALL_SCHEMES = ['tel', 'sip', 'callto', 'teams', 'zoom', 'ringcentral'] as const;
export const callSchemeSchema = z.enum(CALL_SCHEMES);
export type CallScheme = z.infer<typeof callSchemeSchema>;

export const CONCERN_LEVELS = ['more_contact', 'practical_help', 'urgent'] as const;
export const ATTRIBUTIONS = ['anonymous', 'first_name', 'full_name'] as const;

export const callPatronSchema = z.object({
  patronId: z.number().int(),
  callListId: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  preferredName: z.string().nullable(),
  language: z.string().nullable(),
  ageBand: z.string().nullable(),
  phones: z.array(phoneSchema),
  attempts: z.number().int(),
  /** The patron's e-mail addresses, masked (j•••@example.org), in order: a follow-up can go to one. */
  emails: z.array(z.string()),
  /** The script version this patron's call uses (their language, else the script's default). */
  scriptVersionId: z.number().int().nullable(),
  scriptLanguage: z.string().nullable(),
});

/** What a past attempt can show: a call outcome, or an e-mail sent by a campaign or a follow-up. */
export const historyOutcomeSchema = z.union([outcomeSchema, z.literal('email_sent')]);

export const attemptHistorySchema = z.object({
  at: z.string(),
  campaign: z.string(),
  patronName: z.string(),
  outcome: historyOutcomeSchema,
  caller: z.string(),
  /** Shareable notes only: private ones are never shown to later callers. */
  note: z.string().nullable(),
});

/** Everything the caller's screen needs, only while the claim is held (TRUST PR-5). */
export const callCardSchema = z
  .object({
    claimId: z.number().int(),
    token: z.string(),
    expiresAt: z.string(),
    campaignId: z.number().int(),
    campaignName: z.string(),
    /** The number dialled: the household's shared line or the patron's first valid number. */
    phone: z.string().nullable(),
    timeZone: z.string(),
    /** Whether calling is allowed now in the patron's time zone, and why not. */
    callableNow: z.boolean(),
    notCallableReason: z.string().nullable(),
    /** Everyone this call covers: one patron, or every waiting member of the household. */
    patrons: z.array(callPatronSchema).min(1),
    scripts: z.array(scriptVersionBodySchema.extend({ id: z.number().int() })),
    history: z.array(attemptHistorySchema),
    isCallback: z.boolean(),
  })
  .meta({ id: 'CallCard' });
export type CallCard = z.infer<typeof callCardSchema>;

export const claimNextResultSchema = z.union([
  z.object({ status: z.literal('claimed'), call: callCardSchema }),
  z.object({
    status: z.literal('none'),
    /** Why nobody is offered: everyone done, everyone waiting for a later attempt, outside calling hours… */
    reason: z.enum(['campaign_not_active', 'nobody_waiting', 'outside_calling_hours', 'all_held']),
    /** When the next patron becomes due, if known. */
    nextDueAt: z.string().nullable(),
  }),
]);
export type ClaimNextResult = z.infer<typeof claimNextResultSchema>;

export const tokenBody = z.object({ token: z.string().min(20).max(100) });

export const patronOutcomeSchema = z.object({
  patronId: z.number().int(),
  outcome: outcomeSchema,
  /** Script answers: the path walked, step id → answer id. */
  answers: z.record(z.string(), z.string()).default({}),
  servicesToldAbout: z.array(z.string().max(50)).max(50).default([]),
  servicesWanted: z.array(z.string().max(50)).max(50).default([]),
  note: z.string().trim().max(4000).default(''),
  notePrivate: z.boolean().default(false),
  quote: z
    .object({
      text: z.string().trim().min(1).max(2000),
      consentToPublish: z.boolean(),
      attribution: z.enum(ATTRIBUTIONS),
    })
    .nullable()
    .default(null),
  concern: z
    .object({ level: z.enum(CONCERN_LEVELS), note: z.string().trim().max(4000).default('') })
    .nullable()
    .default(null),
  informationRequest: z.string().trim().max(4000).default(''),
  /** Who follows the information request up, and how: a task (default: the caller, information). */
  requestTask: z
    .object({
      type: z.enum(['information', 'send_link', 'tech_help', 'other']).default('information'),
      /** A team (such as the virtual information desk) instead of the caller. */
      teamId: z.number().int().positive().nullable().default(null),
      dueAt: z.iso
        .datetime({ offset: true })
        .transform((v) => new Date(v).toISOString())
        .nullable()
        .default(null),
    })
    .nullable()
    .default(null),
  /** The patron said yes to library news by e-mail: recorded as express consent (TRUST CA-3). */
  emailConsent: z.boolean().default(false),
});
export type PatronOutcomeInput = z.input<typeof patronOutcomeSchema>;

export const recordOutcomeInput = tokenBody.extend({
  /** One per person on the call (every patron of the claim). */
  outcomes: z.array(patronOutcomeSchema).min(1).max(20),
  startedAt: z.iso.datetime().nullable().default(null),
  endedAt: z.iso.datetime().nullable().default(null),
  /** What the built-in softphone saw on the line; null when the call was placed another way. */
  line: lineInput.nullable().default(null),
  /** With a callback outcome: when, and whether only this caller should make it. */
  callbackAt: z.iso.datetime().nullable().default(null),
  callbackForMe: z.boolean().default(true),
});
export type RecordOutcomeInput = z.input<typeof recordOutcomeInput>;

export const campaignProgressSchema = z
  .object({
    campaignId: z.number().int(),
    status: z.string(),
    total: z.number().int(),
    done: z.number().int(),
    inProgress: z.number().int(),
    waiting: z.number().int(),
    /** Waiting, but not before a later attempt time. */
    later: z.number().int(),
    callbacksDue: z.number().int(),
    markedForEmail: z.number().int(),
    callers: z.array(
      z.object({
        callerId: z.number().int(),
        name: z.string(),
        claims: z.number().int(),
        since: z.string(),
      }),
    ),
    claims: z.array(
      z.object({
        claimId: z.number().int(),
        callerName: z.string(),
        patrons: z.number().int(),
        expiresAt: z.string(),
      }),
    ),
    callbacks: z.array(
      z.object({
        callListId: z.number().int(),
        patronName: z.string(),
        at: z.string(),
        forCaller: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'CampaignProgress' });
export type CampaignProgress = z.infer<typeof campaignProgressSchema>;

/** A click-to-call link for the caller's chosen softphone scheme. */
export function callLink(scheme: CallScheme, e164: string): string {
  switch (scheme) {
    case 'tel':
      return `tel:${e164}`;
    case 'sip':
      return `sip:${e164}`;
    case 'callto':
      return `callto:${e164}`;
    case 'teams':
      return `https://teams.microsoft.com/l/call/0/0?users=4:${encodeURIComponent(e164)}`;
    case 'zoom':
      return `zoomphonecall://${encodeURIComponent(e164)}`;
    case 'ringcentral':
      return `rcmobile://call?number=${encodeURIComponent(e164)}`;
  }
}
