import type { CampaignRow, ClaimRow, Db, ScriptVersionRow } from '../../db/database.js';
import type { CallCard, Outcome } from '../../shared/schemas/calls.js';
import type { CallingHours } from '../../shared/schemas/campaigns.js';
import type { ScriptVersionBody } from '../../shared/schemas/scripts.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { maskAddress } from '../email/address.js';
import { ageBand } from '../patrons/import/normalise/age.js';
import { scriptVersionForPatron } from '../scripts/scripts.service.js';
import { callingWindow } from './calling-hours.js';
import { unitRows } from './claims.repository.js';

/**
 * Everything the caller's screen shows about a held claim — only what the call needs (TRUST PR-5):
 * the people it covers, their numbers, earlier attempts with shareable notes, and the script
 * version in each person's language. Every build of a card is audited as a view of those patrons.
 */
export async function buildCallCard(
  ctx: Ctx,
  claim: ClaimRow,
  campaign: CampaignRow,
  /** The library's zone, for patrons with no province (the caller already read the settings). */
  libraryTimeZone: string,
): Promise<CallCard> {
  const rows = await unitRows(ctx.db, claim);
  const patronIds = rows.map((r) => r.patron_id);
  const patrons =
    patronIds.length === 0
      ? []
      : await ctx.db.selectFrom('patrons').selectAll().where('id', 'in', patronIds).execute();
  const now = ctx.now();
  const timeZone = rows[0]?.time_zone ?? libraryTimeZone;
  const window = callingWindow(now, timeZone, JSON.parse(campaign.calling_hours) as CallingHours);
  const versions = new Map<number, { language: string; body: ScriptVersionBody }>();
  const people = await Promise.all(
    rows.map(async (row) => {
      const p = patrons.find((x) => x.id === row.patron_id);
      if (!p) throw new Error(`patron ${row.patron_id} vanished`);
      const version = await scriptVersionOfCall(ctx.db, claim, campaign, p);
      if (version)
        versions.set(version.id, {
          language: version.language,
          body: {
            language: version.language,
            ...(JSON.parse(version.body) as Omit<ScriptVersionBody, 'language'>),
          },
        });
      return {
        patronId: p.id,
        callListId: row.id,
        firstName: p.first_name,
        lastName: p.last_name,
        preferredName: p.preferred_name,
        language: p.language,
        ageBand: p.birth_date === null ? null : ageBand(p.birth_date, now),
        phones: JSON.parse(p.phones) as CallCard['patrons'][number]['phones'],
        attempts: row.attempts,
        // Masked: the caller picks where the follow-up goes without seeing the whole address.
        emails: (JSON.parse(p.emails) as string[]).map(maskAddress),
        scriptVersionId: version?.id ?? null,
        scriptLanguage: version?.language ?? null,
      };
    }),
  );
  if (claim.script_versions === null) {
    // Fixed now, so the call keeps these versions whatever is saved while it runs.
    const fixed = JSON.stringify(
      Object.fromEntries(people.map((p) => [p.patronId, p.scriptVersionId])),
    );
    await ctx.db
      .updateTable('claims')
      .set({ script_versions: fixed })
      .where('id', '=', claim.id)
      .execute();
  }
  await recordAudit(ctx, {
    action: 'patron.view',
    objectType: 'patron',
    objectId: patronIds.join(','),
    details: { campaignId: campaign.id, claimId: claim.id },
  });
  return {
    claimId: claim.id,
    token: claim.token,
    expiresAt: claim.expires_at,
    campaignId: campaign.id,
    campaignName: campaign.name,
    phone: patrons.find((p) => p.primary_phone !== null)?.primary_phone ?? null,
    timeZone,
    callableNow: window.open,
    notCallableReason: window.open
      ? null
      : `It is ${window.local} for this patron; calling hours are ${window.window}.`,
    patrons: people,
    scripts: [...versions.entries()].map(([id, v]) => ({ id, ...v.body })),
    history: await callHistory(
      ctx.db,
      patronIds,
      patrons.map((p) => p.household_id).filter((h): h is number => h !== null),
    ),
    isCallback: rows.some((r) => r.callback_at !== null),
  };
}

/**
 * The script version a patron's call uses: the one fixed when the call started, or — when the call
 * starts now — the latest in the patron's language (else the script's default language).
 */
export async function scriptVersionOfCall(
  db: Db,
  claim: Pick<ClaimRow, 'script_versions'>,
  campaign: Pick<CampaignRow, 'script_id'>,
  patron: { id: number; language: string | null },
): Promise<ScriptVersionRow | undefined> {
  if (campaign.script_id === null) return undefined;
  const fixed =
    claim.script_versions === null
      ? undefined
      : (JSON.parse(claim.script_versions) as Record<string, number | null>)[String(patron.id)];
  if (fixed !== undefined && fixed !== null) {
    return db.selectFrom('script_versions').selectAll().where('id', '=', fixed).executeTakeFirst();
  }
  return scriptVersionForPatron(db, campaign.script_id, patron.language);
}

/**
 * Earlier attempts in any campaign for these patrons and everyone on their phone line, newest
 * first; private notes left out.
 */
async function callHistory(
  db: Db,
  patronIds: number[],
  householdIds: number[],
): Promise<CallCard['history']> {
  if (patronIds.length === 0) return [];
  const rows = await db
    .selectFrom('attempts')
    .innerJoin('campaigns', 'campaigns.id', 'attempts.campaign_id')
    .innerJoin('patrons', 'patrons.id', 'attempts.patron_id')
    .leftJoin('users', 'users.id', 'attempts.caller_id')
    .select([
      'attempts.created_at',
      'campaigns.name as campaign',
      'patrons.first_name',
      'patrons.preferred_name',
      'attempts.outcome',
      'users.name as caller',
      'attempts.note',
      'attempts.note_private',
    ])
    .where((eb) =>
      eb.or([
        eb('attempts.patron_id', 'in', patronIds),
        ...(householdIds.length > 0 ? [eb('patrons.household_id', 'in', householdIds)] : []),
      ]),
    )
    .orderBy('attempts.created_at', 'desc')
    .orderBy('attempts.id', 'desc')
    .limit(30)
    .execute();
  return rows.map((r) => ({
    at: r.created_at,
    campaign: r.campaign,
    patronName: r.preferred_name ?? r.first_name,
    outcome: r.outcome as Outcome,
    caller: r.caller ?? 'E-mail',
    note: r.note_private === 1 || r.note === '' ? null : r.note,
  }));
}
