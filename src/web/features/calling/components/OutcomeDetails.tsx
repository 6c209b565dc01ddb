import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTRIBUTIONS, CONCERN_LEVELS, type CallCard } from '../../../../shared/schemas/calls.js';
import { Checkbox } from '../../../components/ui/Checkbox';
import { SelectField } from '../../../components/ui/SelectField';
import { TextArea } from '../../../components/ui/TextArea';
import { inLanguage, useLibrary } from '../../../app/catalogue';
import { currentLanguage } from '../../../app/i18n';
import { useTeams } from '../hooks/useTeams';
import { displayName } from './format';
import { REQUEST_TYPES, type ConcernLevel, type OutcomeDraft } from './outcomeDraft';

export interface OutcomeDetailsProps {
  call: CallCard;
  draft: OutcomeDraft;
  onChange: (change: Partial<OutcomeDraft>) => void;
  quoteError: string | undefined;
}

/** A section shown on demand, open from the start when it already holds something. */
function Disclosure({
  id,
  label,
  filled,
  children,
}: {
  id: string;
  label: string;
  filled: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(filled);
  const shown = open || filled;
  return (
    <div className="disclosure">
      <button
        type="button"
        className="disclosure__toggle"
        aria-expanded={shown}
        aria-controls={id}
        onClick={() => setOpen(!shown)}
      >
        {label}
      </button>
      <div id={id} className="disclosure__body" hidden={!shown}>
        {children}
      </div>
    </div>
  );
}

function PersonChoice({
  id,
  label,
  call,
  value,
  onChange,
}: {
  id: string;
  label: string;
  call: CallCard;
  value: number;
  onChange: (patronId: number) => void;
}) {
  if (call.patrons.length < 2) return null;
  return (
    <SelectField
      id={id}
      label={label}
      value={String(value)}
      options={call.patrons.map((p) => ({ value: String(p.patronId), label: displayName(p) }))}
      onChange={(v) => onChange(Number(v))}
    />
  );
}

/** Notes, a quote, a wellbeing concern and an information request. */
export function OutcomeDetails({ call, draft, onChange, quoteError }: OutcomeDetailsProps) {
  const { t } = useTranslation();
  const library = useLibrary();
  const teams = useTeams();
  // The library's own words (Settings → Library), else ours.
  const guidance =
    (library.data && inLanguage(library.data.emergencyGuidance, currentLanguage())) ||
    t('calling.concern.emergencyText');
  return (
    <div className="outcome-details">
      <Disclosure
        id="outcome-emergency"
        label={t('calling.concern.emergencyToggle')}
        filled={false}
      >
        <p className="emergency-guidance">{guidance}</p>
      </Disclosure>
      <TextArea
        id="outcome-note"
        label={t('calling.details.note')}
        hint={t('calling.details.noteHint')}
        value={draft.note}
        maxLength={4000}
        onChange={(note) => onChange({ note })}
      />
      <Checkbox
        id="outcome-notePrivate"
        label={t('calling.details.notePrivate')}
        checked={draft.notePrivate}
        onChange={(notePrivate) => onChange({ notePrivate })}
      />
      <Disclosure
        id="outcome-quote"
        label={t('calling.details.quote')}
        filled={draft.quoteText !== '' || quoteError !== undefined}
      >
        <PersonChoice
          id="outcome-quoteBy"
          label={t('calling.details.quoteBy')}
          call={call}
          value={draft.quoteBy}
          onChange={(quoteBy) => onChange({ quoteBy })}
        />
        <TextArea
          id="outcome-quoteText"
          label={t('calling.details.quoteText')}
          hint={t('calling.details.quoteHint')}
          value={draft.quoteText}
          maxLength={2000}
          error={quoteError}
          onChange={(quoteText) => onChange({ quoteText })}
        />
        <Checkbox
          id="outcome-quoteConsent"
          label={t('calling.details.quoteConsent')}
          checked={draft.quoteConsent}
          onChange={(quoteConsent) => onChange({ quoteConsent })}
        />
        <SelectField
          id="outcome-quoteAttribution"
          label={t('calling.details.attribution')}
          value={draft.quoteAttribution}
          options={ATTRIBUTIONS.map((a) => ({ value: a, label: t(`calling.attribution.${a}`) }))}
          onChange={(quoteAttribution) => onChange({ quoteAttribution })}
        />
      </Disclosure>
      <Disclosure
        id="outcome-concern"
        label={t('calling.details.concern')}
        filled={draft.concernLevel !== ''}
      >
        <PersonChoice
          id="outcome-concernAbout"
          label={t('calling.details.about')}
          call={call}
          value={draft.concernAbout}
          onChange={(concernAbout) => onChange({ concernAbout })}
        />
        <fieldset className="fieldset field">
          <legend className="field__label">{t('calling.details.concernLevel')}</legend>
          <div className="radios">
            {(['', ...CONCERN_LEVELS] as const).map((level: ConcernLevel | '') => (
              <div className="radio" key={level || 'none'}>
                <input
                  id={`concern-${level || 'none'}`}
                  type="radio"
                  name="concern-level"
                  checked={draft.concernLevel === level}
                  onChange={() => onChange({ concernLevel: level })}
                />
                <label htmlFor={`concern-${level || 'none'}`}>
                  {t(`calling.concern.${level || 'none'}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        {draft.concernLevel === 'urgent' ? (
          <div className="alert alert--error" role="alert">
            <p className="alert__title">{t('calling.concern.emergency')}</p>
            <p>{guidance}</p>
          </div>
        ) : null}
        {draft.concernLevel !== '' ? (
          <TextArea
            id="outcome-concernNote"
            label={t('calling.details.concernNote')}
            value={draft.concernNote}
            maxLength={4000}
            onChange={(concernNote) => onChange({ concernNote })}
          />
        ) : null}
      </Disclosure>
      <Disclosure
        id="outcome-information"
        label={t('calling.details.information')}
        filled={draft.informationRequest !== ''}
      >
        <PersonChoice
          id="outcome-informationAbout"
          label={t('calling.details.about')}
          call={call}
          value={draft.informationAbout}
          onChange={(informationAbout) => onChange({ informationAbout })}
        />
        <TextArea
          id="outcome-informationRequest"
          label={t('calling.details.informationText')}
          hint={t('calling.details.informationHint')}
          value={draft.informationRequest}
          maxLength={4000}
          onChange={(informationRequest) => onChange({ informationRequest })}
        />
        {draft.informationRequest.trim() !== '' ? (
          <>
            <SelectField
              id="outcome-requestType"
              label={t('calling.request.type')}
              value={draft.requestType}
              options={REQUEST_TYPES.map((type) => ({
                value: type,
                label: t(`calling.request.types.${type}`),
              }))}
              onChange={(requestType) => onChange({ requestType: requestType })}
            />
            <SelectField
              id="outcome-requestOwner"
              label={t('calling.request.owner')}
              hint={t('calling.request.ownerHint')}
              value={draft.requestTeamId === null ? 'me' : String(draft.requestTeamId)}
              options={[
                { value: 'me', label: t('calling.request.me') },
                ...(teams.data ?? []).map((team) => ({ value: String(team.id), label: team.name })),
              ]}
              onChange={(owner) =>
                onChange({ requestTeamId: owner === 'me' ? null : Number(owner) })
              }
            />
          </>
        ) : null}
      </Disclosure>
    </div>
  );
}
