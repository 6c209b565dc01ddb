import type { CallListRow, CampaignRow, ClaimRow } from '../../db/database.js';
import {
  OUTCOME_FLAGS,
  recordOutcomeInput,
  type Outcome,
  type RecordOutcomeInput,
} from '../../shared/schemas/calls.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordEmailConsent } from '../email/consent.service.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { raiseEscalation } from '../followups/escalations.service.js';
import { afterRecurringCall, endRecurringCallsOf } from '../followups/recurring-schedule.js';
import { insertTask, titleOf } from '../followups/tasks.repository.js';
import { getLibrarySettings } from '../library/library.service.js';
import type { LibrarySettings } from '../../shared/schemas/library.js';
import { assertRole, hasRole } from '../policy.js';
import { scriptVersionOfCall } from './call-card.js';
import { unitRows } from './claims.repository.js';
import { assertHeld } from './claims.service.js';

type PatronOutcome = ReturnType<typeof recordOutcomeInput.parse>['outcomes'][number];

/** Where a call-list row goes after an outcome: done, tried again after the gap, a callback, or e-mail. */
function nextState(
  row: CallListRow,
  outcome: Outcome,
  campaign: CampaignRow,
  at: { now: Date; callbackAt: string | null; callbackFor: number | null },
) {
  const now = at.now.toISOString();
  const flags = OUTCOME_FLAGS[outcome];
  const base = {
    last_outcome: outcome,
    last_attempt_at: now,
    callback_at: null,
    callback_for: null,
  };
  if (outcome === 'callback')
    return { ...base, state: 'waiting', callback_at: at.callbackAt, callback_for: at.callbackFor };
  if (!flags.retry) return { ...base, state: 'done', done_at: now };
  // Unanswered: counted; back after the gap until attempts run out, then e-mail or done.
  const attempts = row.attempts + 1;
  const emailChannel = campaign.channel === 'phone_then_email';
  const limit = emailChannel
    ? Math.min(campaign.email_after_attempts, campaign.max_attempts)
    : campaign.max_attempts;
  if (attempts >= limit)
    return { ...base, attempts, state: emailChannel ? 'email' : 'done', done_at: now };
  return {
    ...base,
    attempts,
    state: 'waiting',
    next_attempt_at: new Date(
      at.now.getTime() + campaign.attempt_gap_hours * 3600_000,
    ).toISOString(),
  };
}

/** Facts that hold in every campaign at once: do-not-call (DN-1), and a death (removed everywhere). */
async function applyPatronFacts(
  ctx: Ctx,
  patronId: number,
  outcome: Outcome,
  now: string,
): Promise<void> {
  if (outcome !== 'do_not_call' && outcome !== 'deceased') return;
  const { db } = ctx;
  await endRecurringCallsOf(ctx, patronId, outcome);
  const column = outcome === 'do_not_call' ? 'do_not_call_at' : 'deceased_at';
  await db
    .updateTable('patrons')
    .set({ [column]: now, updated_at: now })
    .where('id', '=', patronId)
    .where(column, 'is', null)
    .execute();
  await db
    .updateTable('call_list')
    .set({ state: 'done', last_outcome: outcome, done_at: now })
    .where('patron_id', '=', patronId)
    .where('state', 'in', ['waiting', 'email'])
    .execute();
}

async function insertAttempt(
  ctx: Ctx,
  claim: ClaimRow,
  campaign: CampaignRow,
  row: CallListRow,
  o: PatronOutcome,
  input: ReturnType<typeof recordOutcomeInput.parse>,
  /** The call's one time: every person on a household call shares it (one call, not several). */
  now: string,
): Promise<number> {
  const patron = await ctx.db
    .selectFrom('patrons')
    .select(['id', 'language'])
    .where('id', '=', row.patron_id)
    .executeTakeFirstOrThrow();
  // The version shown when the call started, even if the script was saved since.
  const version = await scriptVersionOfCall(ctx.db, claim, campaign, patron);
  const attempt = await ctx.db
    .insertInto('attempts')
    .values({
      campaign_id: campaign.id,
      call_list_id: row.id,
      patron_id: row.patron_id,
      caller_id: ctx.actor?.id ?? null,
      channel: 'phone',
      outcome: o.outcome,
      contact: OUTCOME_FLAGS[o.outcome].contact ? 1 : 0,
      started_at: input.startedAt,
      ended_at: input.endedAt,
      script_version_id: version?.id ?? null,
      answers: JSON.stringify(o.answers),
      services_told: JSON.stringify(o.servicesToldAbout),
      services_wanted: JSON.stringify(o.servicesWanted),
      note: o.note,
      note_private: o.notePrivate ? 1 : 0,
      concern_level: o.concern?.level ?? null,
      concern_note: o.concern?.note ?? null,
      info_request: o.informationRequest === '' ? null : o.informationRequest,
      callback_at: o.outcome === 'callback' ? input.callbackAt : null,
      line_result: input.line?.result ?? null,
      answered_at: input.line?.answeredAt ?? null,
      ended_by: input.line?.endedBy ?? null,
      sip_reason: input.line?.sipReason ?? null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.quote) {
    await ctx.db
      .insertInto('quotes')
      .values({
        attempt_id: attempt.id,
        campaign_id: campaign.id,
        patron_id: row.patron_id,
        text: o.quote.text,
        consent: o.quote.consentToPublish ? 1 : 0,
        attribution: o.quote.attribution,
        created_at: now,
      })
      .execute();
  }
  return attempt.id;
}

/**
 * What a call hands on (issue: follow-ups): a concern becomes a wellbeing escalation for the
 * coordinators; an information request, and each wanted service that asks for it, becomes a task
 * (the caller's, or a team's); recurring calls are scheduled on.
 */
async function handOn(
  ctx: Ctx,
  campaign: CampaignRow,
  row: CallListRow,
  o: PatronOutcome,
  attemptId: number,
  library: LibrarySettings,
): Promise<void> {
  if (o.concern)
    await raiseEscalation(ctx, {
      patronId: row.patron_id,
      campaignId: campaign.id,
      attemptId,
      level: o.concern.level,
      source: 'call',
      note: o.concern.note,
    });
  const base = { patron_id: row.patron_id, campaign_id: campaign.id, attempt_id: attemptId };
  if (o.informationRequest !== '') {
    const teamId = o.requestTask?.teamId ?? null;
    await insertTask(ctx, {
      ...base,
      type: o.requestTask?.type ?? 'information',
      title: titleOf(o.informationRequest),
      detail: o.informationRequest,
      owner_id: teamId === null ? (ctx.actor?.id ?? null) : null,
      team_id: teamId,
      due_at: o.requestTask?.dueAt ?? null,
    });
  }
  if (o.servicesWanted.length > 0) {
    const services = await ctx.db
      .selectFrom('services')
      .select(['key', 'name'])
      .where('key', 'in', o.servicesWanted)
      .where('raises_task', '=', 1)
      .execute();
    for (const service of services) {
      const names = JSON.parse(service.name) as Record<string, string>;
      const name = names[library.defaultLanguage] ?? names['en'] ?? service.key;
      await insertTask(ctx, {
        ...base,
        type: 'service_help',
        service_key: service.key,
        title: `Help with ${name}`,
        owner_id: ctx.actor?.id ?? null,
        team_id: null,
      });
    }
  }
  await afterRecurringCall(ctx, {
    campaignId: campaign.id,
    patronId: row.patron_id,
    attemptId,
    outcome: o.outcome,
    timeZone: row.time_zone ?? library.timeZone,
  });
}

async function assertTeams(ctx: Ctx, outcomes: PatronOutcome[]): Promise<void> {
  const ids = [
    ...new Set(outcomes.flatMap((o) => (o.requestTask?.teamId ? [o.requestTask.teamId] : []))),
  ];
  if (ids.length === 0) return;
  const found = await ctx.db.selectFrom('teams').select('id').where('id', 'in', ids).execute();
  if (found.length !== ids.length)
    throw new AppError('VALIDATION_FAILED', 'No such team for the information request', {
      field: 'outcomes.requestTask.teamId',
    });
}

/**
 * Records a call: one outcome per person it covered (one shared call for a household), with the
 * script answers, services told about and wanted, notes, a quote with consent, a wellbeing concern,
 * an information request. Moves each patron on (done, retry after the gap, callback, e-mail) and
 * releases the claim — all in one durable transaction: once this returns, it is saved (RB-3).
 * @throws CONFLICT when the claim was lost (RB-2), VALIDATION_FAILED
 */
export async function recordOutcome(
  ctx: Ctx,
  claimId: number,
  raw: RecordOutcomeInput,
): Promise<{ saved: true; patrons: number }> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const input = parseInput(recordOutcomeInput, raw);
  return inTransaction(ctx, async (tx) => {
    const claim = await assertHeld(tx, claimId, input.token);
    const campaign = await findCampaign(tx.db, claim.campaign_id);
    if (!campaign) throw notFound('Campaign', claim.campaign_id);
    const rows = await unitRows(tx.db, claim);
    const missing = rows.filter((r) => !input.outcomes.some((o) => o.patronId === r.patron_id));
    const strangers = input.outcomes.filter((o) => !rows.some((r) => r.patron_id === o.patronId));
    if (missing.length > 0 || strangers.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Give one outcome for each person on this call, and only for them',
        {
          field: 'outcomes',
          missing: missing.map((r) => r.patron_id),
          unexpected: strangers.map((o) => o.patronId),
        },
      );
    }
    if (input.outcomes.some((o) => o.outcome === 'callback') && input.callbackAt === null) {
      throw new AppError('VALIDATION_FAILED', 'A callback needs a date and time', {
        field: 'callbackAt',
      });
    }
    await assertTeams(tx, input.outcomes);
    const library = await getLibrarySettings(tx.db);
    const now = tx.now();
    for (const row of rows) {
      const o = input.outcomes.find((x) => x.patronId === row.patron_id);
      if (!o) continue;
      const attemptId = await insertAttempt(tx, claim, campaign, row, o, input, now.toISOString());
      const state = nextState(row, o.outcome, campaign, {
        now,
        callbackAt: input.callbackAt,
        callbackFor: input.callbackForMe ? (tx.actor?.id ?? null) : null,
      });
      await tx.db.updateTable('call_list').set(state).where('id', '=', row.id).execute();
      await applyPatronFacts(tx, row.patron_id, o.outcome, now.toISOString());
      await handOn(tx, campaign, row, o, attemptId, library);
      if (o.emailConsent && OUTCOME_FLAGS[o.outcome].contact)
        await recordEmailConsent(tx, row.patron_id, 'express', 'call');
    }
    await tx.db
      .updateTable('claims')
      .set({ expires_at: now.toISOString() })
      .where('id', '=', claim.id)
      .execute();
    await recordAudit(tx, {
      action: 'call.record',
      objectType: 'campaign',
      objectId: campaign.id,
      details: {
        outcomes: input.outcomes.map((o) => ({ patronId: o.patronId, outcome: o.outcome })),
        // The call log: what the softphone saw on the line, when it placed the call.
        ...(input.line
          ? { line: input.line, startedAt: input.startedAt, endedAt: input.endedAt }
          : {}),
      },
    });
    return { saved: true as const, patrons: rows.length };
  });
}

/** Schedules a callback for everyone on the held call and releases it. @throws CONFLICT */
export async function scheduleCallback(
  ctx: Ctx,
  claimId: number,
  input: { token: string; at: string; forMe: boolean; note?: string },
): Promise<{ saved: true; patrons: number }> {
  const claim = await assertHeld(ctx, claimId, input.token);
  const rows = await unitRows(ctx.db, claim);
  return recordOutcome(ctx, claimId, {
    token: input.token,
    callbackAt: input.at,
    callbackForMe: input.forMe,
    outcomes: rows.map((r) => ({
      patronId: r.patron_id,
      outcome: 'callback',
      note: input.note ?? '',
    })),
  });
}

/**
 * Do not call this patron again, in any campaign, from now on (TRUST DN-1). A caller may do it for
 * a patron on the call they hold; coordinators and admins for anyone.
 * @throws CONFLICT (claim lost), FORBIDDEN, NOT_FOUND
 */
export async function markDoNotCall(
  ctx: Ctx,
  patronId: number,
  proof: { claimId?: number | undefined; token?: string | undefined },
): Promise<void> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  await inTransaction(ctx, async (tx) => {
    if (!hasRole(tx, 'admin', 'coordinator')) {
      if (proof.claimId === undefined || proof.token === undefined)
        throw new AppError(
          'FORBIDDEN',
          'Only the caller holding this patron can mark them do-not-call',
        );
      const claim = await assertHeld(tx, proof.claimId, proof.token);
      const rows = await unitRows(tx.db, claim);
      if (!rows.some((r) => r.patron_id === patronId))
        throw new AppError('FORBIDDEN', 'This patron is not on your call');
    }
    const patron = await tx.db
      .selectFrom('patrons')
      .select('id')
      .where('id', '=', patronId)
      .executeTakeFirst();
    if (!patron) throw notFound('Patron', patronId);
    await applyPatronFacts(tx, patronId, 'do_not_call', tx.now().toISOString());
    await recordAudit(tx, {
      action: 'patron.do_not_call',
      objectType: 'patron',
      objectId: patronId,
    });
  });
}

/** A coordinator gives a callback to another caller, or to anyone (callerId null). @throws NOT_FOUND */
export async function reassignCallback(
  ctx: Ctx,
  callListId: number,
  callerId: number | null,
): Promise<void> {
  assertRole(ctx, 'admin', 'coordinator');
  await inTransaction(ctx, async (tx) => {
    const updated = await tx.db
      .updateTable('call_list')
      .set({ callback_for: callerId })
      .where('id', '=', callListId)
      .where('callback_at', 'is not', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw notFound('Callback', callListId);
    await recordAudit(tx, {
      action: 'callback.reassign',
      objectType: 'call_list',
      objectId: callListId,
      details: { callerId },
    });
  });
}
