import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { engineOf } from '../../db/client.js';
import type { AuditRow, Db } from '../../db/database.js';
import { inTransaction, type Ctx } from '../context.js';
import { assertRole } from '../policy.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  /** What happened, as `object.verb`: `user.sign_in`, `patron.view`, `import.run`… */
  action: string;
  objectType: string;
  objectId?: string | number | null;
  details?: Record<string, unknown>;
}

type ChainFields = Pick<
  AuditRow,
  | 'at'
  | 'actor_id'
  | 'actor_label'
  | 'action'
  | 'object_type'
  | 'object_id'
  | 'details'
  | 'ip'
  | 'request_id'
>;

function entryHash(prevHash: string, e: ChainFields): string {
  const body = JSON.stringify([
    e.at,
    e.actor_id,
    e.actor_label,
    e.action,
    e.object_type,
    e.object_id,
    e.details,
    e.ip,
    e.request_id,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends an entry to the audit log (TRUST SC-11). Call it inside the transaction that makes the
 * change, so the change and its record commit together. Entries form a hash chain; appends are
 * serialised (SQLite's write lock; a transaction-scoped advisory lock on PostgreSQL).
 */
export async function recordAudit(ctx: Ctx, event: AuditEvent): Promise<void> {
  await recordAudits(ctx, [event]);
}

/** Appends several entries at once, in order: one lock, one read of the chain, one insert. */
export async function recordAudits(ctx: Ctx, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await inTransaction(ctx, async ({ db }) => {
    if (engineOf(db) === 'postgres') {
      await sql`select pg_advisory_xact_lock(7172001)`.execute(db);
    }
    const last = await db
      .selectFrom('audit_log')
      .select('hash')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const at = ctx.now().toISOString();
    let prevHash = last?.hash ?? GENESIS_HASH;
    const rows = events.map((event) => {
      const fields: ChainFields = {
        at,
        actor_id: ctx.actor?.id ?? null,
        actor_label: ctx.actor ? `${ctx.actor.name} <${ctx.actor.email}>` : 'system',
        action: event.action,
        object_type: event.objectType,
        object_id:
          event.objectId === undefined || event.objectId === null ? null : String(event.objectId),
        details: event.details === undefined ? null : JSON.stringify(event.details),
        ip: ctx.origin?.ip ?? null,
        request_id: ctx.origin?.requestId ?? null,
      };
      const hash = entryHash(prevHash, fields);
      const row = { ...fields, prev_hash: prevHash, hash };
      prevHash = hash;
      return row;
    });
    // Rows of one multi-row insert get their ids in order on both engines; chunks keep each
    // statement under SQLite's parameter limit.
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('audit_log')
        .values(rows.slice(i, i + 500))
        .execute();
  });
}

export interface ChainCheck {
  entries: number;
  /** The first entry whose hash or link does not match, if any. */
  brokenAt: number | null;
}

/** Walks the whole audit log and checks every link of the hash chain. */
export async function verifyAuditChain(db: Db): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  let entries = 0;
  let afterId = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) return { entries, brokenAt: null };
    for (const row of rows) {
      if (row.prev_hash !== prevHash || row.hash !== entryHash(prevHash, row)) {
        return { entries, brokenAt: row.id };
      }
      prevHash = row.hash;
      entries += 1;
      afterId = row.id;
    }
  }
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actor: string;
  action: string;
  objectType: string;
  objectId: string | null;
  details: unknown;
  ip: string | null;
}

export interface AuditFilter {
  actorId?: number | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The audit log, newest first. Admins only. */
export async function listAuditEvents(
  ctx: Ctx,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AuditEntry[]; total: number }> {
  assertRole(ctx, 'admin');
  let query = ctx.db.selectFrom('audit_log');
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.objectType !== undefined) query = query.where('object_type', '=', filter.objectType);
  if (filter.objectId !== undefined) query = query.where('object_id', '=', filter.objectId);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: count.n,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actor: r.actor_label,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      details: r.details === null ? null : (JSON.parse(r.details) as unknown),
      ip: r.ip,
    })),
  };
}
