import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audience } from '../../../../shared/schemas/campaigns.js';
import { inLanguage, useServices } from '../../../app/catalogue';
import { currentLanguage } from '../../../app/i18n';
import { Button } from '../../../components/ui/Button';
import { useScripts } from '../hooks/useCampaigns';
import type { BuilderStep, Draft } from './builder/draft';
import { formatCount, formatDay } from './format';

export interface SettingsSummaryProps {
  settings: Draft;
  callListSize: number | undefined;
  onEditStep?: (step: BuilderStep) => void;
}

/** The audience in words, one condition a line. */
export function useAudienceLines(audience: Audience): string[] {
  const { t } = useTranslation();
  const lines: string[] = [];
  const list = (
    items: readonly string[] | undefined,
    key: 'ageBands' | 'branches' | 'languages' | 'patronTypes' | 'tags' | 'statuses',
  ) => {
    if (items && items.length > 0)
      lines.push(t(`summary.audience.${key}`, { list: items.join(', ') }));
  };
  list(
    audience.ageBands?.map((band) => band.replace('-', '–')),
    'ageBands',
  );
  if (audience.minAge !== undefined)
    lines.push(t('summary.audience.minAge', { age: audience.minAge }));
  if (audience.maxAge !== undefined)
    lines.push(t('summary.audience.maxAge', { age: audience.maxAge }));
  list(audience.branches, 'branches');
  list(audience.languages, 'languages');
  list(audience.patronTypes, 'patronTypes');
  list(audience.tags, 'tags');
  list(
    (audience.statuses ?? ['active']).map((status) => t(`builder.audience.status.${status}`)),
    'statuses',
  );
  if (audience.notContactedSince) {
    lines.push(t('summary.audience.notContactedSince', { date: audience.notContactedSince }));
  }
  for (const flag of ['hasPhone', 'hasEmail', 'inHousehold', 'notInOtherActiveCampaign'] as const) {
    if (audience[flag] === true) lines.push(t(`builder.audience.flags.${flag}`));
  }
  return lines;
}

function Section({
  title,
  step,
  onEditStep,
  children,
}: {
  title: string;
  step: BuilderStep;
  onEditStep: ((step: BuilderStep) => void) | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="summary__section" aria-label={title}>
      <div className="summary__head">
        <h3>{title}</h3>
        {onEditStep ? (
          <Button variant="quiet" onClick={() => onEditStep(step)}>
            {t('summary.change')}
            <span className="visually-hidden"> {title}</span>
          </Button>
        ) : null}
      </div>
      {children}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A campaign's settings, section by section, as the builder steps group them. */
export function SettingsSummary({ settings, callListSize, onEditStep }: SettingsSummaryProps) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const scripts = useScripts();
  const services = useServices().data ?? [];
  const audience = useAudienceLines(settings.audience);
  const day = (value: string | null) => (value ? formatDay(value, ui) : t('summary.none'));
  const script = scripts.data?.find((s) => s.id === settings.scriptId);
  const hours = settings.callingHours;
  return (
    <div className="summary">
      <Section title={t('builder.steps.purpose')} step="purpose" onEditStep={onEditStep}>
        <dl className="facts">
          <Row label={t('builder.purpose.name')}>{settings.name}</Row>
          <Row label={t('builder.purpose.purpose')}>{settings.purpose}</Row>
          <Row label={t('builder.purpose.legalAuthority')}>{settings.legalAuthority}</Row>
          <Row label={t('builder.purpose.contact')}>{settings.contact}</Row>
          <Row label={t('summary.dates')}>
            {t('summary.dateRange', { from: day(settings.startsOn), to: day(settings.endsOn) })}
          </Row>
        </dl>
      </Section>
      <Section title={t('builder.steps.audience')} step="audience" onEditStep={onEditStep}>
        <ul>
          {audience.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {callListSize !== undefined ? (
          <p>
            {t('summary.matching', {
              count: callListSize,
              formatted: formatCount(callListSize, ui),
            })}
          </p>
        ) : null}
      </Section>
      <Section title={t('builder.steps.priorities')} step="priorities" onEditStep={onEditStep}>
        {settings.priorities.length === 0 ? (
          <p>{t('builder.priorities.none')}</p>
        ) : (
          <ol>
            {settings.priorities.map((rule, index) => (
              <li key={`${rule.label}-${index}`}>{rule.label}</li>
            ))}
          </ol>
        )}
      </Section>
      <Section title={t('builder.steps.rules')} step="rules" onEditStep={onEditStep}>
        <dl className="facts">
          <Row label={t('builder.rules.channel')}>{t(`channel.${settings.channel}`)}</Row>
          <Row label={t('builder.rules.maxAttempts')}>{settings.maxAttempts}</Row>
          <Row label={t('builder.rules.attemptGapHours')}>{settings.attemptGapHours}</Row>
          {settings.channel === 'phone_then_email' ? (
            <Row label={t('builder.rules.emailAfterAttempts')}>{settings.emailAfterAttempts}</Row>
          ) : null}
          <Row label={t('builder.rules.hours')}>
            {t('summary.hours', {
              weekdayStart: hours.weekdayStart,
              weekdayEnd: hours.weekdayEnd,
              weekendStart: hours.weekendStart,
              weekendEnd: hours.weekendEnd,
            })}
          </Row>
          <Row label={t('builder.rules.callers')}>
            {settings.callerIds === null
              ? t('builder.rules.allCallers')
              : t('summary.chosenCallers', { count: settings.callerIds.length })}
          </Row>
        </dl>
      </Section>
      <Section title={t('builder.steps.script')} step="script" onEditStep={onEditStep}>
        <p>{script ? script.name : settings.scriptId === null ? t('summary.noScript') : '…'}</p>
      </Section>
      <Section title={t('builder.steps.services')} step="services" onEditStep={onEditStep}>
        <p>
          {settings.serviceKeys.length === 0
            ? t('summary.none')
            : settings.serviceKeys
                .map((key) => {
                  const service = services.find((s) => s.key === key);
                  return service ? inLanguage(service.name, ui) : key;
                })
                .join(', ')}
        </p>
      </Section>
      <Section title={t('builder.steps.training')} step="training" onEditStep={onEditStep}>
        <p>
          {t('summary.training', {
            points: settings.training.talkingPoints.length,
            faq: settings.training.faq.length,
            tips: settings.training.tips.length,
            links: settings.training.links.length,
          })}
        </p>
      </Section>
    </div>
  );
}
