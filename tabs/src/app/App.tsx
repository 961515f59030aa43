import { FluentProvider, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { Me } from '../../../shared/api/me';
import { Loading } from '../common/Loading';
import { GuidesPage } from '../guides/GuidesPage';
import type { Host, ThemeName } from '../host/host';
import { MeetingPanel } from '../meeting/MeetingPanel';
import { meetingFromHash } from '../meeting/meetingRoute';
import { MeetingSetup } from '../meeting/MeetingSetup';
import { WorkspacePage } from '../workspace/WorkspacePage/WorkspacePage';
import { AppContext } from './appContext';
import { Shell } from './Shell/Shell';
import { useHashRoute } from './useHashRoute';

// Admin pages are for a few people: they load on demand, so the first view stays small.
const AdminPage = lazy(() => import('../admin/AdminPage'));

const themes = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

export function App({ host, api, me }: { host: Host; api: ApiClient; me: Me }) {
  const [themeName, setThemeName] = useState<ThemeName>(host.theme);
  const [route, navigate] = useHashRoute();
  useEffect(() => host.onThemeChange(setThemeName), [host]);
  useEffect(() => {
    // The page behind the app follows the theme too, so no light edge shows around it in a dark or high-contrast host.
    const root = document.documentElement;
    root.dataset.theme = themeName;
    root.style.backgroundColor = themes[themeName].colorNeutralBackground2;
    root.style.colorScheme = themeName === 'light' ? 'light' : 'dark';
  }, [themeName]);
  const services = useMemo(() => ({ host, api, me }), [host, api, me]);
  // Inside a meeting's side panel, and on its configuration page: the compact view, without the personal app's navigation.
  const meeting = route === 'meeting' ? meetingFromHash(window.location.hash) : null;
  return (
    // Fluent's own components mirror with the page's direction, set from the person's locale before the first render.
    <FluentProvider theme={themes[themeName]} dir={document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr'}>
      <AppContext.Provider value={services}>
        {route === 'meeting-setup' && <MeetingSetup />}
        {meeting && <MeetingPanel pairId={meeting.pairId} sessionId={meeting.sessionId} />}
        {route !== 'meeting-setup' && !meeting && (
          <Shell route={route} onNavigate={navigate}>
            {(route === 'workspace' || route === 'meeting') && <WorkspacePage />}
            {route === 'guides' && <GuidesPage />}
            {route === 'admin' && (
              <Suspense fallback={<Loading />}>
                <AdminPage />
              </Suspense>
            )}
          </Shell>
        )}
      </AppContext.Provider>
    </FluentProvider>
  );
}
