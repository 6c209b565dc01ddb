import { sql, type AliasableExpression, type ExpressionBuilder } from 'kysely';
import type { CallListRow, ClaimRow, Database, Db } from '../../db/database.js';

/** The unit a claim holds: a household (every member, one call) or a lone patron. */
export function unitKeyOf(row: { household_id: number | null; patron_id: number }): string {
  return row.household_id === null ? `p:${row.patron_id}` : `h:${row.household_id}`;
}

/** The same unit key, computed in SQL for a call-list row. */
export function unitKeySql(
  eb: ExpressionBuilder<Database, 'call_list'>,
): AliasableExpression<string | null> {
  return eb
    .case()
    .when('call_list.household_id', 'is not', null)
    .then(sql<string>`'h:' || ${eb.ref('call_list.household_id')}`)
    .else(sql<string>`'p:' || ${eb.ref('call_list.patron_id')}`)
    .end();
}

/**
 * Takes the unit for a caller if nobody holds it: an insert, or an update of a released or expired
 * lease, in one statement — so two callers can never both get it, on either engine (TRUST RB-1).
 * Returns the claim, or undefined when someone else holds it.
 */
export async function acquireUnit(
  db: Db,
  unit: {
    unitKey: string;
    campaignId: number;
    callerId: number;
    token: string;
    now: string;
    expiresAt: string;
  },
): Promise<ClaimRow | undefined> {
  const values = {
    campaign_id: unit.campaignId,
    caller_id: unit.callerId,
    token: unit.token,
    claimed_at: unit.now,
    expires_at: unit.expiresAt,
    script_versions: null,
  };
  return db
    .insertInto('claims')
    .values({ unit_key: unit.unitKey, ...values })
    .onConflict((oc) =>
      oc.column('unit_key').doUpdateSet(values).where('claims.expires_at', '<=', unit.now),
    )
    .returningAll()
    .executeTakeFirst();
}

/** The call-list rows a claim covers in its campaign that are still to be called. */
export async function unitRows(
  db: Db,
  claim: Pick<ClaimRow, 'unit_key' | 'campaign_id'>,
): Promise<CallListRow[]> {
  const [kind, id] = claim.unit_key.split(':');
  return db
    .selectFrom('call_list')
    .innerJoin('patrons', 'patrons.id', 'call_list.patron_id')
    .selectAll('call_list')
    .where('call_list.campaign_id', '=', claim.campaign_id)
    .where(kind === 'h' ? 'call_list.household_id' : 'call_list.patron_id', '=', Number(id))
    .where('call_list.state', '=', 'waiting')
    .where('patrons.deceased_at', 'is', null)
    .where('patrons.do_not_call_at', 'is', null)
    .orderBy('call_list.id')
    .execute();
}

/** The live claim a caller holds, if any. */
export function findLiveClaimOf(
  db: Db,
  callerId: number,
  now: string,
): Promise<ClaimRow | undefined> {
  return db
    .selectFrom('claims')
    .selectAll()
    .where('caller_id', '=', callerId)
    .where('expires_at', '>', now)
    .orderBy('claimed_at', 'desc')
    .executeTakeFirst();
}
