import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createBookingApi } from './api/bookingApi';
import { connectAddinHost } from './host/addinHost';
import { TaskPane } from './taskPane/TaskPane';

/** Connects to Outlook (or the browser), then renders the task pane. */
async function start() {
  const root = createRoot(document.getElementById('root')!);
  try {
    const host = await connectAddinHost();
    root.render(
      <FluentProvider theme={webLightTheme}>
        <TaskPane api={createBookingApi(host.getToken)} host={host} />
      </FluentProvider>,
    );
  } catch (error) {
    root.render(
      <main>
        <h1>Upward</h1>
        <p role="alert">Upward could not sign you in. {error instanceof Error ? error.message : ''}</p>
      </main>,
    );
  }
}

void start();
