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
import type { BookingApi, MeetingMode } from '../api/bookingApi';
import type { AddinHost } from '../host/addinHost';
import { useTaskPane } from './useTaskPane';
import { useTaskPaneStyles } from './useTaskPaneStyles.styles';

const when = (s: { start: string; end: string }) => {
  const start = new Date(s.start);
  const day = start.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  const time = (d: Date) => d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return `${day}, ${time(start)}–${time(new Date(s.end))}`;
};

/** Plans a session: the pair, in person or online, ranked times at neutral places; fill the appointment or book directly. */
export function TaskPane({ api, host }: { api: BookingApi; host: AddinHost }) {
  const styles = useTaskPaneStyles();
  const pane = useTaskPane(api, host);
  const { outcome } = pane;

  const suggestionCard = (s: SuggestionView, index: number) => (
    <li key={`${s.start}-${s.venue.ref ?? s.venue.kind}`}>
      <Card className={styles.card} aria-label={`Suggestion ${index + 1}: ${when(s)} at ${s.venue.displayName}`}>
        <Text weight="semibold">{when(s)}</Text>
        <Text>
          {s.venue.displayName} {s.fallback ? <Badge appearance="outline">Fallback</Badge> : null}
        </Text>
        <Text size={200} className={styles.why}>
          {s.neutrality}
        </Text>
        <div className={styles.actions}>
          {pane.canFill ? (
            <Button appearance="primary" disabled={pane.busy} onClick={() => void pane.fill(s)}>
              Fill this meeting
            </Button>
          ) : null}
          <Button appearance={pane.canFill ? 'secondary' : 'primary'} disabled={pane.busy} onClick={() => void pane.book(s)}>
            Book it for us
          </Button>
        </div>
      </Card>
    </li>
  );

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
      {pane.pairId ? (
        <RadioGroup layout="horizontal" aria-label="Where to meet" value={pane.mode} onChange={(_e, d) => pane.setMode(d.value as MeetingMode)}>
          <Radio value="room" label="Meeting room" />
          <Radio value="offsite" label="Off-site" />
          <Radio value="online" label="Online" />
          <Radio value="any" label="Any" />
        </RadioGroup>
      ) : null}

      {outcome?.kind === 'booked' ? (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Booked</MessageBarTitle>
            {when({ start: outcome.session.startsAt, end: outcome.session.endsAt })} at {outcome.session.venue.displayName}. The private invitation “{outcome.session.subject}” is on its way to you both.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === 'filled' ? (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Filled in</MessageBarTitle>
            Check the meeting and send it. Set it to private in Outlook before sending.
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
                  Book the next: {when(outcome.next)} at {outcome.next.venue.displayName}
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

      {pane.loading ? <Spinner label="Looking for times and neutral places…" /> : null}
      {pane.list && pane.list.suggestions.length === 0 ? <Text>No time suits you both in the next two weeks. Try the other way of meeting.</Text> : null}
      {pane.list && pane.list.suggestions.length > 0 ? (
        <section aria-label="Suggestions">
          <ul className={styles.list}>{pane.list.suggestions.map(suggestionCard)}</ul>
        </section>
      ) : null}
    </main>
  );
}
