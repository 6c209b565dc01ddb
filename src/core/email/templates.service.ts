import type { EmailTemplateRow, EmailTemplateVersionRow, Db } from '../../db/database.js';
import {
  createEmailTemplateInput,
  updateEmailTemplateInput,
  type CreateEmailTemplateInput,
  type EmailTemplate,
  type TemplateVersion,
  type UpdateEmailTemplateInput,
} from '../../shared/schemas/email.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { assertRole } from '../policy.js';
import { templateProblems } from './templates/render.js';
import { STARTER_EMAIL_TEMPLATES } from './templates/starter.js';

/** E-mail templates: a version per language, classed transactional or promotional (TRUST CA-3). */

function presentTemplate(
  row: EmailTemplateRow,
  versions: EmailTemplateVersionRow[],
): EmailTemplate {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    class: row.class,
    purpose: row.purpose,
    defaultLanguage: row.default_language,
    versions: versions.map((v) => ({
      language: v.language,
      subject: v.subject,
      html: v.html,
      text: v.text,
      updatedAt: v.updated_at,
    })),
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function versionsOf(db: Db, ids: number[]): Promise<Map<number, EmailTemplateVersionRow[]>> {
  const byTemplate = new Map<number, EmailTemplateVersionRow[]>();
  if (ids.length === 0) return byTemplate;
  const rows = await db
    .selectFrom('email_template_versions')
    .selectAll()
    .where('template_id', 'in', ids)
    .orderBy('language')
    .execute();
  for (const row of rows) {
    const list = byTemplate.get(row.template_id) ?? [];
    list.push(row);
    byTemplate.set(row.template_id, list);
  }
  return byTemplate;
}

/** Every template, newest first. Staff who send e-mails (callers send follow-ups). */
export async function listEmailTemplates(ctx: Ctx): Promise<EmailTemplate[]> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const rows = await ctx.db
    .selectFrom('email_templates')
    .selectAll()
    .orderBy('archived_at', 'desc')
    .orderBy('name')
    .execute();
  const versions = await versionsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentTemplate(r, versions.get(r.id) ?? []));
}

export async function findTemplate(
  db: Db,
  id: number,
): Promise<{ row: EmailTemplateRow; versions: EmailTemplateVersionRow[] } | undefined> {
  const row = await db
    .selectFrom('email_templates')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { row, versions: (await versionsOf(db, [id])).get(id) ?? [] };
}

/** @throws NOT_FOUND */
export async function getEmailTemplate(ctx: Ctx, id: number): Promise<EmailTemplate> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const found = await findTemplate(ctx.db, id);
  if (!found) throw notFound('E-mail template', id);
  return presentTemplate(found.row, found.versions);
}

/**
 * Checks each version: unknown merge fields, unclosed `{{`, and anything the HTML sanitiser would
 * drop is refused with the reason, so what staff see is what patrons get.
 */
function checkedVersions(versions: TemplateVersion[]): TemplateVersion[] {
  const issues = versions.flatMap((version, i) =>
    templateProblems(version).map((p) => ({
      path: `versions.${i}.${p.field}`,
      message: `${version.language}: ${p.message}`,
    })),
  );
  const unique = [...new Map(issues.map((i) => [`${i.path}|${i.message}`, i])).values()];
  if (unique.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      unique.map((i) => `${i.path}: ${i.message}`).join('; '),
      { issues: unique },
    );
  return versions;
}

async function assertNameFree(db: Db, name: string, except?: number): Promise<void> {
  let query = db.selectFrom('email_templates').select('id').where('name', '=', name);
  if (except !== undefined) query = query.where('id', '!=', except);
  if (await query.executeTakeFirst())
    throw new AppError('CONFLICT', `A template named “${name}” already exists`, {
      field: 'name',
    });
}

async function writeVersions(ctx: Ctx, templateId: number, versions: TemplateVersion[]) {
  const now = ctx.now().toISOString();
  await ctx.db
    .deleteFrom('email_template_versions')
    .where('template_id', '=', templateId)
    .where(
      'language',
      'not in',
      versions.map((v) => v.language),
    )
    .execute();
  for (const v of versions) {
    const values = {
      subject: v.subject,
      html: v.html,
      text: v.text,
      updated_by: ctx.actor?.id ?? null,
      updated_at: now,
    };
    await ctx.db
      .insertInto('email_template_versions')
      .values({ template_id: templateId, language: v.language, ...values })
      .onConflict((oc) => oc.columns(['template_id', 'language']).doUpdateSet(values))
      .execute();
  }
}

function assertDefaultLanguage(defaultLanguage: string, versions: { language: string }[]) {
  if (!versions.some((v) => v.language === defaultLanguage))
    throw new AppError(
      'VALIDATION_FAILED',
      `defaultLanguage: there is no ${defaultLanguage} version`,
      { issues: [{ path: 'defaultLanguage', message: `there is no ${defaultLanguage} version` }] },
    );
}

/** @throws VALIDATION_FAILED, CONFLICT (name taken), FORBIDDEN */
export async function createEmailTemplate(
  ctx: Ctx,
  raw: CreateEmailTemplateInput,
  options: { starterKey?: string } = {},
): Promise<EmailTemplate> {
  assertRole(ctx, 'admin', 'coordinator');
  const input = parseInput(createEmailTemplateInput, raw);
  const versions = checkedVersions(input.versions);
  assertDefaultLanguage(input.defaultLanguage, versions);
  return inTransaction(ctx, async (tx) => {
    await assertNameFree(tx.db, input.name);
    const now = tx.now().toISOString();
    const row = await tx.db
      .insertInto('email_templates')
      .values({
        name: input.name,
        description: input.description,
        class: input.class,
        purpose: input.purpose,
        default_language: input.defaultLanguage,
        starter_key: options.starterKey ?? null,
        created_by: tx.actor?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeVersions(tx, row.id, versions);
    await recordAudit(tx, {
      action: 'email_template.create',
      objectType: 'email_template',
      objectId: row.id,
      details: { name: input.name, class: input.class },
    });
    return getEmailTemplate({ ...tx, actor: null }, row.id);
  });
}

/** @throws NOT_FOUND, VALIDATION_FAILED, CONFLICT, FORBIDDEN */
export async function updateEmailTemplate(
  ctx: Ctx,
  id: number,
  raw: UpdateEmailTemplateInput,
): Promise<EmailTemplate> {
  assertRole(ctx, 'admin', 'coordinator');
  const input = parseInput(updateEmailTemplateInput, raw);
  const versions = input.versions === undefined ? undefined : checkedVersions(input.versions);
  return inTransaction(ctx, async (tx) => {
    const found = await findTemplate(tx.db, id);
    if (!found) throw notFound('E-mail template', id);
    if (input.name !== undefined) await assertNameFree(tx.db, input.name, id);
    assertDefaultLanguage(
      input.defaultLanguage ?? found.row.default_language,
      versions ?? found.versions,
    );
    const now = tx.now().toISOString();
    await tx.db
      .updateTable('email_templates')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.class !== undefined && { class: input.class }),
        ...(input.purpose !== undefined && { purpose: input.purpose }),
        ...(input.defaultLanguage !== undefined && { default_language: input.defaultLanguage }),
        ...(input.archived !== undefined && {
          archived_at: input.archived ? (found.row.archived_at ?? now) : null,
        }),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    if (versions !== undefined) await writeVersions(tx, id, versions);
    await recordAudit(tx, {
      action: 'email_template.update',
      objectType: 'email_template',
      objectId: id,
      details: { fields: Object.keys(input) },
    });
    return getEmailTemplate({ ...tx, actor: null }, id);
  });
}

/** Installs the starter templates the library does not have yet (by key); never overwrites. */
export async function ensureStarterEmailTemplates(ctx: Ctx): Promise<number> {
  const system = { ...ctx, actor: null };
  const present = new Set(
    (await ctx.db.selectFrom('email_templates').select(['starter_key', 'name']).execute()).flatMap(
      (r) => [r.starter_key, r.name],
    ),
  );
  let added = 0;
  for (const { key, ...template } of STARTER_EMAIL_TEMPLATES) {
    if (present.has(key) || present.has(template.name)) continue;
    await createEmailTemplate(system, template, { starterKey: key });
    added++;
  }
  return added;
}
