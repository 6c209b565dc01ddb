import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { assertRole } from '../policy.js';

/**
 * E-mail consent (TRUST CA-3): promotional mail goes only to patrons with a recorded basis —
 * express (they said yes: on a call, on a form) or implied (an existing relationship, as the
 * library's policy and the law allow). Transactional mail (what the patron asked for) needs none.
 */

export type ConsentBasis = 'express' | 'implied';

/** Records (or, with null, withdraws) a patron's consent, audited with where it came from. */
export async function recordEmailConsent(
  ctx: Ctx,
  patronId: number,
  basis: ConsentBasis | null,
  source: 'call' | 'staff',
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString();
    const changed = await tx.db
      .updateTable('patrons')
      .set({ email_consent: basis, email_consent_at: basis === null ? null : now, updated_at: now })
      .where('id', '=', patronId)
      .where((eb) =>
        basis === null
          ? eb('email_consent', 'is not', null)
          : eb('email_consent', 'is distinct from', basis),
      )
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return;
    await recordAudit(tx, {
      action: 'patron.email_consent',
      objectType: 'patron',
      objectId: patronId,
      details: { basis, source },
    });
  });
}

/** A coordinator records or withdraws consent, e.g. from a signed form. @throws NOT_FOUND */
export async function setEmailConsent(
  ctx: Ctx,
  patronId: number,
  basis: ConsentBasis | null,
): Promise<{ patronId: number; emailConsent: ConsentBasis | null }> {
  assertRole(ctx, 'admin', 'coordinator');
  const patron = await ctx.db
    .selectFrom('patrons')
    .select('id')
    .where('id', '=', patronId)
    .executeTakeFirst();
  if (!patron) throw notFound('Patron', patronId);
  await recordEmailConsent(ctx, patronId, basis, 'staff');
  return { patronId, emailConsent: basis };
}
