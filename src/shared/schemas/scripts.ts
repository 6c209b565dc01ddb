import { z } from 'zod';

/**
 * A call script: steps forming a graph from `start` to an `end` step. Each language has its own
 * version of the steps (same ids across languages, so answers compare). Text may use merge fields
 * from MERGE_FIELDS, written {{patron.firstName}}.
 */

export const MERGE_FIELDS = [
  'patron.firstName',
  'patron.preferredName',
  'patron.lastName',
  'caller.name',
  'library.name',
  'library.callbackNumber',
  'campaign.purpose',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const stepIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'must be lower-case letters, digits and dashes');

export const answerSchema = z.object({
  id: stepIdSchema,
  label: z.string().trim().min(1).max(200),
  /** The step this answer leads to. */
  next: stepIdSchema,
});

export const scriptStepSchema = z.discriminatedUnion('type', [
  z.object({
    id: stepIdSchema,
    type: z.literal('say'),
    title: z.string().trim().min(1).max(120),
    text: z.string().trim().min(1).max(4000),
    next: stepIdSchema,
  }),
  z.object({
    id: stepIdSchema,
    type: z.literal('question'),
    title: z.string().trim().min(1).max(120),
    text: z.string().trim().min(1).max(4000),
    answers: z.array(answerSchema).min(1).max(12),
  }),
  z.object({
    id: stepIdSchema,
    type: z.literal('services'),
    title: z.string().trim().min(1).max(120),
    text: z.string().trim().min(1).max(4000),
    /** Service keys from the catalogue offered at this step (empty: all the campaign's services). */
    services: z.array(z.string().max(50)).max(20),
    next: stepIdSchema,
  }),
  z.object({
    id: stepIdSchema,
    type: z.literal('end'),
    title: z.string().trim().min(1).max(120),
    text: z.string().trim().min(1).max(4000),
  }),
]);
export type ScriptStep = z.infer<typeof scriptStepSchema>;

export const scriptVersionBodySchema = z.object({
  language: z.string().regex(/^[a-z]{2}$/),
  start: stepIdSchema,
  steps: z.array(scriptStepSchema).min(1).max(100),
});
export type ScriptVersionBody = z.infer<typeof scriptVersionBodySchema>;

export const scriptSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    /** The current version of each language. */
    versions: z.array(
      scriptVersionBodySchema.extend({
        id: z.number().int(),
        version: z.number().int(),
        createdAt: z.string(),
      }),
    ),
    defaultLanguage: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Script' });
export type Script = z.infer<typeof scriptSchema>;

export const saveScriptInput = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(1000).default(''),
  defaultLanguage: z
    .string()
    .regex(/^[a-z]{2}$/)
    .default('en'),
  versions: z.array(scriptVersionBodySchema).min(1).max(20),
});
export type SaveScriptInput = z.input<typeof saveScriptInput>;
