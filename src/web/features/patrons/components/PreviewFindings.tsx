import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/ui/SelectField';
import type { ImportLayout, ImportPreview } from '../api/types';
import { localeOf } from './format';

/** Below this the detection is a guess worth pointing out. */
const SURE_ENOUGH = 0.6;

/** Why a column was refused, from the server's explanation, said in the user's language. */
function refusalText(reason: string, t: TFunction): string {
  if (/fine|fee/i.test(reason)) return t('imports.findings.reasons.money');
  if (/notice|borrowed or requested/i.test(reason)) return t('imports.findings.reasons.notice');
  return t('imports.findings.reasons.circulation');
}

function ColumnList({ columns }: { columns: readonly string[] }) {
  return (
    <ul className="column-list">
      {columns.map((column) => (
        <li key={column}>
          <code>{column}</code>
        </li>
      ))}
    </ul>
  );
}

export interface PreviewFindingsProps {
  preview: ImportPreview;
  layouts: readonly ImportLayout[];
  onLayout: (layout: string) => void;
}

/** What the server found in the file: its format, the layout, and the columns left out. */
export function PreviewFindings({ preview, layouts, onLayout }: PreviewFindingsProps) {
  const { t, i18n } = useTranslation();
  const current = layouts.find((layout) => layout.id === preview.layout);
  const percent = new Intl.NumberFormat(localeOf(i18n.language), { style: 'percent' }).format(
    preview.confidence,
  );
  const options = layouts.some((layout) => layout.id === preview.layout)
    ? layouts.map((layout) => ({ value: layout.id, label: layout.label }))
    : [{ value: preview.layout, label: preview.layout }];
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('imports.findings.format')}</dt>
          <dd>
            {preview.format.toUpperCase()}
            {preview.encoding ? `, ${preview.encoding}` : ''}
          </dd>
        </div>
        {preview.sheet ? (
          <div>
            <dt>{t('imports.findings.sheet')}</dt>
            <dd>{preview.sheet}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('imports.findings.detected')}</dt>
          <dd>
            {t('imports.findings.detectedValue', {
              label: current?.label ?? preview.layout,
              percent,
            })}
          </dd>
        </div>
      </dl>
      <SelectField
        id="import-layout"
        label={t('imports.findings.layout')}
        hint={current?.description ?? t('imports.findings.layoutHint')}
        value={preview.layout}
        options={options}
        onChange={onLayout}
      />
      {preview.confidence < SURE_ENOUGH ? (
        <p className="alert alert--info">{t('imports.findings.unsure')}</p>
      ) : null}
      {preview.refusedColumns.length > 0 ? (
        <div className="alert alert--info">
          <h3 className="alert__title">{t('imports.findings.refusedTitle')}</h3>
          <p>{t('imports.findings.refusedText')}</p>
          <ul className="column-list">
            {preview.refusedColumns.map((refused) => (
              <li key={refused.column}>
                <code>{refused.column}</code> — {refusalText(refused.reason, t)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.unknownColumns.length > 0 ? (
        <div className="finding">
          <h3>{t('imports.findings.unknownTitle')}</h3>
          <p>{t('imports.findings.unknownText')}</p>
          <ColumnList columns={preview.unknownColumns} />
        </div>
      ) : null}
      {preview.ignoredColumns.length > 0 ? (
        <div className="finding">
          <h3>{t('imports.findings.ignoredTitle')}</h3>
          <ColumnList columns={preview.ignoredColumns} />
        </div>
      ) : null}
      {preview.fileProblems.length > 0 ? (
        <div className="finding">
          <h3>{t('imports.findings.fileProblems')}</h3>
          <ul>
            {preview.fileProblems.map((problem, index) => (
              <li key={index}>{problem.reason}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
