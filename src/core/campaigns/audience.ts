import type {
  AliasableExpression,
  CaseWhenBuilder,
  Expression,
  ExpressionBuilder,
  SqlBool,
} from 'kysely';
import type { Database } from '../../db/database.js';
import type { Audience, PriorityRule } from '../../shared/schemas/campaigns.js';

type PatronsEb = ExpressionBuilder<Database, 'patrons'>;
type Channel = 'phone' | 'email' | 'phone_then_email';

/** YYYY-MM-DD of the day `years` before `today` (the last birth date of someone that old). */
function yearsBefore(today: Date, years: number): string {
  const d = new Date(
    Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()),
  );
  return d.toISOString().slice(0, 10);
}

function dayAfter(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Birth dates of people aged min..max (inclusive) on `today`, as a half-open text range. */
function ageRange(
  eb: PatronsEb,
  today: Date,
  min: number | undefined,
  max: number | undefined,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (min !== undefined) conditions.push(eb('birth_date', '<=', yearsBefore(today, min)));
  if (max !== undefined)
    conditions.push(eb('birth_date', '>=', dayAfter(yearsBefore(today, max + 1))));
  return conditions;
}

function bandLimits(band: string): [number, number | undefined] {
  if (band.endsWith('+')) return [Number(band.slice(0, -1)), undefined];
  const [low, high] = band.split('-').map(Number);
  return [low ?? 0, high];
}

/**
 * The SQL condition for an audience filter: every present criterion must hold. Absent statuses
 * mean active patrons only (expired, inactive and barred left out).
 */
export function audienceCondition(
  eb: PatronsEb,
  audience: Audience,
  today: Date,
  options: { campaignId?: number } = {},
): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  const a = audience;
  if (a.ageBands && a.ageBands.length > 0) {
    all.push(eb.or(a.ageBands.map((band) => eb.and(ageRange(eb, today, ...bandLimits(band))))));
  }
  all.push(...ageRange(eb, today, a.minAge, a.maxAge));
  if (a.bornAfter) all.push(eb('birth_date', '>', a.bornAfter));
  if (a.bornBefore) all.push(eb('birth_date', '<', a.bornBefore));
  if (a.branches && a.branches.length > 0) all.push(eb('branch', 'in', a.branches));
  if (a.languages && a.languages.length > 0) all.push(eb('language', 'in', a.languages));
  if (a.patronTypes && a.patronTypes.length > 0) all.push(eb('patron_type', 'in', a.patronTypes));
  if (a.statuses !== undefined)
    all.push(a.statuses.length > 0 ? eb('status', 'in', a.statuses) : eb.lit(false));
  if (a.tags && a.tags.length > 0)
    all.push(eb.or(a.tags.map((tag) => eb('tags', 'like', `%${JSON.stringify(tag)}%`))));
  if (a.inHousehold !== undefined)
    all.push(eb('household_id', a.inHousehold ? 'is not' : 'is', null));
  if (a.hasPhone !== undefined) all.push(eb('primary_phone', a.hasPhone ? 'is not' : 'is', null));
  if (a.hasEmail !== undefined) all.push(eb('emails', a.hasEmail ? '!=' : '=', '[]'));
  if (a.notInOtherActiveCampaign === true) {
    all.push(
      eb.not(
        eb.exists(
          eb
            .selectFrom('call_list')
            .innerJoin('campaigns', 'campaigns.id', 'call_list.campaign_id')
            .select('call_list.id')
            .whereRef('call_list.patron_id', '=', 'patrons.id')
            .where('campaigns.status', 'in', ['active', 'paused'])
            .where('campaigns.id', '!=', options.campaignId ?? 0),
        ),
      ),
    );
  }
  if (a.notContactedSince) {
    const since = a.notContactedSince;
    all.push(
      eb.not(
        eb.exists(
          eb
            .selectFrom('attempts')
            .select('attempts.id')
            .whereRef('attempts.patron_id', '=', 'patrons.id')
            .where('attempts.contact', '=', 1)
            .where('attempts.created_at', '>=', since),
        ),
      ),
    );
  }
  return eb.and(all);
}

/**
 * Who a campaign can reach at all, whatever its audience: never a deceased patron; never a
 * do-not-call patron by phone or a do-not-e-mail one by e-mail (TRUST DN-1, CA-2); and only
 * patrons with a way to reach them on the campaign's channel.
 */
export function reachableCondition(eb: PatronsEb, channel: Channel): Expression<SqlBool> {
  const byPhone = eb.and([eb('do_not_call_at', 'is', null), eb('primary_phone', 'is not', null)]);
  const byEmail = eb.and([eb('do_not_email_at', 'is', null), eb('emails', '!=', '[]')]);
  const reach =
    channel === 'phone' ? byPhone : channel === 'email' ? byEmail : eb.or([byPhone, byEmail]);
  return eb.and([eb('deceased_at', 'is', null), reach]);
}

/** Statuses left out unless a filter names them: only active patrons by default. */
export function withDefaultStatuses(audience: Audience): Audience {
  return audience.statuses === undefined ? { ...audience, statuses: ['active'] } : audience;
}

/** The priority rank of a patron: the index of the first rule they match, or the number of rules. */
export function priorityExpression(
  eb: PatronsEb,
  rules: PriorityRule[],
  today: Date,
): AliasableExpression<number | null> {
  const [first, ...rest] = rules;
  if (first === undefined) return eb.lit(0);
  const rank = (n: number) => eb.lit(n);
  let chain: CaseWhenBuilder<Database, 'patrons', unknown, number> = eb
    .case()
    .when(audienceCondition(eb, first.when, today))
    .then(rank(0));
  rest.forEach((rule, i) => {
    chain = chain.when(audienceCondition(eb, rule.when, today)).then(rank(i + 1));
  });
  return chain.else(rank(rules.length)).end();
}
