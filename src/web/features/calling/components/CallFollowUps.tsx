import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallCard } from '../../../../shared/schemas/calls.js';
import { EnrolRecurringPart, ReferPart } from '../../../app/followUpParts';
import { StatusMessage } from '../../../components/ui/Alert';
import { SelectField } from '../../../components/ui/SelectField';
import { displayName } from './format';

/**
 * Follow-ups made during the call, at once (the claim proves the caller is on it): refer the
 * patron to a community service with their consent, or enrol them in regular friendly calls.
 * Concerns and information requests are recorded with the outcome.
 */
export function CallFollowUps({ call }: { call: CallCard }) {
  const { t } = useTranslation();
  const [patronId, setPatronId] = useState(call.patrons[0]?.patronId ?? 0);
  const [message, setMessage] = useState<string>();
  const proof = { claimId: call.claimId, token: call.token };
  return (
    <section className="call-follow-ups" aria-labelledby="call-follow-ups-title">
      <h3 id="call-follow-ups-title">{t('calling.followUps.title')}</h3>
      {call.patrons.length > 1 ? (
        <SelectField
          id="call-follow-ups-about"
          label={t('calling.details.about')}
          value={String(patronId)}
          options={call.patrons.map((p) => ({ value: String(p.patronId), label: displayName(p) }))}
          onChange={(v) => setPatronId(Number(v))}
        />
      ) : null}
      <div className="call-follow-ups__actions">
        <ReferPart
          key={`refer-${patronId}`}
          patronId={patronId}
          proof={proof}
          escalationId={null}
          onDone={setMessage}
        />
        <EnrolRecurringPart
          key={`recurring-${patronId}`}
          patronId={patronId}
          proof={proof}
          campaignId={call.campaignId}
          onDone={setMessage}
        />
      </div>
      <StatusMessage message={message} />
    </section>
  );
}
