import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';

export interface ChartTableProps {
  caption: string;
  /** Column headings: the category's, then one per series. */
  head: readonly string[];
  rows: readonly { key: string; header: ReactNode; cells: readonly string[] }[];
}

/**
 * The chart's figures as a real table, behind a "Show as table" button: for screen readers, for
 * exact values, and for anyone who reads a table better than a picture.
 */
export function ChartTable({ caption, head, rows }: ChartTableProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const captionId = `${id}-caption`;
  return (
    <div className="chart-table">
      <Button
        variant="secondary"
        className="chart-table__toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {open ? t('charts.hideTable') : t('charts.showTable')}
        <span className="visually-hidden">: {caption}</span>
      </Button>
      <div id={id} hidden={!open}>
        {open ? (
          <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
            <table className="table table--compact">
              <caption id={captionId} className="chart-table__caption">
                {caption}
              </caption>
              <thead>
                <tr>
                  {head.map((heading, index) => (
                    <th key={heading} scope="col" className={index > 0 ? 'numeric' : undefined}>
                      {heading}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.header}</th>
                    {row.cells.map((cell, index) => (
                      <td key={head[index + 1] ?? index} className="numeric">
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </div>
  );
}
