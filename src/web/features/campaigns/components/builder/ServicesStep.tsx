import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { inLanguage, useServices } from '../../../../app/catalogue';
import { currentLanguage } from '../../../../app/i18n';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading } from '../../../../components/ui/Alert';
import { CheckboxGroup } from '../../../../components/ui/CheckboxGroup';
import type { StepProps } from './StepContent';

/** Step 6: the services callers tell patrons about on this campaign. */
export function ServicesStep({ draft, change }: StepProps) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const services = useServices();
  if (services.isPending) return <Loading label={t('app.loading')} />;
  if (services.isError) return <Alert tone="error">{errorMessage(services.error, t)}</Alert>;
  return (
    <div className="form">
      <CheckboxGroup
        id="campaign-serviceKeys"
        legend={t('builder.services.legend')}
        hint={t('builder.services.hint')}
        options={services.data.map((s) => ({ value: s.key, label: inLanguage(s.name, ui) }))}
        values={draft.serviceKeys}
        onChange={(serviceKeys) => change({ serviceKeys })}
      />
      <p>
        <Link to="/services">{t('builder.services.manage')}</Link>
      </p>
    </div>
  );
}
