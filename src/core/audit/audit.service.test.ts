import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { testCtx } from '../../../tests/helpers/ctx.js';
import { createStaff } from '../../../tests/helpers/factories.js';
import { listAuditEvents, recordAudit, recordAudits, verifyAuditChain } from './audit.service.js';

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.destroy());

describe('audit log', () => {
  it('records who did what to which object, and the chain verifies', async () => {
    const admin = await createStaff(t.db, 'admin');
    const ctx = { ...testCtx(t.db, admin), origin: { ip: '198.51.100.1', requestId: 'req-1' } };
    await recordAudit(ctx, { action: 'patron.view', objectType: 'patron', objectId: 42 });
    await recordAudit(ctx, {
      action: 'patron.update',
      objectType: 'patron',
      objectId: 42,
      details: { field: 'language' },
    });
    const page = await listAuditEvents(
      ctx,
      { objectType: 'patron', objectId: '42' },
      { limit: 10, offset: 0 },
    );
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({
      action: 'patron.update',
      actorId: admin.id,
      ip: '198.51.100.1',
      details: { field: 'language' },
    });
    expect(await verifyAuditChain(t.db)).toEqual({ entries: 2, brokenAt: null });
  });

  it('shows an edited or deleted entry as a broken chain', async () => {
    const ctx = testCtx(t.db);
    for (let i = 1; i <= 3; i += 1)
      await recordAudit(ctx, { action: 'patron.view', objectType: 'patron', objectId: i });
    const rows = await t.db.selectFrom('audit_log').select('id').orderBy('id').execute();
    await t.db
      .updateTable('audit_log')
      .set({ object_id: '99' })
      .where('id', '=', rows[1]!.id)
      .execute();
    expect((await verifyAuditChain(t.db)).brokenAt).toBe(rows[1]!.id);
    await t.db.deleteFrom('audit_log').where('id', '=', rows[1]!.id).execute();
    expect((await verifyAuditChain(t.db)).brokenAt).toBe(rows[2]!.id);
  });

  it('keeps the chain intact under concurrent appends', async () => {
    const ctx = testCtx(t.db);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        recordAudit(ctx, { action: 'patron.view', objectType: 'patron', objectId: i }),
      ),
    );
    expect(await verifyAuditChain(t.db)).toEqual({ entries: 40, brokenAt: null });
  });

  it('appends a batch in order, interleaved with single appends, and the chain verifies', async () => {
    const ctx = testCtx(t.db);
    const batch = Array.from({ length: 700 }, (_, i) => ({
      action: 'email.send',
      objectType: 'email',
      objectId: i,
    }));
    await Promise.all([
      recordAudits(ctx, batch),
      recordAudit(ctx, { action: 'patron.view', objectType: 'patron', objectId: 1 }),
      recordAudits(ctx, batch.slice(0, 3)),
    ]);
    expect(await verifyAuditChain(t.db)).toEqual({ entries: 704, brokenAt: null });
    const sent = await t.db
      .selectFrom('audit_log')
      .select('object_id')
      .where('action', '=', 'email.send')
      .orderBy('id')
      .execute();
    // The big batch lands in one piece and in order, whichever append went first.
    const ids = sent.map((r) => Number(r.object_id));
    const start = ids.findIndex((v, i) => v === 0 && ids[i + 3] === 3);
    expect(ids.slice(start, start + 700)).toEqual(batch.map((b) => b.objectId));
  });

  it('is readable by admins only', async () => {
    const coordinator = await createStaff(t.db, 'coordinator');
    await expect(
      listAuditEvents(testCtx(t.db, coordinator), {}, { limit: 10, offset: 0 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
