import { type ApiClient, createApiClient } from '../../../shared/api/apiClient';
import type { Host } from '../host/host';
import { currentLocale, t } from '../i18n';

export type { ApiClient };

/**
 * The Upward API as the tab calls it: the host's Entra ID token, and when Microsoft 365 needs the
 * person's consent or MFA first, the host asks them (with the claims challenge) and the call is
 * sent once more.
 */
export function tabApiClient(host: Pick<Host, 'getToken'>): ApiClient {
  return createApiClient({
    fetch: (url, init) => fetch(url, init),
    getToken: () => host.getToken(),
    reauthenticate: (claims) => host.getToken({ interactive: true, claims }),
    texts: { title: t('errors.title'), network: t('errors.network'), unknown: t('errors.unknown') },
    acceptLanguage: currentLocale(),
  });
}
