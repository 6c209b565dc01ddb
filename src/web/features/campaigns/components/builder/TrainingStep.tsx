import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Training } from '../../../../../shared/schemas/campaigns.js';
import { currentLanguage } from '../../../../app/i18n';
import { errorMessage } from '../../../../components/form/errorMessage';
import { StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { useStarterTraining } from '../../hooks/useCampaigns';
import { PairList, TextList } from './TrainingLists';
import type { StepProps } from './StepContent';

/** Step 7: what callers study before calling: talking points, objection FAQ, tips and links. */
export function TrainingStep({ draft, change }: StepProps) {
  const { t } = useTranslation();
  const training = draft.training;
  const starter = useStarterTraining();
  const [message, setMessage] = useState<string>();
  const set = (patch: Partial<Training>) => change({ training: { ...training, ...patch } });
  const fillStarter = async () => {
    const result = await starter.refetch();
    if (result.data) {
      const chosen = result.data[currentLanguage()] ?? result.data.en;
      if (chosen) {
        change({ training: { ...chosen, links: [...training.links, ...chosen.links] } });
        setMessage(t('builder.training.starterUsed'));
        return;
      }
    }
    setMessage(errorMessage(result.error, t));
  };
  return (
    <div className="form training-step">
      <p>
        <Button variant="secondary" busy={starter.isFetching} onClick={() => void fillStarter()}>
          {t('builder.training.useStarter')}
        </Button>
      </p>
      <StatusMessage message={message} />
      <TextList
        id="training-talkingPoints"
        legend={t('builder.training.talkingPoints')}
        itemLabel={(n) => t('builder.training.talkingPoint', { number: n })}
        addLabel={t('builder.training.addTalkingPoint')}
        items={training.talkingPoints}
        onChange={(talkingPoints) => set({ talkingPoints })}
      />
      <PairList
        id="training-faq"
        legend={t('builder.training.faq')}
        first={{ key: 'question', label: (n) => t('builder.training.question', { number: n }) }}
        second={{
          key: 'answer',
          label: (n) => t('builder.training.answer', { number: n }),
          long: true,
        }}
        addLabel={t('builder.training.addFaq')}
        items={training.faq}
        onChange={(faq) => set({ faq })}
      />
      <TextList
        id="training-tips"
        legend={t('builder.training.tips')}
        itemLabel={(n) => t('builder.training.tip', { number: n })}
        addLabel={t('builder.training.addTip')}
        items={training.tips}
        onChange={(tips) => set({ tips })}
      />
      <PairList
        id="training-links"
        legend={t('builder.training.links')}
        first={{ key: 'label', label: (n) => t('builder.training.linkLabel', { number: n }) }}
        second={{ key: 'url', label: (n) => t('builder.training.linkUrl', { number: n }) }}
        addLabel={t('builder.training.addLink')}
        items={training.links}
        onChange={(links) => set({ links })}
      />
    </div>
  );
}
