import { isHostMessage, promptText, relay, themes, type HostTheme, type Prompt, type RelayDeps } from './relay';

/**
 * The host page of Teams web and desktop: the tab in an iframe, teams-js's messages answered by
 * postMessage to the frame's origin only, theme switches as Teams' settings send them, and the
 * host's own consent and MFA prompts.
 */
const config = JSON.parse(document.getElementById('host-config')!.textContent!) as { contentOrigin: string };
const frame = document.querySelector<HTMLIFrameElement>('#tab')!;
const log = document.querySelector<HTMLUListElement>('#host-log')!;

const deps: RelayDeps = {
  async post(path, body) {
    const response = await fetch(`./${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`The host stand-in answered ${response.status}`);
    return response.status === 204 ? null : response.json();
  },
  ask,
};

function ask(prompt: Prompt): Promise<'accepted' | 'declined'> {
  const dialog = document.querySelector<HTMLDialogElement>('#host-prompt')!;
  dialog.querySelector('p')!.textContent = promptText[prompt];
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'accept' ? 'accepted' : 'declined'), { once: true });
  });
}

function note(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  log.append(item);
}

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== config.contentOrigin || !isHostMessage(event.data)) return;
  const message = event.data;
  if (message.func === 'executeDeepLink') note(`Opened ${String(message.args?.[0])}`);
  if (message.func === 'calendar.composeMeeting') note(`New meeting: ${JSON.stringify(message.args?.[0])}`);
  void relay(deps, message).then((reply) => {
    if (reply) frame.contentWindow?.postMessage(reply, config.contentOrigin);
  });
});

function changeTheme(theme: HostTheme): void {
  document.documentElement.dataset.theme = theme;
  frame.contentWindow?.postMessage({ func: 'themeChange', args: [theme] }, config.contentOrigin);
  void deps.post('events', { func: 'themeChange', args: [theme] });
}

for (const theme of themes) {
  document.querySelector(`[data-set-theme="${theme}"]`)?.addEventListener('click', () => changeTheme(theme));
}
