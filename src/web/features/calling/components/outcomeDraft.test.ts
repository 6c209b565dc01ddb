import { describe, expect, it } from 'vitest';
import type { CallCard } from '../../../../shared/schemas/calls.js';
import {
  canRecordEmailConsent,
  checkDraft,
  emptyDraft,
  needsConfirmation,
  toInput,
  withEmailConsent,
} from './outcomeDraft';

function person(patronId: number, firstName: string) {
  return {
    patronId,
    callListId: patronId * 10,
    firstName,
    lastName: 'Okafor',
    preferredName: null,
    language: 'en',
    ageBand: '80-84',
    phones: [],
    attempts: 0,
    emails: [],
    scriptVersionId: 1,
    scriptLanguage: 'en',
  };
}

const household: CallCard = {
  claimId: 7,
  token: 'a-token-long-enough-for-the-schema',
  expiresAt: '2030-01-01T10:05:00.000Z',
  campaignId: 1,
  campaignName: 'Check-in',
  phone: '+14165550105',
  timeZone: 'America/Toronto',
  callableNow: true,
  notCallableReason: null,
  patrons: [person(1, 'Grace'), person(2, 'Daniel')],
  scripts: [],
  history: [],
  isCallback: false,
};

const now = new Date('2030-01-01T10:00:00.000Z');
const script = {
  answers: { intro: 'speaking' },
  ticks: { curbside: { toldAbout: true, wantsHelp: false } },
};

describe('outcome draft', () => {
  it('asks for an outcome for everyone before saving', () => {
    expect(checkDraft(emptyDraft(household), household, now)).toEqual({ outcome: 'required' });
  });

  it('gives the household one outcome, changeable per person', () => {
    const draft = {
      ...emptyDraft(household),
      outcome: 'reached' as const,
      perPerson: { 2: 'declined' as const },
    };
    const input = toInput(draft, household, script, { startedAt: null, endedAt: now });
    expect(input.outcomes.map((o) => o.outcome)).toEqual(['reached', 'declined']);
    expect(input.startedAt).toBeNull();
    expect(input.endedAt).toBeNull();
  });

  it('gives the script and services to the people reached only', () => {
    const draft = {
      ...emptyDraft(household),
      outcome: 'voicemail' as const,
      perPerson: { 1: 'reached' as const },
    };
    const input = toInput(draft, household, script, { startedAt: now, endedAt: now });
    expect(input.outcomes[0]?.servicesToldAbout).toEqual(['curbside']);
    expect(input.outcomes[0]?.answers).toEqual({ intro: 'speaking' });
    expect(input.outcomes[1]?.servicesToldAbout).toEqual([]);
  });

  it('needs a callback time in the future', () => {
    const draft = { ...emptyDraft(household), outcome: 'callback' as const };
    expect(checkDraft(draft, household, now).callbackAt).toBe('required');
    expect(
      checkDraft({ ...draft, callbackAt: '2029-12-31T09:00' }, household, now).callbackAt,
    ).toBe('past');
    const later = { ...draft, callbackAt: '2030-01-02T14:30' };
    expect(checkDraft(later, household, now)).toEqual({});
    expect(toInput(later, household, script, { startedAt: null, endedAt: now }).callbackAt).toBe(
      new Date('2030-01-02T14:30').toISOString(),
    );
  });

  it('puts a quote on the person who said it, and asks before do-not-call or deceased', () => {
    const draft = {
      ...emptyDraft(household),
      outcome: 'reached' as const,
      perPerson: { 2: 'deceased' as const },
      quoteText: ' Lovely call ',
      quoteConsent: true,
    };
    const input = toInput(draft, household, script, { startedAt: null, endedAt: now });
    expect(input.outcomes[0]?.quote).toEqual({
      text: 'Lovely call',
      consentToPublish: true,
      attribution: 'anonymous',
    });
    expect(input.outcomes[1]?.quote).toBeNull();
    expect(needsConfirmation(draft, household)).toEqual(['deceased']);
    expect(checkDraft({ ...draft, quoteText: '' }, household, now)).toEqual({
      quoteText: 'required',
    });
  });

  it('turns an information request into a task for the caller or a team, on the person who asked', () => {
    const draft = {
      ...emptyDraft(household),
      outcome: 'reached' as const,
      informationRequest: 'Send the eBook link',
      informationAbout: 2,
    };
    const mine = toInput(draft, household, script, { startedAt: null, endedAt: now });
    expect(mine.outcomes.map((o) => o.requestTask)).toEqual([
      null,
      { type: 'information', teamId: null, dueAt: null },
    ]);
    const desk = toInput(
      { ...draft, requestType: 'send_link', requestTeamId: 4 },
      household,
      script,
      { startedAt: null, endedAt: now },
    );
    expect(desk.outcomes[1]?.requestTask).toEqual({ type: 'send_link', teamId: 4, dueAt: null });
    // No request, no task.
    const none = toInput({ ...draft, informationRequest: '  ' }, household, script, {
      startedAt: null,
      endedAt: now,
    });
    expect(none.outcomes.map((o) => o.requestTask)).toEqual([null, null]);
  });

  it('records consent to e-mail news only for people spoken to who have an address', () => {
    const grace = { ...person(1, 'Grace'), emails: ['g•••@example.org'] };
    const daniel = person(2, 'Daniel');
    const call: CallCard = { ...household, patrons: [grace, daniel] };
    const start = emptyDraft(call);
    expect(start.emailConsent).toEqual([]);
    expect(canRecordEmailConsent(start, grace)).toBe(false);
    const reached = { ...start, outcome: 'reached' as const };
    expect(canRecordEmailConsent(reached, grace)).toBe(true);
    // No address on file: nothing to consent to.
    expect(canRecordEmailConsent(reached, daniel)).toBe(false);
    expect(canRecordEmailConsent({ ...reached, outcome: 'voicemail' }, grace)).toBe(false);
    expect(canRecordEmailConsent({ ...reached, outcome: 'callback' }, grace)).toBe(true);

    const ticked = { ...reached, ...withEmailConsent(reached, 1, true) };
    expect(ticked.emailConsent).toEqual([1]);
    const input = toInput(ticked, call, script, { startedAt: null, endedAt: now });
    expect(input.outcomes.map((o) => o.emailConsent)).toEqual([true, false]);
    expect(withEmailConsent(ticked, 1, false).emailConsent).toEqual([]);

    // Ticked, then the outcome changed to one where nobody was spoken to: not sent.
    const changed = { ...ticked, perPerson: { 1: 'no_answer' as const } };
    expect(
      toInput(changed, call, script, { startedAt: null, endedAt: now }).outcomes[0],
    ).toMatchObject({ emailConsent: false });
  });
});
