import type { OutboxRow, PatronRow, ServiceRow } from '../../db/database.js';
import {
  listOutboxQuery,
  OUTBOX_STATES,
  previewEmailInput,
  sendFollowUpEmailInput,
  type ListOutboxQuery,
  type OutboxCounts,
  type OutboxMessage,
  type RenderedEmail,
  type SendFollowUpEmailInput,
} from '../../shared/schemas/email.js';
import { recordAudit } from '../audit/audit.service.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { getLibrarySettings } from '../library/library.service.js';
import { assertRole, hasRole } from '../policy.js';
import {
  addressesOf,
  composeMessage,
  serviceValues,
  unsubscribeUrl,
  versionFor,
} from './compose.js';
import type { MailDeps } from './mail-deps.js';
import { blockReasons } from './rules.js';
import { loadMailConfig } from './settings.service.js';
import { findTemplate } from './templates.service.js';
import { renderEmail } from './templates/render.js';

/** The outbox as staff see it, single messages (follow-ups, tests), and previews. */

function presentMessage(
  row: OutboxRow & {
    campaign_name: string | null;
    patron_first_name: string | null;
    patron_last_name: string | null;
    template_name: string | null;
    queued_by_name: string | null;
  },
): OutboxMessage {
  return {
    id: row.id,
    messageId: row.message_id,
    kind: row.kind,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    mailingId: row.mailing_id,
    patronId: row.patron_id,
    patronName:
      row.patron_first_name === null
        ? null
        : `${row.patron_first_name} ${row.patron_last_name ?? ''}`,
    templateName: row.template_name,
    toAddress: row.to_address,
    subject: row.subject,
    state: row.state,
    tries: row.tries,
    nextTryAt: row.state === 'queued' ? row.next_try_at : null,
    lastError: row.last_error,
    queuedBy: row.queued_by_name,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

function outboxQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('outbox')
    .leftJoin('campaigns', 'campaigns.id', 'outbox.campaign_id')
    .leftJoin('patrons', 'patrons.id', 'outbox.patron_id')
    .leftJoin('email_templates', 'email_templates.id', 'outbox.template_id')
    .leftJoin('users', 'users.id', 'outbox.queued_by')
    .selectAll('outbox')
    .select([
      'campaigns.name as campaign_name',
      'patrons.first_name as patron_first_name',
      'patrons.last_name as patron_last_name',
      'email_templates.name as template_name',
      'users.name as queued_by_name',
    ]);
}

/**
 * Messages, newest first, with counts per state for the same filter. Coordinators and admins;
 * a filter on one patron is recorded as access to that patron's data.
 */
export async function listOutbox(
  ctx: Ctx,
  raw: ListOutboxQuery,
): Promise<{ items: OutboxMessage[]; counts: OutboxCounts }> {
  assertRole(ctx, 'admin', 'coordinator');
  const filter = parseInput(listOutboxQuery, raw);
  let items = outboxQuery(ctx);
  let counts = ctx.db
    .selectFrom('outbox')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state');
  if (filter.campaignId !== undefined) {
    items = items.where('outbox.campaign_id', '=', filter.campaignId);
    counts = counts.where('campaign_id', '=', filter.campaignId);
  }
  if (filter.mailingId !== undefined) {
    items = items.where('outbox.mailing_id', '=', filter.mailingId);
    counts = counts.where('mailing_id', '=', filter.mailingId);
  }
  if (filter.patronId !== undefined) {
    items = items.where('outbox.patron_id', '=', filter.patronId);
    counts = counts.where('patron_id', '=', filter.patronId);
  }
  if (filter.state !== undefined) items = items.where('outbox.state', '=', filter.state);
  if (filter.before !== undefined) items = items.where('outbox.id', '<', filter.before);
  const rows = await items.orderBy('outbox.id', 'desc').limit(filter.limit).execute();
  const tally = Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as OutboxCounts;
  for (const c of await counts.execute()) tally[c.state] = c.n;
  await recordAudit(ctx, {
    action: filter.patronId === undefined ? 'email.list' : 'patron.view_emails',
    objectType: filter.patronId === undefined ? 'email' : 'patron',
    objectId: filter.patronId ?? null,
    details: { ...filter, shown: rows.length },
  });
  return { items: rows.map(presentMessage), counts: tally };
}

async function getMessage(ctx: Ctx, id: number): Promise<OutboxMessage> {
  const row = await outboxQuery(ctx).where('outbox.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('E-mail', id);
  return presentMessage(row);
}

/** Cancels a message that has not gone yet. @throws NOT_FOUND, CONFLICT */
export async function cancelEmail(ctx: Ctx, id: number): Promise<OutboxMessage> {
  assertRole(ctx, 'admin', 'coordinator');
  await inTransaction(ctx, async (tx) => {
    const done = await tx.db
      .updateTable('outbox')
      .set({
        state: 'cancelled',
        last_error: 'cancelled by staff',
        dedupe_key: null,
        updated_at: tx.now().toISOString(),
      })
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) {
      const exists = await tx.db
        .selectFrom('outbox')
        .select('state')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!exists) throw notFound('E-mail', id);
      throw new AppError(
        'CONFLICT',
        `Only a queued e-mail can be cancelled; this one is ${exists.state}`,
      );
    }
    await recordAudit(tx, {
      action: 'email.cancel',
      objectType: 'email',
      objectId: id,
      details: { reason: 'staff' },
    });
  });
  return getMessage(ctx, id);
}

/** Whether mail really goes out, for the notice on e-mail pages. */
export async function getMailStatus(
  ctx: Ctx,
  deps: MailDeps,
): Promise<{ mode: 'log' | 'smtp'; logDir: string | null; queued: number; fromAddress: string }> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const config = await loadMailConfig(ctx.db, deps);
  const queued = await ctx.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', 'in', ['queued', 'sending'])
    .executeTakeFirstOrThrow();
  return {
    mode: config.mode,
    logDir: config.mode === 'log' && hasRole(ctx, 'admin') ? deps.logDir : null,
    queued: queued.n,
    fromAddress: config.fromAddress,
  };
}

const SAMPLE_PATRON: Pick<PatronRow, 'first_name' | 'preferred_name' | 'last_name' | 'language'> = {
  first_name: 'Alex',
  preferred_name: null,
  last_name: 'Sample',
  language: null,
};

async function servicesByKey(ctx: Ctx, keys: string[]): Promise<ServiceRow[]> {
  if (keys.length === 0) return [];
  const rows = await ctx.db.selectFrom('services').selectAll().where('key', 'in', keys).execute();
  return keys.flatMap((k) => rows.filter((r) => r.key === k));
}

/**
 * Renders a saved template, or text being edited, for a patron or a sample patron, exactly as
 * it would be sent. @throws NOT_FOUND, VALIDATION_FAILED
 */
export async function previewEmail(ctx: Ctx, deps: MailDeps, raw: unknown): Promise<RenderedEmail> {
  assertRole(ctx, 'admin', 'coordinator');
  const input = parseInput(previewEmailInput, raw);
  const template =
    input.templateId === undefined ? undefined : await findTemplate(ctx.db, input.templateId);
  if (input.templateId !== undefined && !template)
    throw notFound('E-mail template', input.templateId);
  let patron = SAMPLE_PATRON;
  if (input.patronId !== undefined) {
    const found = await ctx.db
      .selectFrom('patrons')
      .selectAll()
      .where('id', '=', input.patronId)
      .executeTakeFirst();
    if (!found) throw notFound('Patron', input.patronId);
    patron = found;
    await recordAudit(ctx, {
      action: 'patron.preview_email',
      objectType: 'patron',
      objectId: found.id,
    });
  }
  const language = input.language ?? input.version?.language ?? patron.language;
  const version = input.version ?? (template ? versionFor(template, language) : undefined);
  if (version === undefined)
    throw new AppError('VALIDATION_FAILED', 'Give a templateId or a version to preview', {
      issues: [{ path: 'templateId', message: 'required without a version' }],
    });
  const templateClass = input.class ?? template?.row.class ?? 'promotional';
  const campaign =
    input.campaignId === undefined ? undefined : await findCampaign(ctx.db, input.campaignId);
  const serviceKeys =
    input.serviceKeys ?? (campaign ? (JSON.parse(campaign.service_keys) as string[]) : []);
  const services = await servicesByKey(ctx, serviceKeys);
  const link = templateClass === 'promotional' ? unsubscribeUrl(deps.publicUrl, 'preview') : null;
  const rendered = renderEmail({
    version,
    class: templateClass,
    language: version.language,
    values: {
      patron: {
        firstName: patron.first_name,
        preferredName: patron.preferred_name,
        lastName: patron.last_name,
      },
      caller: ctx.actor === null ? null : { name: ctx.actor.name },
      campaign: campaign ? { name: campaign.name } : { name: 'Sample campaign' },
      library: await getLibrarySettings(ctx.db),
      services: serviceValues(services, version.language),
      unsubscribeUrl: link,
    },
  });
  return {
    language: version.language,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    headers:
      link === null
        ? []
        : [
            ['List-Unsubscribe', `<${link}>`],
            ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
          ],
    warnings: rendered.warnings,
  };
}

/** "Send me a test": the template, to the signed-in staff member's own address. */
export async function sendTestEmail(
  ctx: Ctx,
  deps: MailDeps,
  templateId: number,
  language: string | undefined,
): Promise<{ toAddress: string }> {
  assertRole(ctx, 'admin', 'coordinator');
  if (ctx.actor === null) throw new AppError('UNPROCESSABLE', 'A test goes to a staff member');
  const actor = ctx.actor;
  const template = await findTemplate(ctx.db, templateId);
  if (!template) throw notFound('E-mail template', templateId);
  await inTransaction(ctx, async (tx) => {
    const row = composeMessage(
      tx,
      deps,
      {
        kind: 'test',
        template,
        library: await getLibrarySettings(tx.db),
        campaign: { id: 0, name: 'Test' },
        caller: { name: actor.name },
        services: await servicesByKey(tx, []),
      },
      {
        patron: {
          id: 0,
          first_name: actor.name.split(' ')[0] ?? actor.name,
          preferred_name: null,
          last_name: '',
          language: language ?? null,
        },
        address: actor.email,
      },
    );
    const inserted = await tx.db
      .insertInto('outbox')
      .values({ ...row, campaign_id: null, patron_id: null, subject: `[TEST] ${row.subject}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'email.test',
      objectType: 'email',
      objectId: inserted.id,
      details: { templateId },
    });
  });
  deps.wake?.();
  return { toAddress: actor.email };
}

const FOLLOW_UP_GRACE_MS = 15 * 60_000;

/**
 * The follow-up from the calling screen: the link(s) the patron asked for, to the patron the
 * caller is holding. @throws CONFLICT (claim lost), NOT_FOUND, UNPROCESSABLE (no address, blocked)
 */
export async function sendFollowUpEmail(
  ctx: Ctx,
  deps: MailDeps,
  raw: SendFollowUpEmailInput,
): Promise<OutboxMessage> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const input = parseInput(sendFollowUpEmailInput, raw);
  const id = await inTransaction(ctx, async (tx) => {
    const claim = await tx.db
      .selectFrom('claims')
      .select(['campaign_id', 'unit_key'])
      .where('token', '=', input.claimToken)
      .where('caller_id', '=', tx.actor?.id ?? -1)
      // Still held, or let go in the last few minutes: the follow-up often comes as the call ends.
      .where('expires_at', '>', new Date(tx.now().getTime() - FOLLOW_UP_GRACE_MS).toISOString())
      .executeTakeFirst();
    const patron = await tx.db
      .selectFrom('patrons')
      .selectAll()
      .where('id', '=', input.patronId)
      .executeTakeFirst();
    const held =
      claim !== undefined &&
      patron !== undefined &&
      (claim.unit_key === `p:${patron.id}` || claim.unit_key === `h:${patron.household_id}`);
    if (!held)
      throw new AppError(
        'CONFLICT',
        'You are not holding this patron any more; the e-mail was not sent.',
        { reason: 'CLAIM_LOST' },
      );
    const inserted = await queueFollowUpEmail(tx, deps, {
      patron,
      campaignId: claim.campaign_id,
      addressIndex: input.addressIndex,
      templateId: input.templateId,
      serviceKeys: input.serviceKeys,
    });
    await recordAudit(tx, {
      action: 'email.follow_up',
      objectType: 'patron',
      objectId: input.patronId,
      details: { outboxId: inserted.id, templateId: input.templateId, services: input.serviceKeys },
    });
    return inserted.id;
  });
  deps.wake?.();
  return getMessage(ctx, id);
}

/**
 * Queues a follow-up e-mail to one of the patron's addresses (by index), refused at once when the
 * rules block it, so the sender can tell the patron. For the calling screen and follow-up tasks.
 * @throws NOT_FOUND, CONFLICT (archived template), UNPROCESSABLE (no such address, blocked)
 */
export async function queueFollowUpEmail(
  tx: Ctx,
  deps: MailDeps,
  what: {
    patron: PatronRow;
    campaignId: number | null;
    addressIndex: number;
    templateId: number;
    serviceKeys: string[];
  },
): Promise<{ id: number; address: string }> {
  const { patron } = what;
  const input = what;
  const addresses = addressesOf(patron);
  const address = addresses[input.addressIndex];
  if (address === undefined)
    throw new AppError('UNPROCESSABLE', 'This patron has no such e-mail address on file', {
      field: 'addressIndex',
    });
  const template = await findTemplate(tx.db, input.templateId);
  if (!template) throw notFound('E-mail template', input.templateId);
  if (template.row.archived_at !== null)
    throw new AppError('CONFLICT', 'This template is archived', { field: 'templateId' });
  const campaign =
    what.campaignId === null ? undefined : await findCampaign(tx.db, what.campaignId);
  const row = composeMessage(
    tx,
    deps,
    {
      kind: 'follow_up',
      template,
      library: await getLibrarySettings(tx.db),
      campaign: campaign ? { id: campaign.id, name: campaign.name } : null,
      caller: tx.actor === null ? null : { name: tx.actor.name },
      services: await servicesByKey(tx, input.serviceKeys),
    },
    { patron, address },
  );
  // Refused now rather than cancelled later, so the caller can tell the patron.
  const reason =
    (
      await blockReasons(
        tx.db,
        [
          {
            id: 0,
            patron_id: patron.id,
            to_address: address,
            class: row.class,
            kind: 'follow_up',
          },
        ],
        await loadMailConfig(tx.db, deps),
      )
    ).get(0) ?? null;
  if (reason !== null)
    throw new AppError('UNPROCESSABLE', `This e-mail cannot be sent: ${reason}`, { reason });
  const inserted = await tx.db
    .insertInto('outbox')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: inserted.id, address };
}
