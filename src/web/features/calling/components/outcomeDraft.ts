import {
  ATTRIBUTIONS,
  CONCERN_LEVELS,
  OUTCOME_FLAGS,
  type CallCard,
  type Outcome,
  type PatronOutcomeInput,
  type RecordOutcomeInput,
} from '../../../../shared/schemas/calls.js';
import type { ServiceTick } from '../../../components/script-runner/ScriptRunner';

export type Attribution = (typeof ATTRIBUTIONS)[number];
/** The kinds of follow-up an information request can become (the server's task types). */
export const REQUEST_TYPES = ['information', 'send_link', 'tech_help', 'other'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export type ConcernLevel = (typeof CONCERN_LEVELS)[number];

/** What the caller has entered about the call so far; one per claim. */
export interface OutcomeDraft {
  /** The outcome for everyone on the call… */
  outcome: Outcome | null;
  /** …unless changed for one member of the household. */
  perPerson: Partial<Record<number, Outcome>>;
  note: string;
  notePrivate: boolean;
  quoteText: string;
  quoteConsent: boolean;
  quoteAttribution: Attribution;
  quoteBy: number;
  concernLevel: ConcernLevel | '';
  concernNote: string;
  concernAbout: number;
  informationRequest: string;
  informationAbout: number;
  /** What the request becomes: a task of this type, for the caller or a team (its id). */
  requestType: RequestType;
  requestTeamId: number | null;
  /** datetime-local value, in the caller's own time. */
  callbackAt: string;
  callbackForMe: boolean;
  /** Patrons who said yes to library news by e-mail (TRUST CA-3: express consent). */
  emailConsent: number[];
}

export type DraftField = 'outcome' | 'callbackAt' | 'quoteText';

export function emptyDraft(call: CallCard): OutcomeDraft {
  const first = call.patrons[0]?.patronId ?? 0;
  return {
    outcome: null,
    perPerson: {},
    note: '',
    notePrivate: false,
    quoteText: '',
    quoteConsent: false,
    quoteAttribution: 'anonymous',
    quoteBy: first,
    concernLevel: '',
    concernNote: '',
    concernAbout: first,
    informationRequest: '',
    informationAbout: first,
    requestType: 'information',
    requestTeamId: null,
    callbackAt: '',
    callbackForMe: true,
    emailConsent: [],
  };
}

export function outcomeOf(draft: OutcomeDraft, patronId: number): Outcome | null {
  return draft.perPerson[patronId] ?? draft.outcome;
}

/**
 * Whether the caller can record this patron's consent to library news by e-mail: only someone
 * they spoke to, and who has an address on file.
 */
export function canRecordEmailConsent(
  draft: OutcomeDraft,
  patron: CallCard['patrons'][number],
): boolean {
  const outcome = outcomeOf(draft, patron.patronId);
  return patron.emails.length > 0 && outcome !== null && OUTCOME_FLAGS[outcome].contact;
}

/** The draft with this patron's consent ticked or not. */
export function withEmailConsent(
  draft: OutcomeDraft,
  patronId: number,
  agreed: boolean,
): Pick<OutcomeDraft, 'emailConsent'> {
  const others = draft.emailConsent.filter((id) => id !== patronId);
  return { emailConsent: agreed ? [...others, patronId] : others };
}

/** Outcomes that cannot be taken back without a coordinator, so the caller confirms them. */
export function needsConfirmation(draft: OutcomeDraft, call: CallCard): Outcome[] {
  const chosen = call.patrons.map((p) => outcomeOf(draft, p.patronId));
  return (['do_not_call', 'deceased'] as const).filter((o) => chosen.includes(o));
}

export function hasCallback(draft: OutcomeDraft, call: CallCard): boolean {
  return call.patrons.some((p) => outcomeOf(draft, p.patronId) === 'callback');
}

/** Problems to fix before saving, by field. */
export function checkDraft(
  draft: OutcomeDraft,
  call: CallCard,
  now: Date,
): Partial<Record<DraftField, 'required' | 'past'>> {
  const problems: Partial<Record<DraftField, 'required' | 'past'>> = {};
  if (call.patrons.some((p) => outcomeOf(draft, p.patronId) === null))
    problems.outcome = 'required';
  if (hasCallback(draft, call)) {
    const at = draft.callbackAt === '' ? undefined : new Date(draft.callbackAt);
    if (at === undefined || Number.isNaN(at.getTime())) problems.callbackAt = 'required';
    else if (at <= now) problems.callbackAt = 'past';
  }
  if (draft.quoteConsent && draft.quoteText.trim() === '') problems.quoteText = 'required';
  return problems;
}

export interface ScriptRecord {
  answers: Record<string, string>;
  ticks: Record<string, ServiceTick>;
}

/**
 * The request for the server. The script was walked with the people who were reached, so its
 * answers and services go to them (to the first person when nobody was reached, e.g. a message
 * left); a quote, concern or information request goes to the person it is about.
 */
export function toInput(
  draft: OutcomeDraft,
  call: CallCard,
  script: ScriptRecord,
  times: { startedAt: Date | null; endedAt: Date },
): RecordOutcomeInput {
  const reached = call.patrons.filter((p) => {
    const outcome = outcomeOf(draft, p.patronId);
    return outcome !== null && OUTCOME_FLAGS[outcome].contact;
  });
  const conversed = new Set(
    (reached.length > 0 ? reached : call.patrons.slice(0, 1)).map((p) => p.patronId),
  );
  const told = Object.keys(script.ticks).filter((key) => script.ticks[key]?.toldAbout);
  const wanted = Object.keys(script.ticks).filter((key) => script.ticks[key]?.wantsHelp);
  const outcomes = call.patrons.map((p): PatronOutcomeInput => {
    const talked = conversed.has(p.patronId);
    const quoteText = draft.quoteText.trim();
    return {
      patronId: p.patronId,
      outcome: outcomeOf(draft, p.patronId) ?? 'no_answer',
      answers: talked ? script.answers : {},
      servicesToldAbout: talked ? told : [],
      servicesWanted: talked ? wanted : [],
      note: draft.note,
      notePrivate: draft.notePrivate,
      quote:
        quoteText !== '' && draft.quoteBy === p.patronId
          ? {
              text: quoteText,
              consentToPublish: draft.quoteConsent,
              attribution: draft.quoteAttribution,
            }
          : null,
      concern:
        draft.concernLevel !== '' && draft.concernAbout === p.patronId
          ? { level: draft.concernLevel, note: draft.concernNote }
          : null,
      informationRequest: draft.informationAbout === p.patronId ? draft.informationRequest : '',
      requestTask:
        draft.informationAbout === p.patronId && draft.informationRequest.trim() !== ''
          ? { type: draft.requestType, teamId: draft.requestTeamId, dueAt: null }
          : null,
      // A tick left over from an outcome changed since (no longer spoken to) does not count.
      emailConsent: draft.emailConsent.includes(p.patronId) && canRecordEmailConsent(draft, p),
    };
  });
  const callback = hasCallback(draft, call);
  return {
    token: call.token,
    outcomes,
    startedAt: times.startedAt?.toISOString() ?? null,
    endedAt: times.startedAt ? times.endedAt.toISOString() : null,
    callbackAt: callback ? new Date(draft.callbackAt).toISOString() : null,
    callbackForMe: draft.callbackForMe,
  };
}
