import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { Campaign } from '../../../../../shared/schemas/campaigns.js';
import { useFormErrors } from '../../../../components/form/useFormErrors';
import { StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { useCreateCampaign, useUpdateCampaign } from '../../hooks/useCampaigns';
import { BuilderSteps } from './BuilderSteps';
import { StepContent } from './StepContent';
import {
  BUILDER_STEPS,
  STEP_FIELDS,
  draftOf,
  emptyDraft,
  isBuilderStep,
  stepSchema,
  type BuilderStep,
  type Draft,
} from './draft';
import { useBuilderLabels } from './labels';

/** Router state after a step is saved: the new step's heading takes focus. */
interface StepState {
  stepFocus?: boolean;
}

export function Builder({ campaign }: { campaign: Campaign | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('step');
  const step: BuilderStep = campaign && isBuilderStep(requested) ? requested : 'purpose';
  const [draft, setDraft] = useState<Draft>(() => (campaign ? draftOf(campaign) : emptyDraft()));
  const [saved, setSaved] = useState<string>();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const labels = useBuilderLabels();
  const form = useFormErrors({ idPrefix: 'campaign', labels });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const index = BUILDER_STEPS.indexOf(step);
  const busy = create.isPending || update.isPending;

  const wantsFocus = (location.state as StepState | null)?.stepFocus === true;
  useEffect(() => {
    if (wantsFocus) headingRef.current?.focus();
  }, [step, wantsFocus]);

  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const goTo = (target: BuilderStep, id = campaign?.id) => {
    const state: StepState = { stepFocus: true };
    if (id !== campaign?.id) {
      void navigate(`/campaigns/${id ?? ''}/edit?step=${target}`, { replace: true, state });
    } else {
      setParams({ step: target }, { state });
    }
  };

  /** Saves this step's settings as a draft, then opens `target`. */
  const saveAndGo = (target: BuilderStep) => {
    if (busy) return;
    setSaved(undefined);
    if (STEP_FIELDS[step].length === 0) return goTo(target);
    const values: Partial<Draft> = Object.fromEntries(
      STEP_FIELDS[step].map((field) => [field, draft[field]]),
    );
    const input = form.validate(stepSchema(step), values as Draft);
    if (input === undefined) return;
    if (!campaign) {
      create.mutate(
        { ...draft, ...input },
        {
          onSuccess: (created) => goTo(target, created.id),
          onError: (error) => form.showApiError(error),
        },
      );
      return;
    }
    // The whole draft is sent, not just this step: the other steps were checked when they were
    // saved, and a partial update would let the server fill the fields left out with defaults.
    update.mutate(
      { id: campaign.id, input: { ...draft, ...input } },
      {
        onSuccess: () => {
          setSaved(t('builder.draftSaved'));
          goTo(target);
        },
        onError: (error) => form.showApiError(error),
      },
    );
  };

  const previous = BUILDER_STEPS[index - 1];
  const next = BUILDER_STEPS[index + 1];
  const title = campaign ? t('builder.editTitle') : t('builder.newTitle');
  return (
    <>
      <PageHeading
        title={title}
        lead={campaign ? <p>{campaign.name}</p> : <p>{t('builder.lead')}</p>}
      />
      <div className="builder">
        <BuilderSteps
          current={step}
          available={campaign !== undefined}
          onChoose={(target) => saveAndGo(target)}
        />
        <section className="builder__step" aria-labelledby="builder-step-title">
          <h2 id="builder-step-title" ref={headingRef} tabIndex={-1}>
            {t('builder.stepHeading', {
              number: index + 1,
              total: BUILDER_STEPS.length,
              title: t(`builder.steps.${step}`),
            })}
          </h2>
          <ErrorSummary
            focusKey={form.failures}
            items={form.summaryItems}
            formError={form.formError}
          />
          <StepContent
            step={step}
            campaign={campaign}
            draft={draft}
            change={change}
            errors={form.errors}
            fieldId={form.fieldId}
            onEditStep={(target) => saveAndGo(target)}
          />
          <div className="form__actions builder__nav">
            {previous ? (
              <Button variant="secondary" busy={busy} onClick={() => saveAndGo(previous)}>
                {t('builder.back')}
              </Button>
            ) : null}
            {next ? (
              <Button busy={busy} onClick={() => saveAndGo(next)}>
                {busy ? t('common.saving') : t('builder.saveNext')}
              </Button>
            ) : null}
          </div>
          <StatusMessage message={saved} />
        </section>
      </div>
    </>
  );
}
