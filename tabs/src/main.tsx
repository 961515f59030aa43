import { createRoot } from 'react-dom/client';
import { tabApiClient } from './api/client';
import type { Me } from '../../shared/api/me';
import { App } from './app/App';
import { connectHost } from './host/connectHost';
import { messages } from './messages';

/** Connects to the host (Teams or the browser), learns who is signed in, then renders. */
async function start() {
  const root = createRoot(document.getElementById('root')!);
  // Connecting can take a while when the host is slow to answer; say so rather than show a blank page.
  root.render(<p role="status">{messages.loading}</p>);
  try {
    const host = await connectHost();
    const api = tabApiClient(host);
    const me = await api.get<Me>('/me');
    root.render(<App host={host} api={api} me={me} />);
  } catch (error) {
    root.render(
      <main>
        <h1>{messages.appName}</h1>
        <p role="alert">
          {messages.signIn.failed} {error instanceof Error ? error.message : ''}
        </p>
      </main>,
    );
  }
}

void start();
