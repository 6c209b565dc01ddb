import { useTranslation } from 'react-i18next';
import type { CallCard } from '../../../../shared/schemas/calls.js';
import type { Campaign, Service } from '../../../../shared/schemas/campaigns.js';
import type { LibrarySettings } from '../../../../shared/schemas/library.js';
import { ScriptRunner, type ServiceTick } from '../../../components/script-runner/ScriptRunner';
import type { MergeValues } from '../../../components/script-runner/merge';
import { Button } from '../../../components/ui/Button';

export interface ScriptPanelProps {
  call: CallCard;
  callerName: string;
  campaign: Campaign | undefined;
  library: LibrarySettings | undefined;
  services: readonly Service[];
  onAnswer: (stepId: string, answerId: string) => void;
  /** The caller went back to this step: forget the answer recorded there. */
  onUnanswer: (stepId: string) => void;
  onServicesChange: (ticks: Record<string, ServiceTick>) => void;
  /** The script reached its end: go on to the outcome. */
  onDone: () => void;
}

/** The script of the first person's language version, with their details merged in. */
export function ScriptPanel({
  call,
  callerName,
  campaign,
  library,
  services,
  onAnswer,
  onUnanswer,
  onServicesChange,
  onDone,
}: ScriptPanelProps) {
  const { t } = useTranslation();
  const first = call.patrons[0];
  const version = call.scripts.find((s) => s.id === first?.scriptVersionId) ?? call.scripts.at(0);
  const merge: MergeValues = {
    'patron.firstName': first?.firstName ?? '',
    'patron.preferredName': first?.preferredName ?? first?.firstName ?? '',
    'patron.lastName': first?.lastName ?? '',
    'caller.name': callerName,
    'library.name': library?.name ?? '',
    'library.callbackNumber': library?.callbackNumber ?? '',
    'campaign.purpose': campaign?.purpose ?? '',
  };
  const offered = campaign
    ? services.filter((s) => campaign.serviceKeys.includes(s.key))
    : services;
  return (
    <section className="call-panel script-panel" aria-labelledby="script-title">
      <h2 id="script-title">{t('calling.script.title')}</h2>
      {version === undefined ? (
        <p className="muted">{t('calling.script.none')}</p>
      ) : (
        <ScriptRunner
          key={call.claimId}
          version={version}
          merge={merge}
          services={offered}
          onAnswer={(step, answerId) => {
            if (answerId !== null) onAnswer(step.id, answerId);
          }}
          onBack={(step) => onUnanswer(step.id)}
          onServicesChange={onServicesChange}
          endActions={<Button onClick={onDone}>{t('calling.script.toOutcome')}</Button>}
        />
      )}
    </section>
  );
}
