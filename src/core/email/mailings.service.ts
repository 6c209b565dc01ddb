import type { CampaignRow, MailingRow, PatronRow } from '../../db/database.js';
import {
  OUTBOX_STATES,
  sendCampaignEmailsInput,
  type EmailAudience,
  type Mailing,
  type OutboxCounts,
  type SendCampaignEmailsInput,
} from '../../shared/schemas/email.js';
import { recordAudit } from '../audit/audit.service.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { getLibrarySettings } from '../library/library.service.js';
import { assertRole } from '../policy.js';
import { addressesOf, composeMessage } from './compose.js';
import type { MailDeps } from './mail-deps.js';
import { blockReason } from './rules.js';
import { loadMailConfig } from './settings.service.js';
import { normaliseAddress } from './address.js';
import { suppressionsOf } from './suppressions.js';
import { findTemplate } from './templates.service.js';

/**
 * A campaign's e-mail step (a mailing): one template sent to the campaign's e-mail audience —
 * everyone on an e-mail campaign; on a phone-then-e-mail campaign, the patrons not reached after
 * the last attempt and those with no phone. Sending again later reaches only those not yet sent
 * this template by this campaign.
 */

const coordinators = ['admin', 'coordinator'] as const;

type AudiencePatron = Pick<
  PatronRow,
  | 'id'
  | 'first_name'
  | 'preferred_name'
  | 'last_name'
  | 'language'
  | 'emails'
  | 'do_not_email_at'
  | 'deceased_at'
  | 'email_consent'
  | 'status'
>;

const dedupeKey = (campaignId: number, patronId: number, templateId: number) =>
  `campaign:${campaignId}:patron:${patronId}:template:${templateId}`;

/** Patrons of the campaign's call list who are due an e-mail on its channel. */
async function emailAudiencePatrons(ctx: Ctx, campaign: CampaignRow): Promise<AudiencePatron[]> {
  if (campaign.channel === 'phone') return [];
  return ctx.db
    .selectFrom('call_list')
    .innerJoin('patrons', 'patrons.id', 'call_list.patron_id')
    .select([
      'patrons.id',
      'patrons.first_name',
      'patrons.preferred_name',
      'patrons.last_name',
      'patrons.language',
      'patrons.emails',
      'patrons.do_not_email_at',
      'patrons.deceased_at',
      'patrons.email_consent',
      'patrons.status',
    ])
    .where('call_list.campaign_id', '=', campaign.id)
    .where('patrons.emails', '!=', '[]')
    .where((eb) =>
      campaign.channel === 'email'
        ? eb('call_list.state', 'in', ['waiting', 'email'])
        : eb.or([
            eb('call_list.state', '=', 'email'),
            eb.and([
              eb('call_list.state', '=', 'waiting'),
              eb('patrons.primary_phone', 'is', null),
            ]),
          ]),
    )
    .orderBy('call_list.priority')
    .orderBy('call_list.id')
    .execute();
}

interface Sorted {
  eligible: AudiencePatron[];
  alreadySent: number;
  suppressed: number;
  noConsent: number;
}

async function sortAudience(
  ctx: Ctx,
  deps: Pick<MailDeps, 'sealer'>,
  campaign: CampaignRow,
  templateId: number,
  templateClass: 'transactional' | 'promotional',
): Promise<Sorted> {
  const policy = await loadMailConfig(ctx.db, deps);
  const patrons = await emailAudiencePatrons(ctx, campaign);
  const sentKeys = new Set(
    (
      await ctx.db
        .selectFrom('outbox')
        .select('dedupe_key')
        .where('campaign_id', '=', campaign.id)
        .where('template_id', '=', templateId)
        .where('kind', '=', 'campaign')
        .where('dedupe_key', 'is not', null)
        .execute()
    ).map((r) => r.dedupe_key),
  );
  const suppressions = await suppressionsOf(
    ctx.db,
    patrons.map((p) => addressesOf(p)[0] ?? ''),
  );
  const sorted: Sorted = { eligible: [], alreadySent: 0, suppressed: 0, noConsent: 0 };
  for (const patron of patrons) {
    if (sentKeys.has(dedupeKey(campaign.id, patron.id, templateId))) {
      sorted.alreadySent++;
      continue;
    }
    const address = addressesOf(patron)[0] ?? '';
    const reason = blockReason(
      { to_address: address, class: templateClass, kind: 'campaign' },
      patron,
      suppressions.get(normaliseAddress(address)),
      policy,
    );
    if (reason === null) sorted.eligible.push(patron);
    else if (reason === 'no consent for promotional e-mail') sorted.noConsent++;
    else sorted.suppressed++;
  }
  return sorted;
}

async function loadCampaignAndTemplate(ctx: Ctx, campaignId: number, templateId: number) {
  const campaign = await findCampaign(ctx.db, campaignId);
  if (!campaign) throw notFound('Campaign', campaignId);
  const template = await findTemplate(ctx.db, templateId);
  if (!template) throw notFound('E-mail template', templateId);
  return { campaign, template };
}

/** Who the e-mail step would reach with this template now. @throws NOT_FOUND */
export async function getCampaignEmailAudience(
  ctx: Ctx,
  deps: Pick<MailDeps, 'sealer'>,
  campaignId: number,
  templateId: number,
): Promise<EmailAudience> {
  assertRole(ctx, ...coordinators);
  const { campaign, template } = await loadCampaignAndTemplate(ctx, campaignId, templateId);
  const sorted = await sortAudience(ctx, deps, campaign, templateId, template.row.class);
  return {
    eligible: sorted.eligible.length,
    alreadySent: sorted.alreadySent,
    suppressed: sorted.suppressed,
    noConsent: sorted.noConsent,
  };
}

/**
 * Queues the template for everyone in the campaign's e-mail audience, each message written in
 * full with its Message-ID before any is sent. @throws NOT_FOUND, CONFLICT (campaign not running,
 * template archived), UNPROCESSABLE (nobody to send to)
 */
export async function sendCampaignEmails(
  ctx: Ctx,
  deps: MailDeps,
  campaignId: number,
  raw: SendCampaignEmailsInput,
): Promise<{ mailing: Mailing; queued: number }> {
  assertRole(ctx, ...coordinators);
  const input = parseInput(sendCampaignEmailsInput, raw);
  const result = await inTransaction(ctx, async (tx) => {
    const { campaign, template } = await loadCampaignAndTemplate(tx, campaignId, input.templateId);
    if (campaign.status !== 'active' && campaign.status !== 'paused')
      throw new AppError(
        'CONFLICT',
        `Only a running campaign can send e-mails; this one is ${campaign.status}`,
      );
    if (template.row.archived_at !== null)
      throw new AppError('CONFLICT', 'This template is archived', { field: 'templateId' });
    const sorted = await sortAudience(tx, deps, campaign, template.row.id, template.row.class);
    if (sorted.eligible.length === 0)
      throw new AppError(
        'UNPROCESSABLE',
        'Nobody in this campaign’s e-mail audience can get this e-mail now',
        {
          field: 'templateId',
          audience: { ...sorted, eligible: 0 },
        },
      );
    const now = tx.now().toISOString();
    const scheduledAt =
      input.scheduledAt === undefined ? now : new Date(input.scheduledAt).toISOString();
    const mailing = await tx.db
      .insertInto('mailings')
      .values({
        campaign_id: campaign.id,
        template_id: template.row.id,
        status: 'sending',
        scheduled_at: scheduledAt,
        created_by: tx.actor?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const library = await getLibrarySettings(tx.db);
    const serviceKeys = JSON.parse(campaign.service_keys) as string[];
    const services =
      serviceKeys.length === 0
        ? []
        : await tx.db.selectFrom('services').selectAll().where('key', 'in', serviceKeys).execute();
    const rows = sorted.eligible.map((patron) =>
      composeMessage(
        tx,
        deps,
        {
          kind: 'campaign',
          template,
          library,
          campaign: { id: campaign.id, name: campaign.name },
          mailingId: mailing.id,
          caller: null,
          services,
          nextTryAt: scheduledAt,
          dedupeKey: dedupeKey(campaign.id, patron.id, template.row.id),
        },
        { patron, address: addressesOf(patron)[0] ?? '' },
      ),
    );
    for (let i = 0; i < rows.length; i += 200) {
      await tx.db
        .insertInto('outbox')
        .values(rows.slice(i, i + 200))
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .execute();
    }
    await recordAudit(tx, {
      action: 'mailing.create',
      objectType: 'mailing',
      objectId: mailing.id,
      details: {
        campaignId: campaign.id,
        templateId: template.row.id,
        queued: rows.length,
        scheduledAt,
      },
    });
    return { mailing, queued: rows.length };
  });
  deps.wake?.();
  return { mailing: await presentMailing(ctx, result.mailing), queued: result.queued };
}

async function presentMailings(ctx: Ctx, rows: MailingRow[]): Promise<Mailing[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await ctx.db
    .selectFrom('outbox')
    .select(['mailing_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('mailing_id', 'in', ids)
    .groupBy(['mailing_id', 'state'])
    .execute();
  const names = new Map(
    (
      await ctx.db
        .selectFrom('email_templates')
        .select(['id', 'name'])
        .where(
          'id',
          'in',
          rows.map((r) => r.template_id),
        )
        .execute()
    ).map((t) => [t.id, t.name]),
  );
  const creatorIds = rows.flatMap((r) => (r.created_by === null ? [] : [r.created_by]));
  const creators = new Map(
    creatorIds.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('users')
            .select(['id', 'name'])
            .where('id', 'in', creatorIds)
            .execute()
        ).map((u) => [u.id, u.name]),
  );
  return rows.map((row) => {
    const tally = Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as OutboxCounts;
    for (const c of counts) if (c.mailing_id === row.id) tally[c.state] = c.n;
    return {
      id: row.id,
      campaignId: row.campaign_id,
      templateId: row.template_id,
      templateName: names.get(row.template_id) ?? '',
      status: row.status,
      scheduledAt: row.scheduled_at,
      pausedReason: row.paused_reason,
      counts: tally,
      createdBy: row.created_by === null ? null : (creators.get(row.created_by) ?? null),
      createdAt: row.created_at,
    };
  });
}

async function presentMailing(ctx: Ctx, row: MailingRow): Promise<Mailing> {
  const [mailing] = await presentMailings(ctx, [row]);
  if (mailing === undefined) throw notFound('Mailing', row.id);
  return mailing;
}

export async function listMailings(ctx: Ctx, campaignId: number): Promise<Mailing[]> {
  assertRole(ctx, ...coordinators);
  if (!(await findCampaign(ctx.db, campaignId))) throw notFound('Campaign', campaignId);
  const rows = await ctx.db
    .selectFrom('mailings')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('id', 'desc')
    .execute();
  return presentMailings(ctx, rows);
}

const TRANSITIONS = {
  pause: { from: ['sending'], to: 'paused' },
  resume: { from: ['paused'], to: 'sending' },
  cancel: { from: ['sending', 'paused'], to: 'cancelled' },
} as const;

/**
 * Pauses, resumes or cancels a mailing. Cancelling cancels its queued messages; messages already
 * handed to the relay stay as they are. @throws NOT_FOUND, CONFLICT
 */
export async function changeMailing(
  ctx: Ctx,
  deps: Pick<MailDeps, 'wake'>,
  mailingId: number,
  action: keyof typeof TRANSITIONS,
): Promise<Mailing> {
  assertRole(ctx, ...coordinators);
  const row = await inTransaction(ctx, async (tx) => {
    const mailing = await tx.db
      .selectFrom('mailings')
      .selectAll()
      .where('id', '=', mailingId)
      .executeTakeFirst();
    if (!mailing) throw notFound('Mailing', mailingId);
    const { from, to } = TRANSITIONS[action];
    if (!(from as readonly string[]).includes(mailing.status))
      throw new AppError('CONFLICT', `A ${mailing.status} mailing cannot be ${action}d`);
    const now = tx.now().toISOString();
    const updated = await tx.db
      .updateTable('mailings')
      .set({
        status: to,
        paused_reason: action === 'pause' ? 'paused by staff' : null,
        failures_in_row: 0,
        updated_at: now,
      })
      .where('id', '=', mailingId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (action === 'cancel')
      await tx.db
        .updateTable('outbox')
        .set({
          state: 'cancelled',
          last_error: 'mailing cancelled',
          dedupe_key: null,
          updated_at: now,
        })
        .where('mailing_id', '=', mailingId)
        .where('state', '=', 'queued')
        .execute();
    await recordAudit(tx, {
      action: `mailing.${action}`,
      objectType: 'mailing',
      objectId: mailingId,
      details: { campaignId: mailing.campaign_id },
    });
    return updated;
  });
  if (action === 'resume') deps.wake?.();
  return presentMailing(ctx, row);
}
