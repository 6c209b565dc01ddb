import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OUTCOME_SHORTCUTS,
  OUTCOMES,
  type CallCard,
  type CallScheme,
  type Outcome,
} from '../../../../shared/schemas/calls.js';
import type { Campaign, Service } from '../../../../shared/schemas/campaigns.js';
import type { LibrarySettings } from '../../../../shared/schemas/library.js';
import { issuesOf, isApiError } from '../../../api/client';
import { inLanguage } from '../../../app/catalogue';
import { FollowUpEmailPart } from '../../../app/emailParts';
import {
  isLive,
  LinePanel,
  lineInputOf,
  suggestedOutcome,
  useLine,
  type LineState,
  type SoftphoneState,
} from '../../../app/softphoneParts';
import { currentLanguage } from '../../../app/i18n';
import { errorMessage } from '../../../components/form/errorMessage';
import type { ServiceTick } from '../../../components/script-runner/ScriptRunner';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { isLeaseLost, useRecordOutcome } from '../hooks/useCall';
import { useShortcuts } from '../hooks/useShortcuts';
import { CallFollowUps } from './CallFollowUps';
import { CallTimer } from './CallTimer';
import { displayName } from './format';
import { OutcomePanel } from './OutcomePanel';
import {
  checkDraft,
  emptyDraft,
  needsConfirmation,
  toInput,
  type DraftField,
  type OutcomeDraft,
} from './outcomeDraft';
import { PatronCard } from './PatronCard';
import { ScriptPanel } from './ScriptPanel';

const BY_LETTER = new Map<string, Outcome>(OUTCOMES.map((o) => [OUTCOME_SHORTCUTS[o], o]));

export interface CallViewProps {
  call: CallCard;
  scheme: CallScheme;
  /** The built-in softphone, when the library uses one; else numbers are links. */
  softphone: SoftphoneState;
  microphoneId: string | null;
  /** Told whether a softphone call is up (the patron cannot be skipped meanwhile). */
  onLineLive: (live: boolean) => void;
  callerName: string;
  campaign: Campaign | undefined;
  library: LibrarySettings | undefined;
  services: readonly Service[];
  announce: (message: string) => void;
  onSaved: () => void;
  onLost: () => void;
}

/** One call, from the card to the saved outcome. Keyed by claim: a new patron starts afresh. */
export function CallView(props: CallViewProps) {
  const { call, announce } = props;
  const { t } = useTranslation();
  const record = useRecordOutcome();
  const [draft, setDraft] = useState<OutcomeDraft>(() => emptyDraft(call));
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [ticks, setTicks] = useState<Record<string, ServiceTick>>({});
  const [startedAt, setStartedAt] = useState<Date | null>(null);
  const [endedAt, setEndedAt] = useState<Date | null>(null);
  const [problems, setProblems] = useState<Partial<Record<DraftField, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [failures, setFailures] = useState(0);
  const [confirming, setConfirming] = useState<Outcome[]>([]);
  const cardRef = useRef<HTMLHeadingElement>(null);
  const outcomeRef = useRef<HTMLHeadingElement>(null);
  const callbackRef = useRef<HTMLInputElement>(null);
  const [focusCallback, setFocusCallback] = useState(0);
  const { softphone, onLineLive } = props;
  const usesSoftphone = softphone.mode === 'softphone';
  // What the line does is announced; once it is over, it suggests the outcome to confirm.
  const onLineChange = (next: LineState) => {
    if (next.phase === 'idle') return;
    announce(t(`telephony.line.announce.${next.phase}`));
    if (next.phase !== 'ended' && next.phase !== 'failed') return;
    const suggested = suggestedOutcome(next);
    if (suggested === null) return;
    setDraft((d) => (d.outcome === null ? { ...d, outcome: suggested, perPerson: {} } : d));
    announce(t('telephony.line.prefilled', { outcome: t(`calling.outcome.${suggested}`) }));
  };
  const line = useLine({
    telephony: usesSoftphone ? softphone.telephony : null,
    claim: call,
    microphoneId: props.microphoneId,
    extensionDelaySeconds: usesSoftphone ? softphone.extensionDelaySeconds : 0,
    onChange: onLineChange,
  });
  const lineState = line.state;
  const live = isLive(lineState);
  const canDial =
    usesSoftphone && softphone.status.state === 'ready' && softphone.telephony !== null;

  useEffect(() => {
    onLineLive(live);
  }, [live, onLineLive]);
  useEffect(() => () => onLineLive(false), [onLineLive]);

  // A new patron on screen: start from their name.
  useEffect(() => {
    cardRef.current?.focus();
  }, []);
  useEffect(() => {
    if (focusCallback > 0) callbackRef.current?.focus();
  }, [focusCallback]);

  const change = (part: Partial<OutcomeDraft>) => setDraft((d) => ({ ...d, ...part }));
  const choose = (outcome: Outcome, fromKeyboard: boolean) => {
    change({ outcome, perPerson: {} });
    announce(t('calling.outcomes.chosen', { outcome: t(`calling.outcome.${outcome}`) }));
    if (outcome === 'callback') setFocusCallback((n) => n + 1);
    else if (fromKeyboard && !(document.activeElement instanceof HTMLTextAreaElement))
      document.getElementById(`outcome-${outcome}`)?.focus();
  };
  const startTimer = () => {
    if (startedAt === null) setStartedAt(new Date());
  };

  const fail = (fields: Partial<Record<DraftField, string>>, form?: string) => {
    setProblems(fields);
    setFormError(form);
    setFailures((n) => n + 1);
  };

  const send = () => {
    setConfirming([]);
    const times = lineState.startedAt
      ? { startedAt: lineState.startedAt, endedAt: lineState.endedAt ?? new Date() }
      : { startedAt, endedAt: endedAt ?? new Date() };
    const input = toInput(draft, call, { answers, ticks }, times);
    record.mutate(
      { claimId: call.claimId, input: { ...input, line: lineInputOf(lineState) } },
      {
        onSuccess: () => props.onSaved(),
        onError: (error) => {
          if (isLeaseLost(error)) return props.onLost();
          const issues = isApiError(error) ? issuesOf(error) : [];
          const detail = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
          fail({}, detail === '' ? errorMessage(error, t) : `${errorMessage(error, t)} ${detail}`);
        },
      },
    );
  };

  const save = () => {
    if (record.isPending) return;
    if (live) return fail({}, t('telephony.line.stillUp'));
    const found = checkDraft(draft, call, new Date());
    const messages: Partial<Record<DraftField, string>> = {};
    if (found.outcome) messages.outcome = t('calling.problems.outcome');
    if (found.callbackAt === 'required') messages.callbackAt = t('calling.problems.callbackAt');
    if (found.callbackAt === 'past') messages.callbackAt = t('calling.problems.callbackPast');
    if (found.quoteText) messages.quoteText = t('calling.problems.quoteText');
    if (Object.keys(messages).length > 0) return fail(messages);
    setProblems({});
    setFormError(undefined);
    const serious = needsConfirmation(draft, call);
    if (serious.length > 0) return setConfirming(serious);
    send();
  };

  // The follow-up e-mail offers the campaign's services; those ticked "wants help with" are ticked.
  const ui = currentLanguage();
  const offered = props.campaign
    ? props.services.filter((s) => props.campaign?.serviceKeys.includes(s.key))
    : props.services;
  const wanted = Object.keys(ticks).filter((key) => ticks[key]?.wantsHelp);

  useShortcuts(({ letter, submit }) => {
    if (submit) {
      save();
      return true;
    }
    const outcome = letter === undefined ? undefined : BY_LETTER.get(letter);
    if (outcome === undefined) return false;
    choose(outcome, true);
    return true;
  });

  return (
    <div className="call">
      <div className="call__card">
        <PatronCard
          call={call}
          scheme={props.scheme}
          onDial={startTimer}
          headingRef={cardRef}
          softphone={canDial ? { call: line.dial, busy: live } : null}
        />
        {usesSoftphone ? <LinePanel line={line} /> : null}
        {lineState.startedAt ? (
          // The call's own length: from the answer (or the dial, while it rings) to the end.
          <CallTimer
            startedAt={lineState.answeredAt ?? lineState.startedAt}
            endedAt={lineState.endedAt}
          />
        ) : canDial ? null : (
          // Links (or a softphone not connected, whose numbers fall back to links): timed by hand.
          <CallTimer
            startedAt={startedAt}
            endedAt={endedAt}
            onStart={startTimer}
            onStop={() => setEndedAt(new Date())}
          />
        )}
        <FollowUpEmailPart
          claimToken={call.token}
          patrons={call.patrons.map((p) => ({
            patronId: p.patronId,
            name: displayName(p),
            emails: p.emails,
          }))}
          services={offered.map((s) => ({ key: s.key, name: inLanguage(s.name, ui) }))}
          wanted={wanted}
        />
        <CallFollowUps call={call} />
      </div>
      <ScriptPanel
        call={call}
        callerName={props.callerName}
        campaign={props.campaign}
        library={props.library}
        services={props.services}
        onAnswer={(stepId, answerId) => setAnswers((a) => ({ ...a, [stepId]: answerId }))}
        onUnanswer={(stepId) =>
          setAnswers((a) => Object.fromEntries(Object.entries(a).filter(([id]) => id !== stepId)))
        }
        onServicesChange={setTicks}
        onDone={() => outcomeRef.current?.focus()}
      />
      <OutcomePanel
        call={call}
        draft={draft}
        onChange={change}
        onChoose={(outcome) => choose(outcome, false)}
        problems={problems}
        failures={failures}
        formError={formError}
        saving={record.isPending}
        onSave={save}
        headingRef={outcomeRef}
        callbackRef={callbackRef}
      />
      <ConfirmDialog
        open={confirming.length > 0}
        title={
          confirming.includes('deceased')
            ? t('calling.confirm.deceasedTitle')
            : t('calling.confirm.doNotCallTitle')
        }
        confirmLabel={t('calling.confirm.save')}
        tone="danger"
        busy={record.isPending}
        onConfirm={send}
        onCancel={() => setConfirming([])}
      >
        {confirming.map((o) => (
          <p key={o}>
            {t(o === 'deceased' ? 'calling.confirm.deceased' : 'calling.confirm.doNotCall')}
          </p>
        ))}
      </ConfirmDialog>
    </div>
  );
}
