import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTBOX_STATES } from '../../../../../shared/schemas/email.js';
import { Button } from '../../../../components/ui/Button';
import { SelectField } from '../../../../components/ui/SelectField';
import type { OutboxFilter } from '../../api/outbox';
import { useCampaignNames } from '../../hooks/useOutbox';

const ALL = 'all';

export function OutboxFilterForm({
  filter,
  onApply,
}: {
  filter: OutboxFilter;
  onApply: (filter: OutboxFilter) => void;
}) {
  const { t } = useTranslation();
  const campaigns = useCampaignNames();
  const [state, setState] = useState<string>(filter.state ?? ALL);
  const [campaign, setCampaign] = useState(
    filter.campaignId === undefined ? ALL : String(filter.campaignId),
  );
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({
      state: OUTBOX_STATES.find((s) => s === state),
      campaignId: campaign === ALL ? undefined : Number(campaign),
    });
  };
  const known = (campaigns.data ?? []).map((c) => ({ value: String(c.id), label: c.name }));
  // A campaign from the address that is not listed (yet) stays chosen.
  if (campaign !== ALL && !known.some((c) => c.value === campaign)) {
    known.push({ value: campaign, label: t('email.outbox.campaignNumber', { id: campaign }) });
  }
  return (
    <form
      className="filter"
      role="search"
      aria-label={t('email.outbox.filter.label')}
      onSubmit={onSubmit}
    >
      <SelectField
        id="outbox-state"
        label={t('email.outbox.filter.state')}
        value={state}
        options={[
          { value: ALL, label: t('email.outbox.filter.allStates') },
          ...OUTBOX_STATES.map((s) => ({ value: s, label: t(`email.state.${s}`) })),
        ]}
        onChange={setState}
      />
      <SelectField
        id="outbox-campaign"
        label={t('email.outbox.filter.campaign')}
        value={campaign}
        options={[{ value: ALL, label: t('email.outbox.filter.allCampaigns') }, ...known]}
        onChange={setCampaign}
      />
      <div className="filter__actions">
        <Button type="submit" variant="secondary">
          {t('email.outbox.filter.apply')}
        </Button>
      </div>
    </form>
  );
}
