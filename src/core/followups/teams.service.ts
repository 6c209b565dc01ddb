import { teamInput, type Team, type TeamInput } from '../../shared/schemas/followups.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { assertRole } from '../policy.js';
import { STARTER_TEAMS } from './starter.js';

/** Teams of staff that can own follow-up tasks until one of them takes it (e.g. the information desk). */

/** Every team with its members, by name. Any staff member who works tasks. */
export async function listTeams(ctx: Ctx): Promise<Team[]> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const teams = await ctx.db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute();
  const members = await ctx.db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['team_members.team_id', 'users.id', 'users.name'])
    .where('users.disabled_at', 'is', null)
    .orderBy('users.name')
    .execute();
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    members: members.filter((m) => m.team_id === t.id).map((m) => ({ id: m.id, name: m.name })),
  }));
}

async function writeTeam(ctx: Ctx, id: number | null, raw: TeamInput): Promise<Team> {
  assertRole(ctx, 'admin', 'coordinator');
  const input = parseInput(teamInput, raw);
  const teamId = await inTransaction(ctx, async (tx) => {
    let query = tx.db.selectFrom('teams').select('id').where('name', '=', input.name);
    if (id !== null) query = query.where('id', '!=', id);
    if (await query.executeTakeFirst())
      throw new AppError('CONFLICT', `A team named “${input.name}” already exists`, {
        field: 'name',
      });
    const ids = [...new Set(input.memberIds)];
    if (ids.length > 0) {
      const users = await tx.db
        .selectFrom('users')
        .select('id')
        .where('id', 'in', ids)
        .where('role', '!=', 'viewer')
        .execute();
      const unknown = ids.filter((u) => !users.some((x) => x.id === u));
      if (unknown.length > 0)
        throw new AppError('VALIDATION_FAILED', 'Some members are not staff who can take tasks', {
          field: 'memberIds',
          unknown,
        });
    }
    let saved = id;
    if (saved === null) {
      const row = await tx.db
        .insertInto('teams')
        .values({ name: input.name, created_at: tx.now().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      saved = row.id;
    } else {
      const updated = await tx.db
        .updateTable('teams')
        .set({ name: input.name })
        .where('id', '=', saved)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw notFound('Team', saved);
      await tx.db.deleteFrom('team_members').where('team_id', '=', saved).execute();
    }
    const teamRow = saved;
    if (ids.length > 0)
      await tx.db
        .insertInto('team_members')
        .values(ids.map((userId) => ({ team_id: teamRow, user_id: userId })))
        .execute();
    await recordAudit(tx, {
      action: id === null ? 'team.create' : 'team.update',
      objectType: 'team',
      objectId: saved,
      details: { name: input.name, members: ids },
    });
    return saved;
  });
  const team = (await listTeams(ctx)).find((t) => t.id === teamId);
  if (!team) throw notFound('Team', teamId);
  return team;
}

/** @throws CONFLICT (name taken), VALIDATION_FAILED, FORBIDDEN */
export function createTeam(ctx: Ctx, raw: TeamInput): Promise<Team> {
  return writeTeam(ctx, null, raw);
}

/** Renames a team and sets its members. @throws NOT_FOUND, CONFLICT, VALIDATION_FAILED, FORBIDDEN */
export function updateTeam(ctx: Ctx, id: number, raw: TeamInput): Promise<Team> {
  return writeTeam(ctx, id, raw);
}

/** The information desk team, once; a library renames it or adds its members. */
export async function ensureStarterTeams(ctx: Ctx): Promise<number> {
  let added = 0;
  for (const team of STARTER_TEAMS) {
    const result = await ctx.db
      .insertInto('teams')
      .values({ name: team.name, starter_key: team.key, created_at: ctx.now().toISOString() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}
