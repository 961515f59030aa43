/// <reference types="office-js" />
import { connectBrowser } from '../../../tabs/src/host/browserHost';
import type { TokenRequest } from '../../../tabs/src/host/host';

/** Where the task pane runs: inside Outlook (Office.js, SSO, the open appointment) or a plain browser (local development). */
export interface AddinHost {
  kind: 'outlook' | 'browser';
  getToken(request?: TokenRequest): Promise<string>;
  /** The appointment being organised, when there is one to fill. */
  appointment: Office.AppointmentCompose | null;
}

const officeJs = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Outlook opens add-ins with `_host_Info` on the address (and in a frame on the web). */
function looksLikeOffice(): boolean {
  if (new URLSearchParams(window.location.search).has('_host_Info')) return true;
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

function loadOfficeJs(): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = officeJs;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('Office.js did not load.'));
    document.head.appendChild(script);
  });
}

async function connectOutlook(): Promise<AddinHost | null> {
  await loadOfficeJs();
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Outlook) return null;
  const item = Office.context.mailbox?.item as Office.AppointmentCompose | undefined;
  const isCompose = item !== undefined && typeof (item as Partial<Office.AppointmentCompose>).start?.setAsync === 'function';
  return {
    kind: 'outlook',
    // Office SSO: Outlook signs the person in with their Microsoft 365 account and returns a token for Upward's API.
    getToken: () => Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false }),
    appointment: isCompose ? item : null,
  };
}

/** Office.js comes from Microsoft's CDN only when Outlook hosts the pane; a plain browser signs in through the tab's browser sign-in. */
export async function connectAddinHost(): Promise<AddinHost> {
  if (looksLikeOffice()) {
    const outlook = await connectOutlook().catch(() => null);
    if (outlook) return outlook;
  }
  const browser = await connectBrowser();
  return { kind: 'browser', getToken: (request) => browser.getToken(request), appointment: null };
}
