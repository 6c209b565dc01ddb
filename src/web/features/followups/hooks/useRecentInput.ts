import { useEffect, useState } from 'react';

const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Whether the person used this page (pointer, keyboard, scrolling) in the last `windowMs`. The
 * navigation's counts are polled only then: every request keeps the session alive, so polling an
 * unattended screen forever would defeat the idle sign-out (TRUST SC-4). Input while already
 * "recent" changes no state, so typing does not re-render the page.
 */
export function useRecentInput(windowMs: number): boolean {
  const [recent, setRecent] = useState(true);
  useEffect(() => {
    let seen = Date.now();
    const onInput = () => {
      seen = Date.now();
      setRecent(true);
    };
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { passive: true });
    const timer = window.setInterval(() => setRecent(Date.now() - seen < windowMs), 15_000);
    return () => {
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput);
      window.clearInterval(timer);
    };
  }, [windowMs]);
  return recent;
}
