import { Link, Text } from '@fluentui/react-components';
import type { BookedSession } from '../../../shared/api/booking';
import { sessionWhen } from './sessionText';

/** A booked session's time in the person's zone and its place: the address of an off-site venue, the join link of a Teams meeting. */
export function SessionSummary({ session }: { session: BookedSession }) {
  return (
    <>
      <Text weight="semibold">{sessionWhen(session)}</Text>
      <Text>
        {session.venue.displayName ?? 'Place not recorded'}
        {session.address ? `, ${session.address}` : null}
      </Text>
      {session.joinUrl ? (
        <Link href={session.joinUrl} target="_blank" rel="noreferrer">
          Join the Teams meeting
        </Link>
      ) : null}
    </>
  );
}
