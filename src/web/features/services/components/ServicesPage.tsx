import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inLanguage, useServices } from '../../../app/catalogue';
import { currentLanguage } from '../../../app/i18n';
import { errorMessage } from '../../../components/form/errorMessage';
import { Alert, Loading, StatusMessage } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ServiceForm } from './ServiceForm';

/** The library's services catalogue: what callers can tell patrons about. */
export function ServicesPage() {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const services = useServices(true);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [message, setMessage] = useState<string>();
  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
  };
  const current = services.data?.find((s) => s.id === editing);
  return (
    <>
      <PageHeading title={t('services.title')} lead={<p>{t('services.lead')}</p>} />
      <StatusMessage message={message} />
      {editing === null ? (
        <p>
          <Button onClick={() => setEditing('new')}>{t('services.add')}</Button>
        </p>
      ) : (
        <ServiceForm
          key={editing}
          service={current}
          onSaved={(name) => done(t('services.saved', { name }))}
          onCancel={() => setEditing(null)}
        />
      )}
      {services.isPending ? <Loading label={t('app.loading')} /> : null}
      {services.isError ? <Alert tone="error">{errorMessage(services.error, t)}</Alert> : null}
      {services.data ? (
        <div className="table-wrap" role="region" aria-labelledby="services-caption" tabIndex={0}>
          <table className="table">
            <caption id="services-caption" className="visually-hidden">
              {t('services.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('services.fields.name')}</th>
                <th scope="col">{t('services.fields.description')}</th>
                <th scope="col">{t('services.fields.status')}</th>
                <th scope="col">{t('services.fields.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {services.data.map((service) => {
                const name = inLanguage(service.name, ui);
                return (
                  <tr key={service.id}>
                    <th scope="row">{name}</th>
                    <td>{inLanguage(service.description, ui)}</td>
                    <td>
                      <span className={service.active ? 'badge badge--on' : 'badge badge--off'}>
                        {service.active ? t('services.active') : t('services.retired')}
                      </span>
                      {service.raisesTask ? (
                        <span className="cell-note">{t('services.raisesTask')}</span>
                      ) : null}
                    </td>
                    <td>
                      <Button variant="secondary" onClick={() => setEditing(service.id)}>
                        {t('services.edit')}
                        <span className="visually-hidden"> {name}</span>
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
