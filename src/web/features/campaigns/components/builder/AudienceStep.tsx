import { useTranslation } from 'react-i18next';
import { AGE_BANDS, type Audience } from '../../../../../shared/schemas/campaigns.js';
import { patronStatusSchema } from '../../../../../shared/schemas/patrons.js';
import { Checkbox } from '../../../../components/ui/Checkbox';
import { CheckboxGroup } from '../../../../components/ui/CheckboxGroup';
import { TextField } from '../../../../components/ui/TextField';
import { AudiencePreviewPanel } from './AudiencePreviewPanel';
import { patchAudience } from './draft';
import { NumberField, ListField } from './fields';
import type { StepProps } from './StepContent';

type Flag = 'hasPhone' | 'hasEmail' | 'inHousehold' | 'notInOtherActiveCampaign';
const FLAGS: readonly Flag[] = ['hasPhone', 'hasEmail', 'inHousehold', 'notInOtherActiveCampaign'];

/** Readable age band: "70-74" → "70–74". */
export function bandLabel(band: string): string {
  return band.replace('-', '–');
}

/** Step 2: who is called, with a live count of the patrons the filters match. */
export function AudienceStep({
  draft,
  change,
  errors,
  fieldId,
  campaignId,
}: StepProps & { campaignId: number | undefined }) {
  const { t } = useTranslation();
  const audience = draft.audience;
  const set = (patch: Partial<Audience>) => change({ audience: patchAudience(audience, patch) });
  return (
    <div className="audience">
      <div className="form audience__filters">
        <CheckboxGroup
          id="campaign-audience-ageBands"
          legend={t('builder.audience.ageBands')}
          hint={t('builder.audience.ageBandsHint')}
          options={AGE_BANDS.map((band) => ({ value: band, label: bandLabel(band) }))}
          values={audience.ageBands ?? []}
          onChange={(values) =>
            set({
              ageBands:
                values.length > 0 ? AGE_BANDS.filter((band) => values.includes(band)) : undefined,
            })
          }
        />
        <div className="field-row">
          <NumberField
            id={fieldId('audience.minAge')}
            label={t('builder.audience.minAge')}
            value={audience.minAge}
            onChange={(minAge) => set({ minAge })}
            error={errors['audience.minAge']}
          />
          <NumberField
            id={fieldId('audience.maxAge')}
            label={t('builder.audience.maxAge')}
            value={audience.maxAge}
            onChange={(maxAge) => set({ maxAge })}
            error={errors['audience.maxAge']}
          />
        </div>
        <TextField
          id={fieldId('audience.notContactedSince')}
          type="date"
          label={t('builder.audience.notContactedSince')}
          hint={t('builder.audience.notContactedSinceHint')}
          value={audience.notContactedSince ?? ''}
          onChange={(value) => set({ notContactedSince: value === '' ? undefined : value })}
          error={errors['audience.notContactedSince']}
        />
        <ListField
          id="campaign-audience-branches"
          label={t('builder.audience.branches')}
          hint={t('builder.audience.listHint', { example: 'CPL, MPL' })}
          value={audience.branches}
          onChange={(branches) => set({ branches })}
        />
        <ListField
          id="campaign-audience-languages"
          label={t('builder.audience.languages')}
          hint={t('builder.audience.languagesHint')}
          value={audience.languages}
          onChange={(languages) => set({ languages })}
        />
        <ListField
          id="campaign-audience-patronTypes"
          label={t('builder.audience.patronTypes')}
          hint={t('builder.audience.listHint', { example: 'SENIOR, ADULT' })}
          value={audience.patronTypes}
          onChange={(patronTypes) => set({ patronTypes })}
        />
        <ListField
          id="campaign-audience-tags"
          label={t('builder.audience.tags')}
          hint={t('builder.audience.listHint', { example: 'homebound' })}
          value={audience.tags}
          onChange={(tags) => set({ tags })}
        />
        <CheckboxGroup
          id="campaign-audience-statuses"
          legend={t('builder.audience.statuses')}
          hint={t('builder.audience.statusesHint')}
          options={patronStatusSchema.options.map((status) => ({
            value: status,
            label: t(`builder.audience.status.${status}`),
          }))}
          values={audience.statuses ?? ['active']}
          onChange={(values) =>
            set({
              statuses: patronStatusSchema.options.filter((status) => values.includes(status)),
            })
          }
        />
        <fieldset className="fieldset field">
          <legend className="field__label">{t('builder.audience.only')}</legend>
          {FLAGS.map((flag) => (
            <Checkbox
              key={flag}
              id={`campaign-audience-${flag}`}
              label={t(`builder.audience.flags.${flag}`)}
              checked={audience[flag] === true}
              onChange={(on) => set({ [flag]: on ? true : undefined })}
            />
          ))}
        </fieldset>
      </div>
      <AudiencePreviewPanel
        audience={audience}
        priorities={draft.priorities}
        channel={draft.channel}
        campaignId={campaignId}
      />
    </div>
  );
}
