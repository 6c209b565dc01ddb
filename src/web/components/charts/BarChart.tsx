import { useTranslation } from 'react-i18next';
import { ChartTable } from './ChartTable';
import { Hatch, Legend } from './Legend';
import { percentOf } from './scale';
import { largest } from './summary';
import { useSvgId } from './useSvgId';
import '../../styles/charts.css';

export interface BarCategory {
  key: string;
  label: string;
}

export interface BarSeries {
  key: string;
  label: string;
  /** One per category, in the categories' order. */
  values: readonly number[];
}

export interface BarChartProps {
  /** What the chart shows: its text summary starts with it, and it captions the table. */
  title: string;
  /** Heading of the categories' column in the table. */
  categoryHeading: string;
  categories: readonly BarCategory[];
  /** One series, or two side by side (the second hatched). */
  series: readonly BarSeries[];
  format: (value: number) => string;
  /** How many of the largest bars the summary names. */
  summaryLimit?: number;
}

/**
 * Horizontal bars, one row per category, labels in HTML so long names wrap. The bar lengths are
 * SVG attributes (the Content Security Policy forbids style attributes). The whole is one image
 * for screen readers, summarised in words, with the figures in a table on demand.
 */
export function BarChart({
  title,
  categoryHeading,
  categories,
  series,
  format,
  summaryLimit = 5,
}: BarChartProps) {
  const { t } = useTranslation();
  const patternId = useSvgId('hatch');
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const summary = barSummary();

  function barSummary(): string {
    const first = series[0];
    if (!first || max === 0) return t('charts.nothing', { title });
    const { top, rest } = largest(first.values, summaryLimit);
    const items = top.map(({ index }) =>
      t(series.length > 1 ? 'charts.barItemSeries' : 'charts.barItem', {
        label: categories[index]?.label ?? '',
        values: series
          .map((s) =>
            series.length > 1
              ? t('charts.seriesValue', { series: s.label, value: format(s.values[index] ?? 0) })
              : format(s.values[index] ?? 0),
          )
          .join(', '),
      }),
    );
    const more = rest > 0 ? ` ${t('charts.andMore', { count: rest })}` : '';
    return t('charts.barSummary', { title, items: items.join('; '), more });
  }

  return (
    <div className="chart">
      {series.length > 1 ? <Hatch id={patternId} /> : null}
      <div role="img" aria-label={summary} className="bar-chart">
        {categories.map((category, index) => (
          <div key={category.key} className="bar-chart__row">
            <span className="bar-chart__label">{category.label}</span>
            {series.map((s, seriesIndex) => {
              const value = s.values[index] ?? 0;
              const width = percentOf(value, max);
              return (
                <span key={s.key} className="bar-chart__line">
                  <svg
                    className="bar-chart__track"
                    height="18"
                    aria-hidden="true"
                    focusable="false"
                  >
                    {width > 0 ? (
                      <rect
                        className={`chart-fill chart-fill--${seriesIndex}`}
                        x="1"
                        y="1"
                        width={`${width}%`}
                        height="16"
                        fill={seriesIndex === 1 ? `url(#${patternId})` : undefined}
                      />
                    ) : null}
                  </svg>
                  <span className="bar-chart__value">{format(value)}</span>
                </span>
              );
            })}
          </div>
        ))}
      </div>
      {series.length > 1 ? (
        <Legend
          patternId={patternId}
          items={series.map((s, index) => ({ key: s.key, label: s.label, kind: 'bar', index }))}
        />
      ) : null}
      <ChartTable
        caption={title}
        head={[categoryHeading, ...series.map((s) => s.label)]}
        rows={categories.map((category, index) => ({
          key: category.key,
          header: category.label,
          cells: series.map((s) => format(s.values[index] ?? 0)),
        }))}
      />
    </div>
  );
}
