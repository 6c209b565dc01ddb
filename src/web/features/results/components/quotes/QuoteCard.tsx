import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../../shared/schemas/results.js';
import { currentLanguage } from '../../../../app/i18n';
import { formatDate } from '../../../../components/charts/format';
import { attributionText } from '../figures';

export interface QuoteCardProps {
  quote: Quote;
  /** Buttons under the quote: Copy, Approve, Hide… */
  actions: (tools: { reasonId: string; name: string }) => ReactNode;
  /** Show whether the patron agreed to publication (moderation). */
  withConsent?: boolean;
}

/** The id of a quote's words on the page, to select them. */
export const quoteTextId = (id: number) => `quote-${id}-text`;

/** Selects a quote's words, for copying by hand when the browser will not copy them. */
export function selectQuoteText(id: number): void {
  const node = document.getElementById(quoteTextId(id));
  const selection = window.getSelection();
  if (node && selection) selection.selectAllChildren(node);
}

/** A quote as it may be shown: the words, who said them (as allowed), the campaign and day. */
export function QuoteCard({ quote, actions, withConsent = false }: QuoteCardProps) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const reasonId = useId();
  const name = attributionText(quote, t('results.quotes.anonymous'));
  return (
    <li className="quote-card">
      <figure className="quote">
        <blockquote id={quoteTextId(quote.id)} className="quote__text">
          <p>{quote.text}</p>
        </blockquote>
        <figcaption className="quote__by">— {name}</figcaption>
      </figure>
      <p className="quote-card__meta">
        {t('results.quotes.meta', {
          campaign: quote.campaignName,
          date: formatDate(quote.createdAt, ui),
        })}
      </p>
      {withConsent ? (
        <p
          id={reasonId}
          className={
            quote.consent ? 'quote-card__consent' : 'quote-card__consent quote-card__consent--no'
          }
        >
          {quote.consent ? t('results.quotes.consent') : t('results.quotes.noConsent')}
        </p>
      ) : null}
      <div className="quote-card__actions">{actions({ reasonId, name })}</div>
    </li>
  );
}
