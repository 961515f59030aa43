import { Router } from 'express';
import { callerOf } from '../auth/authenticate';

/** The signed-in caller, as the token proves them. */
export function meRoutes(): Router {
  const router = Router();
  router.get('/me', (req, res) => {
    const caller = callerOf(req);
    res.json({
      tenantId: caller.tenantId,
      userId: caller.userId,
      displayName: caller.name,
      username: caller.username,
      roles: caller.roles,
      isAdmin: caller.isAdmin,
    });
  });
  return router;
}
