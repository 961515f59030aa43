import {
  Badge,
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  Title3,
} from '@fluentui/react-components';
import type { SuggestionView } from '../../../shared/api/booking';
import type { FillResult } from '../office/appointment';
import type { BookingApi, MeetingMode } from '../api/bookingApi';
import type { AddinHost } from '../host/addinHost';
import { SessionSummary } from './SessionSummary';
import { day, invitationText, noSlotText, sessionWhen, when } from './sessionText';
import { UpcomingSessions } from './UpcomingSessions';
import { useTaskPane } from './useTaskPane';
import { useTaskPaneStyles } from './useTaskPaneStyles.styles';

const modeLabels: Record<MeetingMode, string> = { room: 'Meeting room', offsite: 'Off-site', online: 'Online', any: 'Any', 'in-person': 'In person' };

/** What the organizer checks before sending a filled appointment, and what is left for them to do by hand. */
function filledText(s: SuggestionView, left: FillResult): string {
  const parts = [`Check the meeting and send it: ${s.venue.kind === 'room' ? `${s.venue.displayName} is invited and is booked when you send; ` : ''}your partner is invited, and the workspace link is in the body.`];
  parts.push(left.setPrivateByHand ? 'This Outlook cannot mark it private from here: set it to private before sending.' : 'It is marked private.');
  if (left.turnOnTeamsMeeting) parts.push('Turn on “Teams meeting” in the meeting before sending (add-ins cannot), or use “Book it for us”, which makes it a Teams meeting.');
  return parts.join(' ');
}

/**
 * Plans a pair's sessions: their upcoming sessions first (reschedule, cancel), then ranked times at
 * neutral places (neutral first, fallbacks labelled) to book or to fill the open appointment with,
 * and, when there is none, why and what would help.
 */
export function TaskPane({ api, host }: { api: BookingApi; host: AddinHost }) {
  const styles = useTaskPaneStyles();
  const pane = useTaskPane(api, host);
  const { outcome, list, moving } = pane;

  const suggestionCard = (s: SuggestionView, index: number) => (
    <li key={`${s.start}-${s.venue.ref ?? s.venue.kind}`}>
      <Card className={styles.card} aria-label={`Suggestion ${index + 1}: ${when(s)} at ${s.venue.displayName}`}>
        <Text weight="semibold">{when(s)}</Text>
        {moving ? null : (
          <Text>
            {s.venue.displayName}
            {s.venue.address ? `, ${s.venue.address}` : null} {s.fallback ? <Badge appearance="outline">Fallback</Badge> : null}
          </Text>
        )}
        {moving ? null : (
          <Text size={200} className={styles.why}>
            {s.neutrality}
          </Text>
        )}
        <div className={styles.actions}>
          {pane.canFill ? (
            <Button appearance="primary" disabled={pane.busy} onClick={() => void pane.fill(s)}>
              Fill this meeting
            </Button>
          ) : null}
          <Button appearance={pane.canFill ? 'secondary' : 'primary'} disabled={pane.busy} onClick={() => void pane.book(s)}>
            {moving ? 'Move it here' : 'Book it for us'}
          </Button>
        </div>
      </Card>
    </li>
  );

  const neutral = list?.suggestions.filter((s) => !s.fallback) ?? [];
  const fallback = list?.suggestions.filter((s) => s.fallback) ?? [];
  const noSlot = list?.noSlot ? noSlotText(list.noSlot, pane.mode) : null;

  return (
    <main className={styles.root}>
      <Title3 as="h1">Plan an Upward session</Title3>
      {pane.pairs === null && !outcome ? <Spinner label="Finding your pair…" /> : null}
      {pane.pairs?.length === 0 ? <Text>You have no active pair yet. Once you and your partner accept the pair, you can plan sessions here.</Text> : null}
      {pane.pairs && pane.pairs.length > 1 ? (
        <Field label="Pair">
          <Select value={pane.pairId ?? ''} onChange={(_e, d) => pane.setPairId(d.value)}>
            {pane.pairs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.partner.displayName} ({p.programme.name})
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {pane.pairs?.length === 1 ? <Text>With {pane.pairs[0]!.partner.displayName}</Text> : null}

      {outcome?.kind === 'booked' || outcome?.kind === 'moved' ? (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{outcome.kind === 'booked' ? 'Booked' : 'Moved'}</MessageBarTitle>
            <div className={styles.card}>
              <SessionSummary session={outcome.session} />
              <Text>{invitationText(outcome.session)}</Text>
            </div>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === 'cancelled' ? (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Cancelled</MessageBarTitle>
            The session on {sessionWhen(outcome.session)} is cancelled; you both receive the cancellation{outcome.session.venue.kind === 'room' ? ', and the room is released' : ''}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === 'exists' ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Already booked</MessageBarTitle>
            {outcome.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === 'filled' ? (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Filled in</MessageBarTitle>
            {filledText(outcome.suggestion, outcome.left)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === 'taken' ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Taken meanwhile</MessageBarTitle>
            {outcome.message}
            {outcome.next ? (
              <div className={styles.actions}>
                <Button disabled={pane.busy} onClick={() => void pane.book(outcome.next!)}>
                  {moving ? 'Move it to' : 'Book'} the next: {when(outcome.next)}
                  {moving ? '' : ` at ${outcome.next.venue.displayName}`}
                </Button>
              </div>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === 'error' ? (
        <MessageBar intent="error">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      ) : null}

      {pane.upcoming ? <UpcomingSessions sessions={pane.upcoming} busy={pane.busy} moving={moving} onMove={pane.startMoving} onCancel={pane.cancel} /> : null}

      {pane.pairId ? (
        <Text as="h2" weight="semibold">
          {moving ? `Move the session on ${sessionWhen(moving)} (same place) to` : pane.upcoming?.length ? 'Book another session' : 'Book a session'}
        </Text>
      ) : null}
      {pane.pairId && !moving ? (
        <RadioGroup layout="horizontal" aria-label="Where to meet" value={pane.mode} onChange={(_e, d) => pane.setMode(d.value as MeetingMode)}>
          {(['in-person', 'room', 'offsite', 'online'] as const).map((m) => (
            <Radio key={m} value={m} label={modeLabels[m]} />
          ))}
        </RadioGroup>
      ) : null}
      {pane.from ? <Text>Looking from {day(pane.from)}.</Text> : null}

      {pane.loading ? <Spinner label="Looking for times and neutral places…" /> : null}
      {noSlot ? (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>{noSlot.title}</MessageBarTitle>
            {noSlot.text}
            <div className={styles.actions}>
              {noSlot.retryFrom ? <Button onClick={() => pane.lookFrom(noSlot.retryFrom)}>Look from {day(noSlot.retryFrom)}</Button> : null}
              {noSlot.modes.map((m) => (
                <Button key={m} onClick={() => pane.setMode(m)}>
                  Try {modeLabels[m].toLowerCase()}
                </Button>
              ))}
            </div>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {neutral.length > 0 ? (
        <section aria-label="Suggestions" className={styles.section}>
          <ul className={styles.list}>{neutral.map(suggestionCard)}</ul>
        </section>
      ) : null}
      {fallback.length > 0 ? (
        <section aria-label="Fallback rooms" className={styles.section}>
          <Text as="h3" weight="semibold">
            Fallback rooms
          </Text>
          <Text size={200} className={styles.why}>
            In a building one of you works in, on neither of your home floors: used only when no neutral place is free.
          </Text>
          <ul className={styles.list}>{fallback.map((s, i) => suggestionCard(s, neutral.length + i))}</ul>
        </section>
      ) : null}
    </main>
  );
}
