export interface LegendItem {
  key: string;
  label: string;
  /** How the series is drawn: a bar or column (filled), or a line with markers. */
  kind: 'bar' | 'line';
  /** The series' place: its colour, pattern and marker. */
  index: number;
}

/** Small pictures of each series' fill or line: they match the chart's (pattern, marker, dash). */
export function Swatch({
  kind,
  index,
  patternId,
}: {
  kind: LegendItem['kind'];
  index: number;
  patternId: string;
}) {
  return (
    <svg className="chart-legend__swatch" viewBox="0 0 24 16" aria-hidden="true" focusable="false">
      {kind === 'bar' ? (
        <rect
          className={`chart-fill chart-fill--${index}`}
          x="1"
          y="1"
          width="22"
          height="14"
          fill={index === 1 ? `url(#${patternId})` : undefined}
        />
      ) : (
        <>
          <line className={`chart-line chart-line--${index}`} x1="1" y1="8" x2="23" y2="8" />
          <Marker index={index} x={12} y={8} />
        </>
      )}
    </svg>
  );
}

/** A point of a line series: a circle for the second series, a square for the third. */
export function Marker({ index, x, y }: { index: number; x: number; y: number }) {
  const className = `chart-marker chart-marker--${index}`;
  return index % 2 === 1 ? (
    <circle className={className} cx={x} cy={y} r="3.5" />
  ) : (
    <rect className={className} x={x - 3.5} y={y - 3.5} width="7" height="7" />
  );
}

/** The hatching of the second series, so colour is not the only difference. */
export function Hatch({ id }: { id: string }) {
  return (
    <svg className="chart-defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6">
          <rect className="chart-hatch__ground" width="6" height="6" />
          <path className="chart-hatch__line" d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" />
        </pattern>
      </defs>
    </svg>
  );
}

export function Legend({ items, patternId }: { items: readonly LegendItem[]; patternId: string }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.key} className="chart-legend__item">
          <Swatch kind={item.kind} index={item.index} patternId={patternId} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
