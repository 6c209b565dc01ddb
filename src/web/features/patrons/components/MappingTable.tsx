import { useTranslation } from 'react-i18next';
import { MAPPABLE_FIELDS, type FieldMapping, type MappableField } from '../api/types';

export interface MappingTableProps {
  headers: readonly string[];
  /** Columns never offered: the server refuses them whatever the mapping says. */
  refused: readonly string[];
  mapping: FieldMapping;
  onChange: (field: MappableField, column: string) => void;
}

/** One row per patron detail, each with a choice of the file's columns (or none). */
export function MappingTable({ headers, refused, mapping, onChange }: MappingTableProps) {
  const { t } = useTranslation();
  const columns = headers.filter((header) => header !== '' && !refused.includes(header));
  return (
    <div
      className="table-wrap table-wrap--fit"
      role="region"
      aria-labelledby="mapping-caption"
      tabIndex={0}
    >
      <table className="table table--compact mapping">
        <caption id="mapping-caption" className="visually-hidden">
          {t('imports.mapping.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.mapping.field')}</th>
            <th scope="col">{t('imports.mapping.column')}</th>
          </tr>
        </thead>
        <tbody>
          {MAPPABLE_FIELDS.map((field) => {
            const id = `mapping-${field}`;
            const value = mapping[field] ?? '';
            return (
              <tr key={field}>
                <th scope="row">
                  <label htmlFor={id}>{t(`imports.fields.${field}`)}</label>
                </th>
                <td>
                  <select
                    id={id}
                    className="field__select"
                    value={value}
                    onChange={(event) => onChange(field, event.target.value)}
                  >
                    <option value="">{t('imports.mapping.notImported')}</option>
                    {columns.map((column) => (
                      <option key={column} value={column}>
                        {column}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
