import { isHostMessage, relay, type HostTheme, type Prompt, type RelayDeps } from './relay';

/**
 * What Teams mobile injects into the webview that shows a tab: no frame, so teams-js calls
 * `window.nativeInterface.framelessPostMessage(json)` and the host answers by calling
 * `window.onNativeMessage({ data })` (teams-js internal/communication.js). Where the host
 * recommends nested app authentication it also injects `window.nestedAppAuthBridge`, since
 * teams-js polyfills that bridge only inside frames. The native app's own side is played by
 * the functions the test harness exposes.
 */
declare global {
  interface Window {
    upwardTeamsHostPost(path: string, body: string): Promise<string>;
    upwardTeamsHostAsk(prompt: Prompt): Promise<'accepted' | 'declined'>;
    onNativeMessage?: (event: { data: unknown }) => void;
    upwardTeamsHost: { changeTheme(theme: HostTheme): void };
    /** Set by the stand-in ahead of this script (see teamsHostRouter). */
    upwardTeamsHostConfig: { nestedAppAuth: boolean };
  }
}

const config = window.upwardTeamsHostConfig;

const deps: RelayDeps = {
  post: async (path, body) => {
    const text = await window.upwardTeamsHostPost(path, JSON.stringify(body));
    return text ? (JSON.parse(text) as unknown) : null;
  },
  ask: (prompt) => window.upwardTeamsHostAsk(prompt),
};

const deliver = (data: unknown) => window.onNativeMessage?.({ data });

Object.defineProperty(window, 'nativeInterface', {
  value: {
    framelessPostMessage(json: string) {
      const message: unknown = JSON.parse(json);
      if (!isHostMessage(message)) return;
      void relay(deps, message).then((reply) => {
        if (reply) deliver(reply);
      });
    },
  },
});

let nextNaaId = 1;
if (config.nestedAppAuth) {
  const listeners: ((response: string) => void)[] = [];
  Object.defineProperty(window, 'nestedAppAuthBridge', {
    value: {
      addEventListener: (type: string, listener: (response: string) => void) => {
        if (type === 'message') listeners.push(listener);
      },
      removeEventListener: (_type: string, listener: (response: string) => void) => {
        listeners.splice(listeners.indexOf(listener), 1);
      },
      postMessage(json: string) {
        void relay(deps, { id: nextNaaId++, func: 'nestedAppAuth.execute', args: [], data: json }).then((reply) => {
          const response = (reply as { args?: unknown[] } | null)?.args?.[1];
          if (typeof response === 'string') for (const listener of listeners) listener(response);
        });
      },
    },
  });
}

window.upwardTeamsHost = {
  changeTheme(theme) {
    deliver({ func: 'themeChange', args: [theme] });
    void deps.post('events', { func: 'themeChange', args: [theme] });
  },
};
