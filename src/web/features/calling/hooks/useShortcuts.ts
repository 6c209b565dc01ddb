import { useEffect, useRef } from 'react';

/** Where typed letters are text, not commands. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return false;
}

export interface ShortcutEvent {
  /** The letter pressed, lower case, whatever the keyboard layout does with Alt. */
  letter: string | undefined;
  /** Ctrl+Enter (⌘+Enter on a Mac). */
  submit: boolean;
  event: KeyboardEvent;
}

/**
 * Single-letter shortcuts while focus is not in a text field, and Alt+letter anywhere. Nothing
 * fires while a dialog is open: its own buttons have the keyboard then.
 */
export function useShortcuts(handler: (shortcut: ShortcutEvent) => boolean) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      if (document.querySelector('dialog[open]')) return;
      const submit = event.key === 'Enter' && (event.ctrlKey || event.metaKey);
      let letter: string | undefined;
      if (!submit) {
        if (event.ctrlKey || event.metaKey || event.shiftKey) return;
        if (isTextEntry(event.target) && !event.altKey) return;
        // Alt changes the character on some layouts (⌥R is ® on a Mac): read the key's place.
        const match = /^Key([A-Z])$/.exec(event.code);
        letter = event.altKey ? match?.[1]?.toLowerCase() : event.key.toLowerCase();
        if (letter === undefined || letter.length !== 1) return;
      }
      if (latest.current({ letter, submit, event })) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
