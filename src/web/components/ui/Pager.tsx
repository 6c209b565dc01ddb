import { useTranslation } from 'react-i18next';
import { Button } from './Button';

export interface PagerProps {
  label: string;
  offset: number;
  limit: number;
  total: number;
  shown: number;
  onChange: (offset: number) => void;
}

/** Previous/next for a paged list, with where we are in words. */
export function Pager({ label, offset, limit, total, shown, onChange }: PagerProps) {
  const { t } = useTranslation();
  const from = total === 0 ? 0 : offset + 1;
  const to = offset + shown;
  return (
    <nav className="pager" aria-label={label}>
      <p className="pager__range">{t('common.range', { from, to, total })}</p>
      <div className="pager__buttons">
        <Button
          variant="secondary"
          disabled={offset === 0}
          onClick={() => onChange(Math.max(0, offset - limit))}
        >
          {t('common.previous')}
        </Button>
        <Button variant="secondary" disabled={to >= total} onClick={() => onChange(offset + limit)}>
          {t('common.next')}
        </Button>
      </div>
    </nav>
  );
}
