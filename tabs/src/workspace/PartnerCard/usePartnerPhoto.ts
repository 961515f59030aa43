import { useEffect, useState } from 'react';
import type { WorkspaceApi } from '../../api/workspaceApi';

/**
 * The partner's profile photo as an object URL (the API needs the bearer token, so an <img src>
 * cannot fetch it itself); null while loading, when there is none, or when it fails, so the
 * initials show instead. The URL is released when the pair changes or the card goes away.
 */
export function usePartnerPhoto(calls: WorkspaceApi, pairId: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let created: string | null = null;
    calls.partnerPhoto(pairId).then(
      (blob) => {
        if (!live || !blob) return;
        created = URL.createObjectURL(blob);
        setUrl(created);
      },
      // A photo is a nicety: the initials stand in for it whatever went wrong.
      () => undefined,
    );
    return () => {
      live = false;
      setUrl(null);
      if (created) URL.revokeObjectURL(created);
    };
  }, [calls, pairId]);
  return url;
}
