import { useSyncExternalStore } from 'react';

export type Route = 'workspace' | 'guides' | 'admin' | 'meeting' | 'meeting-setup';
const routes: readonly Route[] = ['workspace', 'guides', 'admin', 'meeting', 'meeting-setup'];

function current(): Route {
  const name = window.location.hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (routes as readonly string[]).includes(name) ? (name as Route) : 'workspace';
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * The page named by the hash (`#/workspace`, `#/guides`, `#/admin`, `#/meeting/…` in a meeting's
 * side panel, `#/meeting-setup` for the meeting tab's configuration page), as the Teams manifest links them.
 */
export function useHashRoute(): [Route, (route: Route) => void] {
  const route = useSyncExternalStore(subscribe, current);
  return [route, (next) => (window.location.hash = `#/${next}`)];
}
