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
import { label, t } from '../i18n';
import { SessionSummary } from './SessionSummary';
import { day, invitationText, noSlotText, sessionWhen, when } from './sessionText';
import { UpcomingSessions } from './UpcomingSessions';
import { useTaskPane } from './useTaskPane';
import { useTaskPaneStyles } from './useTaskPaneStyles.styles';

/** What the organizer checks before sending a filled appointment, and what is left for them to do by hand. */
function filledText(s: SuggestionView, left: FillResult): string {
  const parts = [t('filled.check', { room: s.venue.kind === 'room' ? s.venue.displayName : 'none' })];
  parts.push(left.setPrivateByHand ? t('filled.setPrivate') : t('filled.private'));
  if (left.turnOnTeamsMeeting) parts.push(t('filled.teamsMeeting'));
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
      <Card className={styles.card} aria-label={t('suggestion.label', { number: index + 1, when: when(s), place: s.venue.displayName })}>
        <Text weight="semibold">{when(s)}</Text>
        {moving ? null : (
          <Text>
            {s.venue.address ? t('placeWithAddress', { place: s.venue.displayName, address: s.venue.address }) : s.venue.displayName} {s.fallback ? <Badge appearance="outline">{t('suggestion.fallback')}</Badge> : null}
          </Text>
        )}
        {moving ? null : (
          <Text size={200} className={styles.why}>
            {label('neutrality', s.neutralityCode, { place: s.venue.displayName })}
          </Text>
        )}
        <div className={styles.actions}>
          {pane.canFill ? (
            <Button appearance="primary" disabled={pane.busy} onClick={() => void pane.fill(s)}>
              {t('suggestion.fill')}
            </Button>
          ) : null}
          <Button appearance={pane.canFill ? 'secondary' : 'primary'} disabled={pane.busy} onClick={() => void pane.book(s)}>
            {moving ? t('suggestion.move') : t('suggestion.book')}
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
      <Title3 as="h1">{t('pane.heading')}</Title3>
      {pane.pairs === null && !outcome ? <Spinner label={t('pane.findingPair')} /> : null}
      {pane.pairs?.length === 0 ? <Text>{t('pane.noPair')}</Text> : null}
      {pane.pairs && pane.pairs.length > 1 ? (
        <Field label={t('pane.pair')}>
          <Select value={pane.pairId ?? ''} onChange={(_e, d) => pane.setPairId(d.value)}>
            {pane.pairs.map((p) => (
              <option key={p.id} value={p.id}>
                {t('pane.pairOption', { partner: p.partner.displayName, programme: p.programme.name })}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {pane.pairs?.length === 1 ? <Text>{t('pane.with', { partner: pane.pairs[0]!.partner.displayName })}</Text> : null}

      {outcome?.kind === 'booked' || outcome?.kind === 'moved' ? (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{outcome.kind === 'booked' ? t('outcome.booked') : t('outcome.moved')}</MessageBarTitle>
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
            <MessageBarTitle>{t('outcome.cancelled')}</MessageBarTitle>
            {t('outcome.cancelledText', { when: sessionWhen(outcome.session), room: outcome.session.venue.kind === 'room' ? 'yes' : 'no' })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === 'exists' ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('outcome.exists')}</MessageBarTitle>
            {outcome.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === 'filled' ? (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{t('outcome.filled')}</MessageBarTitle>
            {filledText(outcome.suggestion, outcome.left)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.kind === 'taken' ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('outcome.taken')}</MessageBarTitle>
            {outcome.message}
            {outcome.next ? (
              <div className={styles.actions}>
                <Button disabled={pane.busy} onClick={() => void pane.book(outcome.next!)}>
                  {moving ? t('outcome.takenMove', { when: when(outcome.next) }) : t('outcome.takenBook', { when: when(outcome.next), place: outcome.next.venue.displayName })}
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
          {moving ? t('book.move', { when: sessionWhen(moving) }) : pane.upcoming?.length ? t('book.another') : t('book.first')}
        </Text>
      ) : null}
      {pane.pairId && !moving ? (
        <RadioGroup layout="horizontal" className={styles.modes} aria-label={t('book.where')} value={pane.mode} onChange={(_e, d) => pane.setMode(d.value as MeetingMode)}>
          {(['in-person', 'room', 'offsite', 'online'] as const).map((m) => (
            <Radio key={m} value={m} label={label('mode', m)} />
          ))}
        </RadioGroup>
      ) : null}
      {pane.from ? <Text>{t('book.lookingFrom', { day: day(pane.from) })}</Text> : null}

      {pane.loading ? <Spinner label={t('book.loading')} /> : null}
      {noSlot ? (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>{noSlot.title}</MessageBarTitle>
            {noSlot.text}
            <div className={styles.actions}>
              {noSlot.retryFrom ? <Button onClick={() => pane.lookFrom(noSlot.retryFrom)}>{t('noSlot.lookFrom', { day: day(noSlot.retryFrom) })}</Button> : null}
              {noSlot.modes.map((m) => (
                <Button key={m} onClick={() => pane.setMode(m)}>
                  {label('tryMode', m)}
                </Button>
              ))}
            </div>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {neutral.length > 0 ? (
        <section aria-label={t('suggestions.label')} className={styles.section}>
          <ul className={styles.list}>{neutral.map(suggestionCard)}</ul>
        </section>
      ) : null}
      {fallback.length > 0 ? (
        <section aria-label={t('fallback.heading')} className={styles.section}>
          <Text as="h3" weight="semibold">
            {t('fallback.heading')}
          </Text>
          <Text size={200} className={styles.why}>
            {t('fallback.why')}
          </Text>
          <ul className={styles.list}>{fallback.map((s, i) => suggestionCard(s, neutral.length + i))}</ul>
        </section>
      ) : null}
    </main>
  );
}
