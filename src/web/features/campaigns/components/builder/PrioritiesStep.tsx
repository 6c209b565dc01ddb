import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audience, PriorityRule } from '../../../../../shared/schemas/campaigns.js';
import { StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { TextField } from '../../../../components/ui/TextField';
import { AudiencePreviewPanel } from './AudiencePreviewPanel';
import { patchAudience } from './draft';
import { ListField, NumberField } from './fields';
import type { StepProps } from './StepContent';

let nextKey = 0;
const newKey = () => `rule-${++nextKey}`;

/** Step 3: rules in order; a patron takes the first rule they match, and earlier rules call first. */
export function PrioritiesStep({ draft, change }: StepProps) {
  const { t } = useTranslation();
  const rules = draft.priorities;
  // Rules have no ids of their own: these keys keep each rule's fields with it when it moves.
  const [keys, setKeys] = useState(() => rules.map(newKey));
  const [message, setMessage] = useState<string>();
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });

  const setRules = (next: PriorityRule[], nextKeys: string[]) => {
    setKeys(nextKeys);
    change({ priorities: next });
  };
  const setRule = (index: number, patch: Partial<PriorityRule>) =>
    setRules(
      rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)),
      keys,
    );
  const setWhen = (index: number, rule: PriorityRule, patch: Partial<Audience>) =>
    setRule(index, { when: patchAudience(rule.when, patch) });
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    const nextRules = [...rules];
    const nextKeys = [...keys];
    [nextRules[index], nextRules[target]] = [
      nextRules[target] as PriorityRule,
      nextRules[index] as PriorityRule,
    ];
    [nextKeys[index], nextKeys[target]] = [nextKeys[target] ?? '', nextKeys[index] ?? ''];
    const key = keys[index] ?? '';
    const stillThere = by === -1 ? target > 0 : target < rules.length - 1;
    pendingFocus.current = `${key}-${stillThere ? (by === -1 ? 'up' : 'down') : 'label'}`;
    setRules(nextRules, nextKeys);
    setMessage(
      t('builder.priorities.moved', { label: rules[index]?.label ?? '', position: target + 1 }),
    );
  };
  const remove = (index: number) => {
    const label = rules[index]?.label ?? '';
    pendingFocus.current = 'priorities-add';
    setRules(
      rules.filter((_, i) => i !== index),
      keys.filter((_, i) => i !== index),
    );
    setMessage(t('builder.priorities.removed', { label }));
  };
  const add = () => {
    const key = newKey();
    pendingFocus.current = `${key}-label`;
    setRules([...rules, { label: '', when: {} }], [...keys, key]);
  };

  return (
    <div className="priorities">
      <p>{t('builder.priorities.intro')}</p>
      {rules.length === 0 ? <p className="muted">{t('builder.priorities.none')}</p> : null}
      <ol className="priorities__list">
        {rules.map((rule, index) => {
          const key = keys[index] ?? String(index);
          return (
            <li key={key} className="priorities__rule card">
              <fieldset className="fieldset">
                <legend className="field__label">
                  {t('builder.priorities.rule', { number: index + 1 })}
                </legend>
                <div className="form">
                  <TextField
                    id={`${key}-label`}
                    label={t('builder.priorities.label')}
                    hint={t('builder.priorities.labelHint')}
                    value={rule.label}
                    onChange={(label) => setRule(index, { label })}
                  />
                  <div className="field-row">
                    <NumberField
                      id={`${key}-minAge`}
                      label={t('builder.audience.minAge')}
                      value={rule.when.minAge}
                      onChange={(minAge) => setWhen(index, rule, { minAge })}
                    />
                    <ListField
                      id={`${key}-tags`}
                      label={t('builder.audience.tags')}
                      hint={t('builder.audience.listHint', { example: 'homebound' })}
                      value={rule.when.tags}
                      onChange={(tags) => setWhen(index, rule, { tags })}
                    />
                    <ListField
                      id={`${key}-branches`}
                      label={t('builder.audience.branches')}
                      hint={t('builder.audience.listHint', { example: 'CPL' })}
                      value={rule.when.branches}
                      onChange={(branches) => setWhen(index, rule, { branches })}
                    />
                  </div>
                  <div className="form__actions">
                    <Button
                      id={`${key}-up`}
                      variant="secondary"
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      {t('builder.priorities.up')}
                      <span className="visually-hidden"> {rule.label}</span>
                    </Button>
                    <Button
                      id={`${key}-down`}
                      variant="secondary"
                      disabled={index === rules.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      {t('builder.priorities.down')}
                      <span className="visually-hidden"> {rule.label}</span>
                    </Button>
                    <Button variant="danger" onClick={() => remove(index)}>
                      {t('builder.priorities.remove')}
                      <span className="visually-hidden"> {rule.label}</span>
                    </Button>
                  </div>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p>
        <Button id="priorities-add" variant="secondary" onClick={add}>
          {t('builder.priorities.add')}
        </Button>
      </p>
      <StatusMessage message={message} />
      <AudiencePreviewPanel
        audience={draft.audience}
        priorities={rules}
        channel={draft.channel}
        campaignId={undefined}
        withSample={false}
      />
    </div>
  );
}
