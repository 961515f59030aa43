import type { TeamsHostSession } from './hostSession';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside a <script> element: `<` escaped so no value can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The page of Teams web or desktop that hosts the tab: a bar with the signed-in person and the
 * theme switch Teams' settings offer, the tab's iframe, what the tab asked the host to open, and
 * the dialog in which the host asks for consent or MFA; on a configuration page, Teams' Save button.
 */
export function renderHostPage(session: TeamsHostSession, personName: string): string {
  const contentUrl = session.options.contentUrl;
  // Teams' dialog for adding a configurable tab: the app's configuration page and Teams' own Save button under it.
  const settings = session.options.frameContext === 'settings';
  return `<!doctype html>
<html lang="en" data-theme="${escapeHtml(session.theme)}">
<head>
<meta charset="utf-8">
<title>Upward in Teams (host stand-in)</title>
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
  html { background: #f5f5f5; color: #242424; }
  html[data-theme="dark"] { background: #1f1f1f; color: #fff; }
  html[data-theme="contrast"] { background: #000; color: #fff; }
  body { display: grid; grid-template-rows: auto 1fr auto; }
  header { display: flex; gap: 12px; align-items: center; padding: 8px 16px; background: #4b53bc; color: #fff; }
  header .who { margin-inline-start: auto; }
  iframe { border: 0; width: 100%; height: 100%; }
  footer { max-height: 8em; overflow: auto; font-size: 12px; padding: 0 16px; }
  .settings { display: flex; gap: 12px; align-items: center; justify-content: flex-end; padding: 8px 0; }
</style>
</head>
<body>
<header>
  <strong>Teams</strong>
  <span>Theme:</span>
  <button type="button" data-set-theme="default">Light</button>
  <button type="button" data-set-theme="dark">Dark</button>
  <button type="button" data-set-theme="contrast">High contrast</button>
  <span class="who">Signed in as ${escapeHtml(personName)} (${escapeHtml(session.options.hostClientType)}, ${escapeHtml(session.options.frameContext)})</span>
</header>
<iframe id="tab" title="Upward" src="${escapeHtml(contentUrl)}" allow="clipboard-write; fullscreen"></iframe>
<footer>
${settings ? '<div class="settings"><p id="save-status" role="status"></p><button type="button" id="save" disabled>Save</button></div>' : ''}
<ul id="host-log" aria-label="Opened by the tab"></ul>
</footer>
<dialog id="host-prompt" aria-labelledby="host-prompt-title">
  <form method="dialog">
    <h2 id="host-prompt-title">Permissions requested</h2>
    <p></p>
    <button value="accept">Accept</button>
    <button value="cancel">Cancel</button>
  </form>
</dialog>
<script type="application/json" id="host-config">${scriptJson({ contentOrigin: new URL(contentUrl).origin })}</script>
<script src="./host.js"></script>
</body>
</html>`;
}
