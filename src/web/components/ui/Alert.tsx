import type { ReactNode } from 'react';

export interface AlertProps {
  tone: 'error' | 'success' | 'info';
  title?: string;
  children: ReactNode;
}

/**
 * A message box. Errors use role="alert" so they are announced as soon as they appear; for
 * success and progress use StatusMessage, whose live region exists before its text changes.
 */
export function Alert({ tone, title, children }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : undefined}>
      {title ? <p className="alert__title">{title}</p> : null}
      <div className="alert__body">{children}</div>
    </div>
  );
}

/** A polite live region, always rendered, so screen readers announce each new message. */
export function StatusMessage({ message }: { message: string | undefined }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className={message ? 'alert alert--success' : 'status-empty'}
    >
      {message ?? ''}
    </div>
  );
}

/** Announced while data loads; shown as plain text, not an animation. */
export function Loading({ label }: { label: string }) {
  return (
    <p role="status" className="loading">
      {label}
    </p>
  );
}
