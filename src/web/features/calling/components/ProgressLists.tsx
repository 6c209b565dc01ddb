import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignProgress } from '../../../../shared/schemas/calls.js';
import { errorMessage } from '../../../components/form/errorMessage';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { SelectField } from '../../../components/ui/SelectField';
import { useCallers, useForceRelease, useReassignCallback } from '../hooks/useProgress';
import { dateTime, time } from './format';

type Claim = CampaignProgress['claims'][number];
type Callback = CampaignProgress['callbacks'][number];

export function CallersWorking({ progress }: { progress: CampaignProgress }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="progress-callers-title">
      <h2 id="progress-callers-title">{t('progress.callers.title')}</h2>
      {progress.callers.length === 0 ? (
        <p className="muted">{t('progress.callers.none')}</p>
      ) : (
        <ul className="plain-list">
          {progress.callers.map((c) => (
            <li key={c.callerId}>
              {t('progress.callers.item', {
                name: c.name,
                count: c.claims,
                since: time(c.since, i18n.language),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Patrons held now; a coordinator can put back one left held (a caller gone without a word). */
export function CurrentClaims({
  progress,
  announce,
}: {
  progress: CampaignProgress;
  announce: (m: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const release = useForceRelease(progress.campaignId);
  const [asked, setAsked] = useState<Claim>();
  return (
    <section aria-labelledby="progress-claims-title">
      <h2 id="progress-claims-title">{t('progress.claims.title')}</h2>
      {release.isError ? <Alert tone="error">{errorMessage(release.error, t)}</Alert> : null}
      {progress.claims.length === 0 ? (
        <p className="muted">{t('progress.claims.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('progress.claims.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('progress.claims.caller')}</th>
                <th scope="col">{t('progress.claims.patrons')}</th>
                <th scope="col">{t('progress.claims.expires')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('progress.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {progress.claims.map((c) => (
                <tr key={c.claimId}>
                  <td>{c.callerName}</td>
                  <td>{c.patrons}</td>
                  <td>{time(c.expiresAt, i18n.language)}</td>
                  <td>
                    <Button
                      variant="secondary"
                      aria-label={t('progress.claims.releaseFor', { name: c.callerName })}
                      onClick={() => setAsked(c)}
                    >
                      {t('progress.claims.release')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={asked !== undefined}
        title={t('progress.claims.confirmTitle')}
        confirmLabel={t('progress.claims.release')}
        tone="danger"
        busy={release.isPending}
        onCancel={() => setAsked(undefined)}
        onConfirm={() => {
          if (!asked) return;
          release.mutate(asked.claimId, {
            onSuccess: () => announce(t('progress.claims.released', { name: asked.callerName })),
            onSettled: () => setAsked(undefined),
          });
        }}
      >
        <p>{t('progress.claims.confirm', { name: asked?.callerName ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}

/** Callbacks due, and who will make them: anyone, or one caller. */
export function DueCallbacks({
  progress,
  announce,
}: {
  progress: CampaignProgress;
  announce: (m: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const reassign = useReassignCallback(progress.campaignId);
  const callers = useCallers();
  const [asked, setAsked] = useState<Callback>();
  const [to, setTo] = useState('anyone');
  return (
    <section aria-labelledby="progress-callbacks-title">
      <h2 id="progress-callbacks-title">{t('progress.callbacks.title')}</h2>
      {reassign.isError ? <Alert tone="error">{errorMessage(reassign.error, t)}</Alert> : null}
      {progress.callbacks.length === 0 ? (
        <p className="muted">{t('progress.callbacks.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('progress.callbacks.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('progress.callbacks.patron')}</th>
                <th scope="col">{t('progress.callbacks.at')}</th>
                <th scope="col">{t('progress.callbacks.for')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('progress.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {progress.callbacks.map((c) => (
                <tr key={c.callListId}>
                  <td>{c.patronName}</td>
                  <td>{dateTime(c.at, i18n.language)}</td>
                  <td>{c.forCaller ?? t('progress.callbacks.anyone')}</td>
                  <td>
                    <Button
                      variant="secondary"
                      aria-label={t('progress.callbacks.reassignFor', { name: c.patronName })}
                      onClick={() => {
                        setTo('anyone');
                        setAsked(c);
                      }}
                    >
                      {t('progress.callbacks.reassign')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={asked !== undefined}
        title={t('progress.callbacks.confirmTitle', { name: asked?.patronName ?? '' })}
        confirmLabel={t('progress.callbacks.reassign')}
        busy={reassign.isPending}
        onCancel={() => setAsked(undefined)}
        onConfirm={() => {
          if (!asked) return;
          const callerId = to === 'anyone' ? null : Number(to);
          reassign.mutate(
            { callListId: asked.callListId, callerId },
            {
              onSuccess: () =>
                announce(t('progress.callbacks.reassigned', { name: asked.patronName })),
              onSettled: () => setAsked(undefined),
            },
          );
        }}
      >
        <SelectField
          id="reassign-to"
          label={t('progress.callbacks.to')}
          value={to}
          options={[
            { value: 'anyone', label: t('progress.callbacks.anyone') },
            ...(callers.data ?? []).map((u) => ({ value: String(u.id), label: u.name })),
          ]}
          onChange={setTo}
        />
      </ConfirmDialog>
    </section>
  );
}
