import type { Actor, Ctx } from '../context.js';
import { claimNextPatron } from '../calling/claims.service.js';
import { recordOutcome } from '../calling/outcomes.service.js';
import type { Outcome, PatronOutcomeInput } from '../../shared/schemas/calls.js';
import { STARTER_SERVICE_KEYS } from '../campaigns/starter/index.js';
import { mulberry32, type Random } from './prng.js';

/** Outcomes in the proportions libraries reported (about half reached, a third voicemail). */
const OUTCOME_WEIGHTS: [Outcome, number][] = [
  ['reached', 46],
  ['voicemail', 32],
  ['no_answer', 10],
  ['busy', 3],
  ['wrong_number', 2],
  ['declined', 3],
  ['do_not_call', 1],
  ['callback', 3],
];

const QUOTES = [
  'Thank you very much! We miss the library as well. I wish you well and stay safe!',
  'This is an amazing service — you give so much to the community. Most appreciated.',
  'I didn’t know I could borrow e-books from home. My granddaughter will help me set it up.',
  'It was so nice to hear a friendly voice today.',
];

const NOTES = [
  'Interested in the large-print e-books.',
  'Asked about curbside hours at the Maple branch.',
  'Lives alone; daughter visits on weekends.',
  'Already uses the eNewsletter.',
  '',
  '',
];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random.next() * items.length)] as T;
}

function weighted(random: Random): Outcome {
  const total = OUTCOME_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [outcome, weight] of OUTCOME_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return outcome;
  }
  return 'reached';
}

function patronOutcome(random: Random, patronId: number, outcome: Outcome): PatronOutcomeInput {
  const reached = outcome === 'reached';
  const told = reached ? STARTER_SERVICE_KEYS.filter(() => random.next() < 0.4) : [];
  return {
    patronId,
    outcome,
    servicesToldAbout: told,
    servicesWanted: told.filter(() => random.next() < 0.3),
    note: reached ? pick(random, NOTES) : '',
    quote:
      reached && random.next() < 0.08
        ? {
            text: pick(random, QUOTES),
            consentToPublish: random.next() < 0.8,
            attribution: pick(random, ['anonymous', 'first_name'] as const),
          }
        : null,
    concern:
      reached && random.next() < 0.05
        ? {
            level: random.next() < 0.2 ? 'practical_help' : 'more_contact',
            note: 'Would welcome a regular friendly call.',
          }
        : null,
    informationRequest:
      reached && random.next() < 0.1 ? 'Would like the link to set up the e-book app.' : '',
  };
}

/**
 * Plays `calls` calls of the demo's running campaign through the real claim and outcome code, by
 * the demo callers, on weekday afternoons of the past two weeks — so a newcomer sees a campaign in
 * progress with a realistic history. Deterministic for a seed.
 */
export async function playDemoCalls(
  ctx: Ctx,
  campaignId: number,
  callers: Actor[],
  calls: number,
  seed: number,
): Promise<number> {
  const random = mulberry32(seed);
  const today = ctx.now();
  let made = 0;
  for (let day = 14; day >= 1 && made < calls; day -= 1) {
    const date = new Date(today.getTime() - day * 86_400_000);
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    // 14:00 to 21:00 UTC: 09:00 to 16:00 in Toronto.
    let clock = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 14, 0);
    for (let i = 0; i < Math.ceil(calls / 10) && made < calls; i += 1) {
      clock += Math.floor(random.next() * 15 + 3) * 60_000;
      const at = new Date(clock);
      const callerCtx: Ctx = { ...ctx, actor: pick(random, callers), now: () => at };
      const result = await claimNextPatron(callerCtx, campaignId);
      if (result.status !== 'claimed') break;
      const outcome = weighted(random);
      await recordOutcome(callerCtx, result.call.claimId, {
        token: result.call.token,
        startedAt: at.toISOString(),
        endedAt: new Date(clock + 4 * 60_000).toISOString(),
        outcomes: result.call.patrons.map((p) => patronOutcome(random, p.patronId, outcome)),
        callbackAt:
          outcome === 'callback' ? new Date(today.getTime() + 86_400_000).toISOString() : null,
        callbackForMe: false,
      });
      made += 1;
    }
  }
  return made;
}
