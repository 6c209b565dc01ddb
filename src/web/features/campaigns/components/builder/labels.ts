import { useTranslation } from 'react-i18next';

/** Labels of the builder's fields, for the error summary (ids are `campaign-<field>`). */
export function useBuilderLabels() {
  const { t } = useTranslation();
  return {
    name: t('builder.purpose.name'),
    purpose: t('builder.purpose.purpose'),
    legalAuthority: t('builder.purpose.legalAuthority'),
    contact: t('builder.purpose.contact'),
    startsOn: t('builder.purpose.startsOn'),
    endsOn: t('builder.purpose.endsOn'),
    'audience.minAge': t('builder.audience.minAge'),
    'audience.maxAge': t('builder.audience.maxAge'),
    'audience.notContactedSince': t('builder.audience.notContactedSince'),
    channel: t('builder.rules.channel'),
    maxAttempts: t('builder.rules.maxAttempts'),
    attemptGapHours: t('builder.rules.attemptGapHours'),
    emailAfterAttempts: t('builder.rules.emailAfterAttempts'),
    'callingHours.weekdayStart': t('builder.rules.weekdayStart'),
    'callingHours.weekdayEnd': t('builder.rules.weekdayEnd'),
    'callingHours.weekendStart': t('builder.rules.weekendStart'),
    'callingHours.weekendEnd': t('builder.rules.weekendEnd'),
    callerIds: t('builder.rules.callers'),
    scriptId: t('builder.script.choose'),
  };
}

export type BuilderField = keyof ReturnType<typeof useBuilderLabels>;
