import { useTranslation } from 'react-i18next';
import { ChartTable } from './ChartTable';
import { Legend, Marker } from './Legend';
import { axis, labelIndexes, scaleLinear } from './scale';
import { extremes } from './summary';
import { useMediaQuery } from './useMediaQuery';
import { useSvgId } from './useSvgId';
import '../../styles/charts.css';

export interface Series {
  key: string;
  label: string;
  /** One per date. */
  values: readonly number[];
}

export interface SeriesChartProps {
  /** What the chart shows ("Calls per day"): its summary starts with it; it captions the table. */
  title: string;
  /** The span shown, in words ("March 2–15, 2025"). */
  range: string;
  /** Heading of the dates' column in the table. */
  dateHeading: string;
  /** YYYY-MM-DD, in order. */
  dates: readonly string[];
  /** The first is drawn as columns, the others as lines with markers (circle, then square). */
  series: readonly Series[];
  format: (value: number) => string;
  /** A date on the axis ("Mar 10"). */
  axisDate: (date: string) => string;
  /** A date in the table ("March 10, 2025" or "Week of March 10"). */
  tableDate: (date: string) => string;
  /** When the highest value was, for the summary ("on March 10"). */
  when: (date: string) => string;
}

/**
 * The drawing's size in its own units. A narrow screen gets a narrower drawing, so that scaled to
 * the screen its text stays readable.
 */
const WIDE = { width: 720, height: 260, labels: 7 };
const NARROW = { width: 320, height: 220, labels: 3 };
const PLOT = { left: 52, right: 20, top: 14, bottom: 34 };
/** Markers only while there is room for them. */
const MARKERS_UP_TO = 62;

/**
 * Values over time: columns for the first series, lines for the others. Drawn in a viewBox so it
 * scales with its box; the text summary gives each series' total and highest point, and the
 * figures are in a table on demand.
 */
export function SeriesChart({
  title,
  range,
  dateHeading,
  dates,
  series,
  format,
  axisDate,
  tableDate,
  when,
}: SeriesChartProps) {
  const { t } = useTranslation();
  const patternId = useSvgId('hatch');
  const narrow = useMediaQuery('(max-width: 40em)');
  const size = narrow ? NARROW : WIDE;
  const n = dates.length;
  const plotWidth = size.width - PLOT.left - PLOT.right;
  const plotHeight = size.height - PLOT.top - PLOT.bottom;
  const { top, ticks } = axis(Math.max(0, ...series.flatMap((s) => s.values)), 4);
  const band = n > 0 ? plotWidth / n : plotWidth;
  const xOf = (index: number) => PLOT.left + band * (index + 0.5);
  const yOf = (value: number) => PLOT.top + plotHeight - scaleLinear(value, top, plotHeight);
  const columnWidth = Math.max(1, Math.min(band * 0.7, 40));
  const baseline = PLOT.top + plotHeight;

  const summary =
    n === 0
      ? t('charts.nothing', { title })
      : t('charts.seriesSummary', {
          title,
          range,
          series: series
            .map((s) => {
              const { total, max, maxIndex } = extremes(s.values);
              const date = maxIndex === undefined ? undefined : dates[maxIndex];
              return total === 0 || date === undefined
                ? t('charts.seriesNone', { series: s.label })
                : t('charts.seriesItem', {
                    series: s.label,
                    total: format(total),
                    max: format(max),
                    when: when(date),
                  });
            })
            .join('; '),
        });

  return (
    <div className="chart">
      <div className="series-chart">
        <svg
          className="series-chart__svg"
          viewBox={`0 0 ${size.width} ${size.height}`}
          role="img"
          aria-label={summary}
          focusable="false"
        >
          {ticks.map((tick) => (
            <g key={tick}>
              <line
                className={tick === 0 ? 'chart-axis' : 'chart-grid'}
                x1={PLOT.left}
                x2={size.width - PLOT.right}
                y1={yOf(tick)}
                y2={yOf(tick)}
              />
              <text className="chart-text" x={PLOT.left - 8} y={yOf(tick) + 4} textAnchor="end">
                {format(tick)}
              </text>
            </g>
          ))}
          {labelIndexes(n, size.labels).map((index) => (
            <text
              key={dates[index]}
              className="chart-text"
              x={xOf(index)}
              y={baseline + 22}
              textAnchor="middle"
            >
              {axisDate(dates[index] ?? '')}
            </text>
          ))}
          {series.map((s, seriesIndex) =>
            seriesIndex === 0 ? (
              <g key={s.key}>
                {s.values.map((value, index) =>
                  value > 0 ? (
                    <rect
                      key={dates[index]}
                      className="chart-fill chart-fill--0"
                      x={xOf(index) - columnWidth / 2}
                      y={yOf(value)}
                      width={columnWidth}
                      height={baseline - yOf(value)}
                    />
                  ) : null,
                )}
              </g>
            ) : (
              <g key={s.key}>
                <polyline
                  className="chart-line-halo"
                  points={s.values.map((value, index) => `${xOf(index)},${yOf(value)}`).join(' ')}
                />
                <polyline
                  className={`chart-line chart-line--${seriesIndex}`}
                  points={s.values.map((value, index) => `${xOf(index)},${yOf(value)}`).join(' ')}
                />
                {n <= MARKERS_UP_TO
                  ? s.values.map((value, index) => (
                      <Marker
                        key={dates[index]}
                        index={seriesIndex}
                        x={xOf(index)}
                        y={yOf(value)}
                      />
                    ))
                  : null}
              </g>
            ),
          )}
        </svg>
      </div>
      <Legend
        patternId={patternId}
        items={series.map((s, index) => ({
          key: s.key,
          label: s.label,
          kind: index === 0 ? 'bar' : 'line',
          index,
        }))}
      />
      <ChartTable
        caption={`${title}, ${range}`}
        head={[dateHeading, ...series.map((s) => s.label)]}
        rows={dates.map((date, index) => ({
          key: date,
          header: tableDate(date),
          cells: series.map((s) => format(s.values[index] ?? 0)),
        }))}
      />
    </div>
  );
}
