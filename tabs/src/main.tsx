import { createRoot } from 'react-dom/client';
import { tabApiClient } from './api/client';
import type { Me } from '../../shared/api/me';
import { App } from './app/App';
import { connectHost } from './host/connectHost';
import { loadLanguage, t } from './i18n';

/** Connects to the host (Teams or the browser), learns who is signed in and their language, then renders. */
async function start() {
  const root = createRoot(document.getElementById('root')!);
  // Until the host says which language the person uses (Teams' app.locale), the browser's languages speak for them.
  await loadLanguage(navigator.languages);
  // Connecting can take a while when the host is slow to answer; say so rather than show a blank page.
  root.render(<p role="status">{t('loading')}</p>);
  try {
    const host = await connectHost();
    if (host.locale) await loadLanguage([host.locale, ...navigator.languages]);
    const api = tabApiClient(host);
    const me = await api.get<Me>('/me');
    root.render(<App host={host} api={api} me={me} />);
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
