import type { Db, PatronRow } from '../../db/database.js';
import type { Patron, PatronFilter } from '../../shared/schemas/patrons.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { assertRole } from '../policy.js';
import { presentPatron } from './patrons.presenter.js';

function filtered(db: Db, filter: PatronFilter) {
  let query = db.selectFrom('patrons');
  if (filter.branch) query = query.where('branch', '=', filter.branch);
  if (filter.language) query = query.where('language', '=', filter.language);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.patronType) query = query.where('patron_type', '=', filter.patronType);
  if (filter.inHousehold)
    query = query.where('household_id', filter.inHousehold === 'true' ? 'is not' : 'is', null);
  if (filter.hasPhone) {
    query = query.where('primary_phone', filter.hasPhone === 'true' ? 'is not' : 'is', null);
  }
  if (filter.hasEmail) query = query.where('emails', filter.hasEmail === 'true' ? '!=' : '=', '[]');
  const search = filter.search?.trim();
  if (search) {
    const lower = `%${search.toLowerCase()}%`;
    const digits = search.replace(/\D/g, '');
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['first_name']), 'like', lower),
        eb(eb.fn('lower', ['last_name']), 'like', lower),
        eb(eb.fn('lower', ['preferred_name']), 'like', lower),
        eb('card_number', '=', search),
        // Phones and e-mails are JSON text on the row: a substring match finds any of them.
        ...(digits.length >= 7 ? [eb('phones', 'like', `%${digits}"%`)] : []),
        ...(search.includes('@') ? [eb('emails', 'like', `%"${search.toLowerCase()}"%`)] : []),
      ]),
    );
  }
  return query;
}

/**
 * A page of patrons, by name, for coordinators and admins. The listing itself is audited with its
 * filter (TRUST SC-11): who looked at which part of the list, and when.
 */
export async function listPatrons(
  ctx: Ctx,
  filter: PatronFilter,
  page: { limit: number; offset: number },
): Promise<{ items: Patron[]; total: number }> {
  assertRole(ctx, 'admin', 'coordinator');
  const [rows, count] = await Promise.all([
    filtered(ctx.db, filter)
      .selectAll()
      .orderBy('last_name')
      .orderBy('first_name')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(ctx.db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  await recordAudit(ctx, {
    action: 'patron.list',
    objectType: 'patron',
    details: { filter, offset: page.offset, shown: rows.map((r) => r.id) },
  });
  return { items: rows.map((r) => presentPatron(r, ctx.now())), total: count.n };
}

/**
 * Every patron, streamed in pages of 1,000 in card-number order, for exports. The caller audits the
 * export once.
 */
export async function* streamPatrons(ctx: Ctx, filter: PatronFilter = {}): AsyncGenerator<Patron> {
  assertRole(ctx, 'admin', 'coordinator');
  let after = '';
  for (;;) {
    const rows: PatronRow[] = await filtered(ctx.db, filter)
      .selectAll()
      .where('card_number', '>', after)
      .orderBy('card_number')
      .limit(1000)
      .execute();
    if (rows.length === 0) return;
    for (const row of rows) yield presentPatron(row, ctx.now());
    after = rows[rows.length - 1]?.card_number ?? after;
  }
}
