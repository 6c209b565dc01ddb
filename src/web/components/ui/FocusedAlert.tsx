import { useEffect, useRef, type ReactNode } from 'react';

export interface FocusedAlertProps {
  title?: string;
  /** Each new value (a new failure) moves focus to the message. */
  focusKey: unknown;
  children: ReactNode;
}

/**
 * An error message that takes focus when it appears, so it is read out at once and the keyboard
 * continues from it, for failures that are not tied to one form field.
 */
export function FocusedAlert({ title, focusKey, children }: FocusedAlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  return (
    <div ref={ref} tabIndex={-1} className="alert alert--error" role="alert">
      {title ? <p className="alert__title">{title}</p> : null}
      <div className="alert__body">{children}</div>
    </div>
  );
}
