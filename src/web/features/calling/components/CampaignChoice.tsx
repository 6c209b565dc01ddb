import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignSummary } from '../../../../shared/schemas/campaigns.js';
import { SelectField } from '../../../components/ui/SelectField';

export interface CampaignChoiceProps {
  campaigns: readonly CampaignSummary[];
  campaignId: number | undefined;
  details: Campaign | undefined;
  /** Switching is refused while a patron is held: the call belongs to its campaign. */
  locked: boolean;
  onChoose: (campaignId: number) => void;
}

/** Which campaign to call for, and what the caller tells patrons about it (TRUST PR-1). */
export function CampaignChoice({
  campaigns,
  campaignId,
  details,
  locked,
  onChoose,
}: CampaignChoiceProps) {
  const { t } = useTranslation();
  return (
    <section className="campaign-choice" aria-labelledby="campaign-choice-title">
      <h2 id="campaign-choice-title" className="visually-hidden">
        {t('calling.campaign.title')}
      </h2>
      {campaigns.length === 0 ? (
        <p>{t('calling.campaign.none')}</p>
      ) : (
        <SelectField
          id="calling-campaign"
          label={t('calling.campaign.label')}
          value={campaignId === undefined ? '' : String(campaignId)}
          disabled={locked}
          hint={locked ? t('calling.campaign.locked') : undefined}
          options={[
            ...(campaignId === undefined
              ? [{ value: '', label: t('calling.campaign.choose') }]
              : []),
            ...campaigns.map((c) => ({ value: String(c.id), label: c.name })),
          ]}
          onChange={(value) => {
            if (value !== '') onChoose(Number(value));
          }}
        />
      )}
      {details ? (
        <div className="campaign-facts">
          <p>
            <strong>{t('calling.campaign.purpose')}</strong> {details.purpose}
          </p>
          <p>
            <strong>{t('calling.campaign.contact')}</strong> {details.contact}
          </p>
          <details className="campaign-training">
            <summary>{t('calling.campaign.more')}</summary>
            <p>
              <strong>{t('calling.campaign.legalAuthority')}</strong> {details.legalAuthority}
            </p>
            {details.training.talkingPoints.length > 0 ? (
              <>
                <h3>{t('calling.campaign.talkingPoints')}</h3>
                <ul>
                  {details.training.talkingPoints.map((point) => (
                    <li key={point}>{point}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {details.training.faq.length > 0 ? (
              <>
                <h3>{t('calling.campaign.faq')}</h3>
                <dl>
                  {details.training.faq.map((item) => (
                    <div key={item.question}>
                      <dt>{item.question}</dt>
                      <dd>{item.answer}</dd>
                    </div>
                  ))}
                </dl>
              </>
            ) : null}
          </details>
        </div>
      ) : null}
    </section>
  );
}
