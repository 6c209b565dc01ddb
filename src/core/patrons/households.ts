import { sql } from 'kysely';
import { engineOf } from '../../db/client.js';
import type { Db } from '../../db/database.js';

/**
 * Recomputes households: patrons whose primary phone is the same line form one household (kept as
 * separate people, never merged); a patron alone on a number has none. Set-based, so it costs a
 * few statements whatever the list size. Run inside the transaction that changed the phones.
 */
export async function recomputeHouseholds(db: Db, now: string): Promise<void> {
  await sql`
    insert into households (phone_e164, created_at)
    select primary_phone, ${now} from patrons
    where primary_phone is not null
    group by primary_phone having count(*) > 1
    on conflict (phone_e164) do nothing`.execute(db);
  const distinct = engineOf(db) === 'postgres' ? sql`is distinct from` : sql`is not`;
  await sql`
    update patrons set household_id = households.id
    from households
    where households.phone_e164 = patrons.primary_phone
      and patrons.household_id ${distinct} households.id`.execute(db);
  await sql`
    update patrons set household_id = null
    where household_id is not null
      and (primary_phone is null
        or primary_phone not in (
          select primary_phone from patrons where primary_phone is not null
          group by primary_phone having count(*) > 1))`.execute(db);
  await sql`delete from households where id not in (select household_id from patrons where household_id is not null)`.execute(
    db,
  );
}
