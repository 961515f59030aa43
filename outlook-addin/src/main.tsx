import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createBookingApi } from './api/bookingApi';
import { type AddinHost, connectAddinHost } from './host/addinHost';
import type { PaneTheme } from './host/officeTheme';
import { TaskPane } from './taskPane/TaskPane';
import { loadLanguage, t } from './i18n';

const themes = { light: webLightTheme, dark: webDarkTheme } as const;

/** The pane in Outlook's theme, following it when the person changes it; on a too-old Outlook, only the reason. */
function App({ host }: { host: AddinHost }) {
  const [theme, setTheme] = useState<PaneTheme>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  return (
    <FluentProvider theme={themes[theme]} dir={document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr'} style={{ minHeight: '100vh' }}>
      {host.tooOld ? (
        <main>
          <h1>{t('appName')}</h1>
          <p role="alert">{host.tooOld}</p>
        </main>
      ) : (
        <TaskPane api={createBookingApi(host.getToken)} host={host} />
      )}
    </FluentProvider>
  );
}

/** The pane's language, and its window title in it (the page's own title is only the product's name). */
async function speak(requested: readonly (string | undefined)[]) {
  await loadLanguage(requested);
  document.title = t('pane.title');
}

/** Connects to Outlook (or the browser) in the person's language, then renders the task pane. */
async function start() {
  const root = createRoot(document.getElementById('root')!);
  // Until Outlook says which language the person uses (its display language), the browser's languages speak for them.
  await speak(navigator.languages);
  root.render(<p role="status">{t('loading')}</p>);
  try {
    const host = await connectAddinHost((displayLanguage) => speak([displayLanguage, ...navigator.languages]));
    root.render(<App host={host} />);
  } catch (error) {
    root.render(
      <main>
        <h1>{t('appName')}</h1>
        <p role="alert">
          {t('signIn.failed')} {error instanceof Error ? error.message : ''}
        </p>
      </main>,
    );
  }
}

void start();
