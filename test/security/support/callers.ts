import { randomUUID } from 'node:crypto';
import type { ApiResponse } from '../../harness/testService';
import type { CallerKind, RouteExpectation } from '../routeExpectations';
import { people, type TwoTenantService, type World } from './world';

/** The token each kind of caller sends for a route (undefined: none). */
export async function tokenOf(service: TwoTenantService, kind: CallerKind, entry: RouteExpectation): Promise<string | undefined> {
  const self = entry.self === 'mentor' ? people.mentor : people.mentee;
  const partner = entry.self === 'mentor' ? people.mentee : people.mentor;
  switch (kind) {
    case 'anonymous':
      return undefined;
    case 'self':
      return service.token(self);
    case 'partner':
      return service.token(partner);
    case 'stranger':
      return service.token(people.stranger);
    case 'admin':
      return service.token(people.admin);
    case 'otherTenant':
      // The person who would be allowed here, signed in to the other tenant: same object id, other organisation.
      return service.token(entry.callers.self === 'forbidden' ? people.admin : self, service.tenantB);
  }
}

/** The same world with every id replaced: what a route answers for things that do not exist. */
export function missingWorld(world: World): World {
  return Object.fromEntries(Object.entries(world).map(([k, v]) => [k, k === 'tenantId' ? v : randomUUID()])) as unknown as World;
}

export async function call(service: TwoTenantService, entry: RouteExpectation, method: string, world: World, token: string | undefined): Promise<ApiResponse> {
  const body = entry.body?.(world);
  return service.api(method, entry.path(world), {
    token,
    body,
    headers: entry.contentType && body !== undefined ? { 'content-type': entry.contentType } : {},
  });
}

/** A response without what legitimately differs between two requests (the request's own address). */
export function comparable(response: ApiResponse) {
  const body = response.body && typeof response.body === 'object' ? { ...(response.body as Record<string, unknown>) } : response.body;
  if (body && typeof body === 'object') delete (body as Record<string, unknown>).instance;
  return { status: response.status, contentType: response.headers.get('content-type'), body };
}
