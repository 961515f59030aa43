import type { Me } from '../../shared/api/me';
import { Router } from 'express';
import type { AppDeps } from '../appDeps';
import { callerOf } from '../auth/authenticate';
import type { Caller } from '../auth/caller';
import type { DirectoryPerson } from '../directory/directory';

/** What the caller may see of themself: token facts and a few directory facts, never their reporting line. */
function presentMe(caller: Caller, person: (DirectoryPerson & { hasPhoto: boolean }) | null): Me {
  return {
    tenantId: caller.tenantId,
    userId: caller.userId,
    displayName: caller.name,
    username: caller.username,
    roles: caller.roles,
    isAdmin: caller.isAdmin,
    directory: person && {
      department: person.department,
      jobTitle: person.jobTitle,
      officeLocation: person.officeLocation,
      hasPhoto: person.hasPhoto,
    },
  };
}

/** The signed-in caller, as the token proves them and the directory describes them. */
export function meRoutes({ directory, logger }: Pick<AppDeps, 'directory' | 'logger'>): Router {
  const router = Router();
  router.get('/me', async (req, res) => {
    const caller = callerOf(req);
    let person: (DirectoryPerson & { hasPhoto: boolean }) | null = null;
    try {
      person = await directory.profile(caller.tenantId, caller.userId);
    } catch (error) {
      // Who the caller is does not depend on Graph answering; the tab shows less until it does.
      logger.warn({ err: error }, 'directory facts for /api/me unavailable');
    }
    res.json(presentMe(caller, person));
  });
  return router;
}
