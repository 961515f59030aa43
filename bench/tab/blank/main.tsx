import { FluentProvider, Text, teamsLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

/** The comparison for the tab benchmark: React 19 and Fluent UI v9 with nothing of Upward. */
createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={teamsLightTheme}>
    <main>
      <Text as="h1">Blank</Text>
    </main>
  </FluentProvider>,
);
