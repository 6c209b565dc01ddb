import { z } from 'zod';
import {
  getImport,
  listImportMappings,
  listImportProblems,
  listImports,
  saveImportMapping,
} from '../../core/patrons/import/imports.service.js';
import { importPatrons } from '../../core/patrons/import/import.service.js';
import { LAYOUTS } from '../../core/patrons/import/layouts/index.js';
import { previewImport } from '../../core/patrons/import/preview.service.js';
import { MAPPABLE_FIELDS } from '../../core/patrons/import/types.js';
import { parseInput } from '../../core/errors.js';
import { csvLine } from '../../core/exports/spreadsheet.js';
import { importProblemSchema, importReportSchema } from '../../shared/schemas/patrons.js';
import type { AppDeps, AppInstance } from '../app.js';
import { ctxOf } from '../auth.js';
import { errorResponses, pageOf, pageQuery } from '../schemas.js';
import { receiveUpload } from '../uploads.js';

const mappingSchema = z.partialRecord(z.enum(MAPPABLE_FIELDS), z.string().max(200));
const uploadFields = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  wait: z.enum(['true', 'false']).default('false'),
  layout: z.string().max(50).optional(),
  sheet: z.string().max(100).optional(),
  format: z.enum(['csv', 'tsv', 'xlsx', 'ods', 'json', 'jsonl']).optional(),
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text === '') return undefined;
      try {
        return mappingSchema.parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of field → column' });
        return z.NEVER;
      }
    }),
});

const multipartNote = 'multipart/form-data: `file` (the patron file) and optional fields';
const importId = z.object({ importId: z.coerce.number().int().positive() });

export function importRoutes(app: AppInstance, deps: AppDeps): void {
  const coordinators = { access: ['admin', 'coordinator'] as const };

  app.get(
    '/api/imports/layouts',
    {
      config: coordinators,
      schema: {
        operationId: 'listImportLayouts',
        tags: ['imports'],
        summary:
          'The export layouts recognised (Koha, Evergreen, FOLIO, Polaris, Sierra, Symphony, generic)',
        response: {
          200: z.array(z.object({ id: z.string(), label: z.string(), description: z.string() })),
          ...errorResponses,
        },
      },
    },
    () =>
      Promise.resolve(LAYOUTS.map(({ id, label, description }) => ({ id, label, description }))),
  );

  app.post(
    '/api/imports/preview',
    {
      config: coordinators,
      schema: {
        operationId: 'previewImport',
        tags: ['imports'],
        summary:
          'Detect the layout and mapping of a patron file and show its first rows as they would be imported',
        description: `${multipartNote}: layout, mapping (JSON), sheet, format.`,
        consumes: ['multipart/form-data'],
      },
    },
    async (request) => {
      const upload = await receiveUpload(request, deps.uploadsDir, deps.maxUploadBytes);
      try {
        const fields = parseInput(uploadFields, upload.fields);
        return await previewImport(ctxOf(request, deps), {
          ...upload,
          ...fields,
          defaultRegion: deps.defaultRegion,
        });
      } finally {
        await upload.discard();
      }
    },
  );

  app.post(
    '/api/imports',
    {
      config: coordinators,
      schema: {
        operationId: 'importPatrons',
        tags: ['imports'],
        summary:
          'Import a patron file (xlsx, csv, tsv, json, jsonl); answers 202 at once, or the finished report with wait=true',
        description: `${multipartNote}: dryRun (true|false), layout, mapping (JSON field → column), sheet, format, wait (true|false).`,
        consumes: ['multipart/form-data'],
        response: { 200: importReportSchema, 202: importReportSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, deps);
      const upload = await receiveUpload(request, deps.uploadsDir, deps.maxUploadBytes);
      const fields = parseInput(uploadFields, upload.fields);
      let started: (id: number) => void = () => {};
      const startedId = new Promise<number>((resolve) => (started = resolve));
      const running = importPatrons(ctx, {
        ...upload,
        ...fields,
        dryRun: fields.dryRun === 'true',
        defaultRegion: deps.defaultRegion,
        onStarted: started,
      }).finally(() => upload.discard());
      if (fields.wait === 'true')
        return reply.code(200).send(await getImport(ctx, (await running).id));
      // Errors before the import has a record (an unreadable file) go straight back to the client;
      // later ones are kept on the import record, which the client polls.
      const id = await Promise.race([startedId, running.then((row) => row.id)]);
      running.catch((error: unknown) =>
        request.log.warn({ err: error, importId: id }, 'import failed'),
      );
      return reply.code(202).send(await getImport(ctx, id));
    },
  );

  app.get(
    '/api/imports',
    {
      config: coordinators,
      schema: {
        operationId: 'listImports',
        tags: ['imports'],
        summary: 'Imports, newest first',
        querystring: pageQuery,
        response: { 200: pageOf(importReportSchema), ...errorResponses },
      },
    },
    async (request) => listImports(ctxOf(request, deps), request.query),
  );

  app.get(
    '/api/imports/:importId',
    {
      config: coordinators,
      schema: {
        operationId: 'getImport',
        tags: ['imports'],
        summary: 'One import and its counts (poll it for progress)',
        params: importId,
        response: { 200: importReportSchema, ...errorResponses },
      },
    },
    async (request) => getImport(ctxOf(request, deps), request.params.importId),
  );

  app.get(
    '/api/imports/:importId/problems',
    {
      config: coordinators,
      schema: {
        operationId: 'listImportProblems',
        tags: ['imports'],
        summary: 'The row-by-row problems of an import, in row order',
        params: importId,
        querystring: pageQuery,
        response: { 200: pageOf(importProblemSchema), ...errorResponses },
      },
    },
    async (request) =>
      listImportProblems(ctxOf(request, deps), request.params.importId, request.query),
  );

  app.get(
    '/api/imports/:importId/problems.csv',
    {
      config: coordinators,
      schema: {
        operationId: 'downloadImportProblems',
        tags: ['imports'],
        summary: 'Every problem of an import as a CSV file (formula-safe)',
        params: importId,
      },
    },
    async (request, reply) => {
      const all = await listImportProblems(ctxOf(request, deps), request.params.importId, {
        limit: 1_000_000,
        offset: 0,
      });
      const lines = all.items.map((p) => csvLine([p.row, p.column, p.value, p.severity, p.reason]));
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="import-${request.params.importId}-problems.csv"`,
        )
        .send(
          `\uFEFF${csvLine(['row', 'column', 'value', 'severity', 'reason'])}${lines.join('')}`,
        );
    },
  );

  app.get(
    '/api/imports/mappings',
    {
      config: coordinators,
      schema: {
        operationId: 'listImportMappings',
        tags: ['imports'],
        summary: 'Saved column mappings',
        response: {
          200: z.array(
            z.object({
              id: z.number(),
              name: z.string(),
              layout: z.string(),
              mapping: mappingSchema,
              createdAt: z.string(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => listImportMappings(ctxOf(request, deps)),
  );

  app.post(
    '/api/imports/mappings',
    {
      config: coordinators,
      schema: {
        operationId: 'saveImportMapping',
        tags: ['imports'],
        summary: 'Save a column mapping under a name to reuse it (replaces one of the same name)',
        body: z.object({
          name: z.string().trim().min(1).max(100),
          layout: z.string().max(50),
          mapping: mappingSchema,
        }),
        response: {
          200: z.object({
            id: z.number(),
            name: z.string(),
            layout: z.string(),
            mapping: mappingSchema,
            createdAt: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => saveImportMapping(ctxOf(request, deps), request.body),
  );
}
