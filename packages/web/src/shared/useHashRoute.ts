import { useCallback, useSyncExternalStore } from 'react';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

const read = () => window.location.hash.replace(/^#\/?/, '');

/** The screen lives in the hash (#/users …), so the browser's back button works without a router. */
export function useHashRoute(): [string, (route: string) => void] {
  const route = useSyncExternalStore(subscribe, read, () => '');
  const go = useCallback((next: string) => {
    window.location.hash = next ? `#/${next}` : '';
  }, []);
  return [route, go];
}
