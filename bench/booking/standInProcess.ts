import { DEMO_PERSONAS } from '../../dev/demoOrg/personas';
import { startM365StandIn } from '../../dev/m365StandIn';
import { standInEnvironment } from '../../dev/standInEnvironment';

/** What the booking benchmark's service process needs to know of the stand-in it books against. */
export interface StandInFacts {
  url: string;
  tenantId: string;
  /** The variables that point Upward at it (managed identity included). */
  environment: Record<string, string>;
  /** The stand-in's meeting rooms (executive rooms left out), in its order. */
  rooms: { id: string; displayName: string; emailAddress: string; floorNumber: number | null; capacity: number | null }[];
  /** The two people who book: what the directory sync would have stored of them. */
  people: { id: string; displayName: string; mail: string; department: string | null; officeLocation: string | null; city: string | null }[];
}

/**
 * The Microsoft 365 stand-in in its own process, so the benchmark's CPU figure is the service's
 * alone (the stand-in's getSchedule and batch work would otherwise count as Upward's). It tells
 * its parent the facts above, then serves (and says how much CPU it has used) until it is told to stop.
 */
async function main() {
  const standIn = await startM365StandIn({ port: 0, seed: 'upward', size: 300 });
  const people = [DEMO_PERSONAS.seniorLeader.id, DEMO_PERSONAS.juniorMentor.id].map((id) => {
    const { user } = standIn.org.byId.get(id)!;
    return { id, displayName: user.displayName, mail: user.mail, department: user.department ?? null, officeLocation: user.officeLocation ?? null, city: user.city ?? null };
  });
  const rooms = standIn.org.rooms
    .filter((r) => !r.tags.includes('executive'))
    .map((r) => ({ id: r.id, displayName: r.displayName, emailAddress: r.emailAddress, floorNumber: r.floorNumber ?? null, capacity: r.capacity ?? null }));
  const facts: StandInFacts = { url: standIn.url, tenantId: standIn.tenantId, environment: standInEnvironment(standIn), rooms, people };
  process.send!(facts);
  // 'cpu' asks for this process's CPU so far (the stand-in's own work, which the time a booking includes); anything else stops it.
  process.on('message', (message) => {
    if (message === 'cpu') process.send!({ cpu: process.cpuUsage() });
    else void standIn.stop().then(() => process.exit(0));
  });
}

void main();
