import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/client';
import type { Me } from '../../../shared/api/me';
import type { Host } from '../host/host';

export interface AppServices {
  host: Host;
  api: ApiClient;
  me: Me;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside AppContext');
  return services;
}
