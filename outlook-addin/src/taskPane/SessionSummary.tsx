import { Link, Text } from '@fluentui/react-components';
import type { BookedSession } from '../../../shared/api/booking';
import { t } from '../i18n';
import { sessionWhen } from './sessionText';

/** A booked session's time in the person's zone and its place: the address of an off-site venue, the join link of a Teams meeting. */
export function SessionSummary({ session }: { session: BookedSession }) {
  return (
    <>
      <Text weight="semibold">{sessionWhen(session)}</Text>
      <Text>
        {session.address ? t('placeWithAddress', { place: session.venue.displayName ?? t('summary.noPlace'), address: session.address }) : (session.venue.displayName ?? t('summary.noPlace'))}
      </Text>
      {session.joinUrl ? (
        <Link href={session.joinUrl} target="_blank" rel="noreferrer">
          {t('summary.join')}
        </Link>
      ) : null}
    </>
  );
}
