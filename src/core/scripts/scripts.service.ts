import type { Db, ScriptVersionRow } from '../../db/database.js';
import {
  saveScriptInput,
  type SaveScriptInput,
  type Script,
  type ScriptVersionBody,
} from '../../shared/schemas/scripts.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { assertRole } from '../policy.js';
import { getCampaign } from '../campaigns/campaigns.service.js';
import { chooseVersion } from './language.js';
import { validateScript, type ScriptProblem } from './script-graph.js';

/** Call scripts in the database: every save of a changed language is a new version, never an edit. */

async function serviceKeys(db: Db): Promise<string[]> {
  return (await db.selectFrom('services').select('key').execute()).map((s) => s.key);
}

/** Checks a script without saving it: graph, merge fields, languages alike, known services. */
export async function checkScript(ctx: Ctx, raw: SaveScriptInput): Promise<ScriptProblem[]> {
  const input = parseInput(saveScriptInput, raw);
  return validateScript(input.versions, await serviceKeys(ctx.db));
}

async function assertValid(db: Db, input: { versions: ScriptVersionBody[] }): Promise<void> {
  const problems = validateScript(input.versions, await serviceKeys(db));
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The script has ${problems.length} problem(s): ${problems[0]?.message ?? ''}`,
      { scriptProblems: problems },
    );
  }
}

/** The latest version of each language of each script asked for. */
async function latestVersions(db: Db, scriptIds: number[]): Promise<ScriptVersionRow[]> {
  if (scriptIds.length === 0) return [];
  const rows = await db
    .selectFrom('script_versions')
    .selectAll()
    .where('script_id', 'in', scriptIds)
    .orderBy('version', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.script_id}:${r.language}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function present(db: Db, ids: number[]): Promise<Script[]> {
  if (ids.length === 0) return [];
  const [scripts, versions] = await Promise.all([
    db.selectFrom('scripts').selectAll().where('id', 'in', ids).orderBy('name').execute(),
    latestVersions(db, ids),
  ]);
  return scripts.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    defaultLanguage: s.default_language,
    updatedAt: s.updated_at,
    versions: versions
      .filter((v) => v.script_id === s.id)
      .sort((a, b) => a.language.localeCompare(b.language))
      .map((v) => ({
        id: v.id,
        version: v.version,
        language: v.language,
        createdAt: v.created_at,
        ...(JSON.parse(v.body) as Omit<ScriptVersionBody, 'language'>),
      })),
  }));
}

export async function listScripts(ctx: Ctx): Promise<Script[]> {
  assertRole(ctx, 'admin', 'coordinator');
  return present(
    ctx.db,
    (await ctx.db.selectFrom('scripts').select('id').execute()).map((r) => r.id),
  );
}

/**
 * The script of a campaign, for anyone who may open the campaign (its callers study it before
 * calling and run it in practice mode). @throws NOT_FOUND, FORBIDDEN
 */
export async function getCampaignScript(ctx: Ctx, campaignId: number): Promise<Script | null> {
  const campaign = await getCampaign(ctx, campaignId);
  if (campaign.scriptId === null) return null;
  const [script] = await present(ctx.db, [campaign.scriptId]);
  return script ?? null;
}

/** @throws NOT_FOUND */
export async function getScript(ctx: Ctx, id: number): Promise<Script> {
  assertRole(ctx, 'admin', 'coordinator');
  const [script] = await present(ctx.db, [id]);
  if (!script) throw notFound('Script', id);
  return script;
}

async function insertVersions(
  ctx: Ctx,
  scriptId: number,
  versions: ScriptVersionBody[],
  current: ScriptVersionRow[],
): Promise<number> {
  let added = 0;
  for (const { language, ...body } of versions) {
    const latest = current.find((v) => v.language === language);
    const text = JSON.stringify(body);
    if (latest?.body === text) continue;
    await ctx.db
      .insertInto('script_versions')
      .values({
        script_id: scriptId,
        language,
        version: (latest?.version ?? 0) + 1,
        body: text,
        created_by: ctx.actor?.id ?? null,
        created_at: ctx.now().toISOString(),
      })
      .execute();
    added += 1;
  }
  return added;
}

/** Creates a script with a first version per language. @throws VALIDATION_FAILED (details.scriptProblems) */
export async function createScript(ctx: Ctx, raw: SaveScriptInput): Promise<Script> {
  assertRole(ctx, 'admin', 'coordinator');
  const input = parseInput(saveScriptInput, raw);
  await assertValid(ctx.db, input);
  const id = await inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString();
    const row = await tx.db
      .insertInto('scripts')
      .values({
        name: input.name,
        description: input.description,
        default_language: input.defaultLanguage,
        created_by: tx.actor?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertVersions(tx, row.id, input.versions, []);
    await recordAudit(tx, {
      action: 'script.create',
      objectType: 'script',
      objectId: row.id,
      details: { name: input.name },
    });
    return row.id;
  });
  return getScript(ctx, id);
}

/**
 * Saves a script: a language whose steps changed gets a new version; calls already running keep
 * the version they started with. @throws NOT_FOUND, VALIDATION_FAILED
 */
export async function saveScript(ctx: Ctx, id: number, raw: SaveScriptInput): Promise<Script> {
  assertRole(ctx, 'admin', 'coordinator');
  const input = parseInput(saveScriptInput, raw);
  await assertValid(ctx.db, input);
  await inTransaction(ctx, async (tx) => {
    const script = await tx.db
      .selectFrom('scripts')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!script) throw notFound('Script', id);
    const added = await insertVersions(tx, id, input.versions, await latestVersions(tx.db, [id]));
    await tx.db
      .updateTable('scripts')
      .set({
        name: input.name,
        description: input.description,
        default_language: input.defaultLanguage,
        updated_at: tx.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'script.update',
      objectType: 'script',
      objectId: id,
      details: { newVersions: added },
    });
  });
  return getScript(ctx, id);
}

/**
 * The version a call to a patron uses: the latest in the patron's language, else the script's
 * default language (TRUST AX-3). Store its id on the call so it keeps that version.
 */
export async function scriptVersionForPatron(
  db: Db,
  scriptId: number,
  patronLanguage: string | null,
): Promise<ScriptVersionRow | undefined> {
  const script = await db
    .selectFrom('scripts')
    .select('default_language')
    .where('id', '=', scriptId)
    .executeTakeFirst();
  const versions = await latestVersions(db, [scriptId]);
  if (!script || versions.length === 0) return undefined;
  return chooseVersion(versions, patronLanguage, script.default_language).version;
}
