import type { Campaign } from '../../../../../shared/schemas/campaigns.js';
import { AudienceStep } from './AudienceStep';
import type { BuilderStep, Draft } from './draft';
import type { BuilderField } from './labels';
import { PrioritiesStep } from './PrioritiesStep';
import { PurposeStep } from './PurposeStep';
import { ReviewStep } from './ReviewStep';
import { RulesStep } from './RulesStep';
import { ScriptStep } from './ScriptStep';
import { ServicesStep } from './ServicesStep';
import { TrainingStep } from './TrainingStep';

export interface StepProps {
  draft: Draft;
  change: (patch: Partial<Draft>) => void;
  errors: Partial<Record<BuilderField, string>>;
  fieldId: (field: BuilderField) => string;
}

export interface StepContentProps extends StepProps {
  step: BuilderStep;
  campaign: Campaign | undefined;
  onEditStep: (step: BuilderStep) => void;
}

export function StepContent({ step, campaign, onEditStep, ...props }: StepContentProps) {
  switch (step) {
    case 'purpose':
      return <PurposeStep {...props} />;
    case 'audience':
      return <AudienceStep {...props} campaignId={campaign?.id} />;
    case 'priorities':
      return <PrioritiesStep {...props} />;
    case 'rules':
      return <RulesStep {...props} />;
    case 'script':
      return <ScriptStep {...props} />;
    case 'services':
      return <ServicesStep {...props} />;
    case 'training':
      return <TrainingStep {...props} />;
    case 'review':
      return campaign ? (
        <ReviewStep draft={props.draft} campaign={campaign} onEditStep={onEditStep} />
      ) : null;
  }
}
