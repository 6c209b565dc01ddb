import { useTranslation } from 'react-i18next';
import type { EmailAudience } from '../../../../../shared/schemas/email.js';
import { currentLanguage } from '../../../../app/i18n';
import { formatCount } from '../format';

const PARTS = ['eligible', 'alreadySent', 'suppressed', 'noConsent'] as const;

/** Who the e-mail would reach now, and who it leaves out and why. */
export function AudienceCounts({ audience }: { audience: EmailAudience }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  return (
    <dl className="email-audience">
      {PARTS.map((part) => (
        <div key={part} className={`email-audience__item email-audience__item--${part}`}>
          <dt>{t(`email.audience.${part}`)}</dt>
          <dd>
            <span className="email-audience__count">{formatCount(audience[part], ui)}</span>
            <span className="email-audience__why">{t(`email.audience.${part}Why`)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
