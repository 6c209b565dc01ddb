import { z } from 'zod';
import {
  audienceSchema,
  channelSchema,
  priorityRuleSchema,
  type AudiencePreview,
} from '../../shared/schemas/campaigns.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { ageBand } from '../patrons/import/normalise/age.js';
import { assertRole } from '../policy.js';
import {
  audienceCondition,
  priorityExpression,
  reachableCondition,
  withDefaultStatuses,
} from './audience.js';

export const previewAudienceInput = z.object({
  audience: audienceSchema,
  priorities: z.array(priorityRuleSchema).max(20).default([]),
  channel: channelSchema.default('phone'),
  campaignId: z.number().int().optional(),
});
export type PreviewAudienceInput = z.input<typeof previewAudienceInput>;

/**
 * How many patrons an audience reaches on a channel (households, with phone, with e-mail, by
 * priority) and a sample of the first ten in calling order. The sample shows names: audited.
 */
export async function previewAudience(
  ctx: Ctx,
  raw: PreviewAudienceInput,
): Promise<AudiencePreview> {
  assertRole(ctx, 'admin', 'coordinator');
  const input = parseInput(previewAudienceInput, raw);
  const today = ctx.now();
  const audience = withDefaultStatuses(input.audience);
  const base = ctx.db
    .selectFrom('patrons')
    .where((eb) =>
      eb.and([
        audienceCondition(
          eb,
          audience,
          today,
          input.campaignId === undefined ? {} : { campaignId: input.campaignId },
        ),
        reachableCondition(eb, input.channel),
      ]),
    );
  const counts = await base
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      eb.fn.count<number>('household_id').distinct().as('households'),
      eb.fn
        .sum<number | null>(eb.case().when('household_id', 'is', null).then(1).else(0).end())
        .as('alone'),
      eb.fn.count<number>('primary_phone').as('withPhone'),
      eb.fn
        .sum<number | null>(eb.case().when('emails', '!=', '[]').then(1).else(0).end())
        .as('withEmail'),
    ])
    .executeTakeFirstOrThrow();
  const ranked = base.select((eb) =>
    priorityExpression(eb, input.priorities, today).as('priority'),
  );
  const byPriority = await ctx.db
    .selectFrom(ranked.as('r'))
    .select(['r.priority', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('r.priority')
    .execute();
  const sample = await base
    .select((eb) => [
      'id',
      'first_name',
      'last_name',
      'preferred_name',
      'birth_date',
      'language',
      'branch',
      priorityExpression(eb, input.priorities, today).as('priority'),
    ])
    .orderBy('priority')
    .orderBy('birth_date')
    .orderBy('id')
    .limit(10)
    .execute();
  const label = (rank: number) =>
    input.priorities[rank]?.label ?? (input.priorities.length > 0 ? 'Everyone else' : 'Everyone');
  await recordAudit(ctx, {
    action: 'campaign.preview_audience',
    objectType: 'patron',
    details: { audience, shown: sample.map((s) => s.id) },
  });
  return {
    count: counts.count,
    households: counts.households + (counts.alone ?? 0),
    withPhone: counts.withPhone,
    withEmail: counts.withEmail ?? 0,
    byPriority: [...byPriority]
      .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))
      .map((p) => ({ label: label(p.priority ?? 0), count: p.n })),
    sample: sample.map((s) => ({
      id: s.id,
      name: `${s.preferred_name ?? s.first_name} ${s.last_name}`,
      ageBand: s.birth_date === null ? null : ageBand(s.birth_date, today),
      language: s.language,
      branch: s.branch,
      priority: label(s.priority ?? 0),
    })),
  };
}
