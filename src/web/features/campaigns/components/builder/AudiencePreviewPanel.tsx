import { useTranslation } from 'react-i18next';
import type { Audience, Campaign, PriorityRule } from '../../../../../shared/schemas/campaigns.js';
import { currentLanguage } from '../../../../app/i18n';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert } from '../../../../components/ui/Alert';
import { formatCount } from '../format';
import { useAudiencePreview } from '../../hooks/useAudiencePreview';

export interface AudiencePreviewPanelProps {
  audience: Audience;
  priorities: PriorityRule[];
  channel: Campaign['channel'];
  campaignId: number | undefined;
  /** Leave out the first patrons (the priorities step shows only the counts). */
  withSample?: boolean;
}

/** How many patrons the audience reaches, announced politely each time the count changes. */
export function AudiencePreviewPanel({
  audience,
  priorities,
  channel,
  campaignId,
  withSample = true,
}: AudiencePreviewPanelProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const preview = useAudiencePreview({
    audience,
    priorities,
    channel,
    ...(campaignId !== undefined ? { campaignId } : {}),
  });
  const data = preview.data;
  const n = (value: number) => formatCount(value, language);
  return (
    <section className="preview card" aria-labelledby="audience-preview-title">
      <h3 id="audience-preview-title">{t('builder.preview.title')}</h3>
      <p role="status" aria-live="polite" className="preview__count">
        {data ? t('builder.preview.count', { count: data.count, formatted: n(data.count) }) : ''}
      </p>
      {preview.isFetching ? <p className="muted">{t('builder.preview.updating')}</p> : null}
      {preview.isError ? <Alert tone="error">{errorMessage(preview.error, t)}</Alert> : null}
      {data ? (
        <>
          <dl className="facts preview__facts">
            <div>
              <dt>{t('builder.preview.households')}</dt>
              <dd>{n(data.households)}</dd>
            </div>
            <div>
              <dt>{t('builder.preview.withPhone')}</dt>
              <dd>{n(data.withPhone)}</dd>
            </div>
            <div>
              <dt>{t('builder.preview.withEmail')}</dt>
              <dd>{n(data.withEmail)}</dd>
            </div>
          </dl>
          {data.byPriority.length > 0 ? (
            <table className="table table--compact">
              <caption>{t('builder.preview.byPriority')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('builder.priorities.label')}</th>
                  <th scope="col">{t('builder.preview.patrons')}</th>
                </tr>
              </thead>
              <tbody>
                {data.byPriority.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td>{n(row.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {withSample && data.sample.length > 0 ? (
            <div className="table-wrap" role="region" aria-labelledby="sample-caption" tabIndex={0}>
              <table className="table table--compact">
                <caption id="sample-caption">{t('builder.preview.sample')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('builder.preview.name')}</th>
                    <th scope="col">{t('builder.preview.ageBand')}</th>
                    <th scope="col">{t('builder.preview.language')}</th>
                    <th scope="col">{t('builder.preview.branch')}</th>
                    <th scope="col">{t('builder.preview.priority')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.sample.map((patron) => (
                    <tr key={patron.id}>
                      <th scope="row">{patron.name}</th>
                      <td>{patron.ageBand ?? '—'}</td>
                      <td>{patron.language ?? '—'}</td>
                      <td>{patron.branch ?? '—'}</td>
                      <td>{patron.priority}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
