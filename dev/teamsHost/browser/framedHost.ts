import { isHostMessage, promptText, relay, themes, type HostTheme, type Prompt, type RelayDeps } from './relay';

/**
 * The host page of Teams web and desktop: the tab in an iframe, teams-js's messages answered by
 * postMessage to the frame's origin only, theme switches as Teams' settings send them, and the
 * host's own consent and MFA prompts.
 */
const config = JSON.parse(document.getElementById('host-config')!.textContent!) as { contentOrigin: string };
let frame = document.querySelector<HTMLIFrameElement>('#tab')!;
/** On a configuration page, Teams' Save button under it and what became of the save. */
const saveButton = document.querySelector<HTMLButtonElement>('#save');
const saveStatus = document.querySelector<HTMLParagraphElement>('#save-status');
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
  void relay(deps, message).then(async (reply) => {
    if (reply) frame.contentWindow?.postMessage(reply, config.contentOrigin);
    if (message.func === 'settings.setValidityState' && saveButton) saveButton.disabled = message.args?.[0] !== true;
    if (message.func === 'settings.save.success' || message.func === 'settings.save.failure') await afterSave();
  });
});

// Save asks the page to save (the handler it registered), then the host opens the saved tab.
async function pressSave(button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  const response = await fetch('./save', { method: 'POST' });
  if (!response.ok) {
    saveStatus!.textContent = ((await response.json()) as { error: { message: string } }).error.message;
    return;
  }
  saveStatus!.textContent = 'Saving…';
  frame.contentWindow?.postMessage({ func: 'settings.save', args: [{}] }, config.contentOrigin);
}
saveButton?.addEventListener('click', () => void pressSave(saveButton));

type SaveState = { kind: 'idle' | 'saving' } | { kind: 'saved'; tab: { contentUrl: string } } | { kind: 'failed'; reason: string };

async function afterSave(): Promise<void> {
  const state = (await (await fetch('./save')).json()) as SaveState;
  if (state.kind === 'failed') {
    saveStatus!.textContent = `Could not save: ${state.reason}`;
    saveButton!.disabled = false;
  } else if (state.kind === 'saved') {
    // The tab is added: Teams closes the dialog and opens the tab where it lives (in a meeting, the side panel).
    saveButton!.closest('.settings')?.remove();
    note(`Tab added: ${state.tab.contentUrl}`);
    config.contentOrigin = new URL(state.tab.contentUrl).origin;
    // A new frame, as Teams opens the tab: the same page with another hash would only change its hash, not start it again.
    const opened = document.createElement('iframe');
    opened.id = frame.id;
    opened.title = frame.title;
    opened.allow = frame.allow;
    opened.src = state.tab.contentUrl;
    frame.replaceWith(opened);
    frame = opened;
  }
}

function changeTheme(theme: HostTheme): void {
  document.documentElement.dataset.theme = theme;
  frame.contentWindow?.postMessage({ func: 'themeChange', args: [theme] }, config.contentOrigin);
  void deps.post('events', { func: 'themeChange', args: [theme] });
}

for (const theme of themes) {
  document.querySelector(`[data-set-theme="${theme}"]`)?.addEventListener('click', () => changeTheme(theme));
}
