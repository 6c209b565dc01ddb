import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralService } from '../../../../../shared/schemas/followups.js';
import { useCurrentUser } from '../../../../app/session';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading, StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { Checkbox } from '../../../../components/ui/Checkbox';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { useReferralServices, useSaveReferralService } from '../../hooks/useReferrals';
import { telHref } from '../format';
import { refusalText } from '../refusal';
import { ReferralServiceForm } from './ReferralServiceForm';
import '../../../../styles/followups.css';

/**
 * The directory of community services staff refer patrons to (211, distress lines, Meals on
 * Wheels…). Everyone who calls reads it; coordinators and admins keep it up to date.
 */
export function ReferralServicesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const editor = user.role === 'admin' || user.role === 'coordinator';
  const [showArchived, setShowArchived] = useState(false);
  const services = useReferralServices(editor && showArchived);
  const archive = useSaveReferralService();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const current = services.data?.find((s) => s.id === editing);

  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
  };
  const setArchived = (service: ReferralService, archived: boolean) => {
    if (archive.isPending) return;
    setFailure(undefined);
    setMessage(undefined);
    const { id, referrals: _referrals, ...input } = service;
    archive.mutate(
      { id, input: { ...input, archived } },
      {
        onSuccess: (saved) =>
          setMessage(
            archived
              ? t('referrals.directory.archived', { name: saved.name })
              : t('referrals.directory.restored', { name: saved.name }),
          ),
        onError: (error) => setFailure(refusalText(error, t)),
      },
    );
  };

  return (
    <>
      <PageHeading
        title={t('referrals.directory.title')}
        lead={<p>{t('referrals.directory.lead')}</p>}
      />
      <StatusMessage message={message} />
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {editor ? (
        editing === null ? (
          <div className="directory-tools">
            <Button onClick={() => setEditing('new')}>{t('referrals.directory.add')}</Button>
            <Checkbox
              id="directory-archived"
              label={t('referrals.directory.showArchived')}
              checked={showArchived}
              onChange={setShowArchived}
            />
          </div>
        ) : (
          <ReferralServiceForm
            key={editing}
            service={current}
            onSaved={(name) => done(t('referrals.directory.saved', { name }))}
            onCancel={() => setEditing(null)}
          />
        )
      ) : null}
      {services.isPending ? <Loading label={t('app.loading')} /> : null}
      {services.isError ? <Alert tone="error">{errorMessage(services.error, t)}</Alert> : null}
      {services.data ? (
        <section aria-labelledby="directory-list-title">
          <h2 id="directory-list-title" className="visually-hidden">
            {t('referrals.directory.listTitle')}
          </h2>
          <p className="results__count">
            {t('referrals.directory.count', { count: services.data.length })}
          </p>
          <ul className="directory">
            {services.data.map((service) => (
              <li key={service.id} className="card directory__item">
                <ServiceEntry
                  service={service}
                  editor={editor}
                  busy={archive.isPending && archive.variables.id === service.id}
                  onEdit={() => {
                    setMessage(undefined);
                    setEditing(service.id);
                  }}
                  onArchive={(archived) => setArchived(service, archived)}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function ServiceEntry({
  service,
  editor,
  busy,
  onEdit,
  onArchive,
}: {
  service: ReferralService;
  editor: boolean;
  busy: boolean;
  onEdit: () => void;
  onArchive: (archived: boolean) => void;
}) {
  const { t } = useTranslation();
  const tel = telHref(service.phone);
  const headingId = `directory-service-${service.id}`;
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId} className="directory__name">
        {service.name}
        {service.archived ? (
          <>
            {' '}
            <span className="badge badge--off">{t('referrals.directory.archivedBadge')}</span>
          </>
        ) : null}
      </h3>
      {service.helpsWith ? <p className="prewrap">{service.helpsWith}</p> : null}
      <dl className="facts">
        {service.phone ? (
          <div>
            <dt>{t('referrals.directory.fields.phone')}</dt>
            <dd>
              {tel ? (
                <a href={tel}>
                  <span className="visually-hidden">
                    {t('referrals.directory.call', { name: service.name })}{' '}
                  </span>
                  {service.phone}
                </a>
              ) : (
                service.phone
              )}
            </dd>
          </div>
        ) : null}
        {service.website ? (
          <div>
            <dt>{t('referrals.directory.fields.website')}</dt>
            <dd>
              <a href={service.website} rel="noopener noreferrer" target="_blank">
                {service.website.replace(/^https?:\/\//, '')}
                <span className="visually-hidden"> {t('referrals.directory.newTab')}</span>
              </a>
            </dd>
          </div>
        ) : null}
        {service.languages.length > 0 ? (
          <div>
            <dt>{t('referrals.directory.fields.languages')}</dt>
            <dd>{service.languages.join(', ')}</dd>
          </div>
        ) : null}
        {service.hours ? (
          <div>
            <dt>{t('referrals.directory.fields.hours')}</dt>
            <dd>{service.hours}</dd>
          </div>
        ) : null}
        {editor ? (
          <div>
            <dt>{t('referrals.directory.fields.referrals')}</dt>
            <dd>{service.referrals}</dd>
          </div>
        ) : null}
      </dl>
      {service.notes ? (
        <p className="prewrap">
          <strong>{t('referrals.directory.notesLabel')}</strong> {service.notes}
        </p>
      ) : null}
      {editor ? (
        <div className="form__actions">
          <Button variant="secondary" onClick={onEdit}>
            {t('referrals.directory.edit')}
            <span className="visually-hidden"> {service.name}</span>
          </Button>
          <Button variant="quiet" busy={busy} onClick={() => onArchive(!service.archived)}>
            {service.archived ? t('referrals.directory.restore') : t('referrals.directory.archive')}
            <span className="visually-hidden"> {service.name}</span>
          </Button>
        </div>
      ) : null}
    </article>
  );
}
