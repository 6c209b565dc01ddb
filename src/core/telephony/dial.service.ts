import type { CallingHours } from '../../shared/schemas/campaigns.js';
import type { Phone } from '../../shared/schemas/patrons.js';
import { dialString, sipTarget } from '../../shared/dial-plan.js';
import { dialInput, type DialInput, type DialResult } from '../../shared/schemas/telephony.js';
import { recordAudit } from '../audit/audit.service.js';
import { callingWindow } from '../calling/calling-hours.js';
import { unitRows } from '../calling/claims.repository.js';
import { assertHeld } from '../calling/claims.service.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import type { Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { getLibrarySettings } from '../library/library.service.js';
import { assertRole } from '../policy.js';
import { softphoneOn } from './accounts.service.js';
import { readTelephonySettings } from './settings.service.js';

/**
 * The softphone asks before every call: the caller must hold the claim, the patrons must be in
 * their calling hours, and the number must be one of theirs — the same rules as the links, kept
 * by the server. Only then does the number, turned into the phone system's dial string, go to
 * the browser to be sent to the phone system (TRUST PR-). Every dial is audited (the call log).
 * @throws CONFLICT (claim lost), VALIDATION_FAILED (number not on the call, outside calling hours,
 *   softphone off)
 */
export async function dialNumber(ctx: Ctx, claimId: number, raw: DialInput): Promise<DialResult> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const input = parseInput(dialInput, raw);
  const claim = await assertHeld(ctx, claimId, input.token);
  if (!(await softphoneOn(ctx.db, claim.caller_id)))
    throw new AppError('VALIDATION_FAILED', 'The softphone is not set up for you', {
      field: 'softphone',
    });
  const campaign = await findCampaign(ctx.db, claim.campaign_id);
  if (!campaign) throw notFound('Campaign', claim.campaign_id);
  const rows = await unitRows(ctx.db, claim);
  const patrons =
    rows.length === 0
      ? []
      : await ctx.db
          .selectFrom('patrons')
          .select(['id', 'phones', 'primary_phone'])
          .where(
            'id',
            'in',
            rows.map((r) => r.patron_id),
          )
          .execute();
  // Do-not-call and deceased patrons are not on the claim's rows, so their numbers are not here.
  const phones = patrons.flatMap((p) => (JSON.parse(p.phones) as Phone[]).filter((f) => f.valid));
  const known = phones.find((f) => f.e164 === input.e164);
  if (!known && !patrons.some((p) => p.primary_phone === input.e164))
    throw new AppError('VALIDATION_FAILED', 'That number is not one of this call’s numbers', {
      field: 'e164',
    });
  const timeZone = rows[0]?.time_zone ?? (await getLibrarySettings(ctx.db)).timeZone;
  const window = callingWindow(
    ctx.now(),
    timeZone,
    JSON.parse(campaign.calling_hours) as CallingHours,
  );
  if (!window.open)
    throw new AppError(
      'VALIDATION_FAILED',
      `It is ${window.local} for this patron; calling hours are ${window.window}.`,
      { field: 'callingHours' },
    );
  const settings = await readTelephonySettings(ctx.db);
  const dial = dialString(settings.dialPlan, input.e164);
  await recordAudit(ctx, {
    action: 'call.dial',
    objectType: 'patron',
    objectId: patrons.map((p) => p.id).join(','),
    details: { claimId: claim.id, campaignId: campaign.id, phoneKind: known?.kind ?? 'primary' },
  });
  return {
    target: sipTarget(dial, settings.sipDomain),
    dialString: dial,
    extension: known?.extension ?? null,
  };
}
