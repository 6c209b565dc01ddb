import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../api/types';
import { Emails, Phones } from './Phones';
import { ProblemList } from './ProblemList';
import { languageName } from './format';

/** The first rows of the file as they would be imported, each with its problems. */
export function PreviewTable({ sample }: { sample: ImportPreview['sample'] }) {
  const { t, i18n } = useTranslation();
  const none = <span className="muted">{t('patrons.none')}</span>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="preview-caption" tabIndex={0}>
      <table className="table table--compact">
        <caption id="preview-caption" className="visually-hidden">
          {t('imports.preview.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.preview.row')}</th>
            <th scope="col">{t('patrons.columns.cardNumber')}</th>
            <th scope="col">{t('patrons.columns.name')}</th>
            <th scope="col">{t('imports.preview.problems')}</th>
            <th scope="col">{t('imports.fields.birthDate')}</th>
            <th scope="col">{t('patrons.columns.language')}</th>
            <th scope="col">{t('patrons.columns.branch')}</th>
            <th scope="col">{t('patrons.columns.status')}</th>
            <th scope="col">{t('patrons.columns.phones')}</th>
            <th scope="col">{t('patrons.columns.emails')}</th>
          </tr>
        </thead>
        <tbody>
          {sample.map(({ row, patron, problems }) => (
            <tr key={row} className={patron ? undefined : 'row--rejected'}>
              <th scope="row">{row}</th>
              {patron ? (
                <>
                  <td className="nowrap">{patron.cardNumber}</td>
                  <td>
                    {patron.lastName}, {patron.firstName}
                    {patron.preferredName ? (
                      <span className="cell-note">
                        {t('patrons.goesBy', { name: patron.preferredName })}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <ProblemList problems={problems} />
                  </td>
                  <td className="nowrap">{patron.birthDate ?? none}</td>
                  <td>{patron.language ? languageName(patron.language, i18n.language) : none}</td>
                  <td>{patron.branch ?? none}</td>
                  <td>{t(`patrons.status.${patron.status}`)}</td>
                  <td>
                    <Phones phones={patron.phones} />
                  </td>
                  <td>
                    <Emails emails={patron.emails} />
                  </td>
                </>
              ) : (
                <td colSpan={9}>
                  <p className="cell-title">{t('imports.preview.rejected')}</p>
                  <ProblemList problems={problems} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
