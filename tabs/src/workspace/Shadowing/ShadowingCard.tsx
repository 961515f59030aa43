import { Badge, Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { ShadowingOfferView, ShadowingView } from '../../../../shared/api/shadowing';
import type { PairView } from '../../../../shared/api/pairs';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { Loaded } from '../../common/Loaded/Loaded';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { Section } from '../../common/Section/Section';
import { useAction, useAsync } from '../../common/useAsync';
import { formatDateTime } from '../../format';
import { t } from '../../i18n';
import type { SectionProps } from '../sectionProps';
import { ObservationsForm } from './ObservationsForm';
import { OfferMeeting } from './OfferMeeting';

const statusColour = { offered: 'warning', accepted: 'success', declined: 'informative' } as const;

/**
 * Shadowing: the mentee offers meetings they organise for the mentor to observe; the mentor
 * accepts (and is invited as an optional attendee) or declines, then writes what they observed,
 * theirs alone until they share it.
 */
export function ShadowingCard({ pair, calls, reload }: { pair: PairView } & SectionProps) {
  const styles = useFormStyles();
  const loaded = useAsync(() => calls.shadowing(pair.id), [calls, pair.id]);
  const [latest, setLatest] = useState<ShadowingView | null>(null);
  const action = useAction();
  const view = latest ?? (loaded.state.status === 'ready' ? loaded.state.data : null);
  const partner = pair.partner.displayName;
  // A change answers with the new view; the workspace reloads too, since the next step or the agenda may have moved.
  const apply = (call: () => Promise<ShadowingView>) =>
    action.run(async () => {
      setLatest(await call());
      await reload();
    });

  return (
    <Section title={t('shadowing.heading')} hint={t(pair.myRole === 'mentee' ? 'shadowing.hint.mentee' : 'shadowing.hint.mentor', { partner })}>
      {view === null ? (
        <Loaded result={loaded}>{() => null}</Loaded>
      ) : (
        <>
          {view.offers.length === 0 ? (
            <p className={styles.empty}>{t(pair.myRole === 'mentee' ? 'shadowing.empty.mentee' : 'shadowing.empty.mentor', { partner })}</p>
          ) : (
            <ul className={styles.list} aria-label={t('shadowing.offersLabel')}>
              {view.offers.map((offer) => (
                <li key={offer.id} className={styles.item}>
                  <OfferItem offer={offer} view={view} pair={pair} busy={action.busy} apply={apply} calls={calls} />
                </li>
              ))}
            </ul>
          )}
          {action.problem && <ProblemMessage problem={action.problem} />}
          {view.abilities.offer && <OfferMeeting pair={pair} calls={calls} onOffered={(next) => void apply(() => Promise.resolve(next))} />}
        </>
      )}
    </Section>
  );
}

interface OfferItemProps {
  offer: ShadowingOfferView;
  view: ShadowingView;
  pair: PairView;
  busy: boolean;
  apply: (call: () => Promise<ShadowingView>) => Promise<boolean>;
  calls: SectionProps['calls'];
}

/** One offered meeting: what it is, where it stands, and what the viewer can do with it. */
function OfferItem({ offer, view, pair, busy, apply, calls }: OfferItemProps) {
  const styles = useFormStyles();
  const partner = pair.partner.displayName;
  const observations = offer.observations;
  return (
    <>
      <strong>{offer.subject}</strong>
      <span className={styles.meta}>{t('shadowing.when', { start: formatDateTime(offer.start) })}</span>
      <div className={styles.row}>
        <Badge appearance="tint" color={statusColour[offer.status]}>
          {t(`shadowing.status.${offer.status}`)}
        </Badge>
      </div>
      {offer.note && <p className={styles.text}>{t('shadowing.noteShown', { note: offer.note })}</p>}
      {offer.status === 'offered' && view.abilities.answer && (
        <div className={styles.row}>
          <ConfirmDialog
            triggerLabel={t('shadowing.accept')}
            title={t('shadowing.acceptTitle', { subject: offer.subject })}
            body={t(offer.note ? 'shadowing.acceptBodyNote' : 'shadowing.acceptBody', { partner })}
            confirmLabel={t('shadowing.acceptConfirm')}
            disabled={busy}
            onConfirm={() => void apply(() => calls.answerShadowing(pair.id, offer.id, 'accept'))}
          />
          <Button disabled={busy} onClick={() => void apply(() => calls.answerShadowing(pair.id, offer.id, 'decline'))}>
            {t('shadowing.decline')}
          </Button>
        </div>
      )}
      {observations && (
        <dl className={styles.list} aria-label={t('shadowing.observationsLabel')}>
          <dt className={styles.meta}>{t('shadowing.saw')}</dt>
          <dd className={styles.text}>{observations.saw}</dd>
          <dt className={styles.meta}>{t('shadowing.effect')}</dt>
          <dd className={styles.text}>{observations.effect}</dd>
          <dt className={styles.meta}>{t('shadowing.tryNext')}</dt>
          <dd className={styles.text}>{observations.tryNext}</dd>
        </dl>
      )}
      {pair.myRole === 'mentee' && offer.status === 'accepted' && !observations && <p className={styles.meta}>{t('shadowing.notSharedYet', { partner })}</p>}
      {view.abilities.observe && offer.status === 'accepted' && (
        <>
          {observations?.sharedAt ? (
            <Badge appearance="tint" color="success">
              {t('shadowing.shared', { partner })}
            </Badge>
          ) : (
            observations && (
              <>
                <p className={styles.meta}>{t('shadowing.private', { partner })}</p>
                <ConfirmDialog
                  triggerLabel={t('shadowing.share')}
                  title={t('shadowing.shareTitle', { partner })}
                  body={t('shadowing.shareBody', { partner })}
                  confirmLabel={t('shadowing.shareConfirm')}
                  disabled={busy}
                  onConfirm={() => void apply(() => calls.shareObservations(pair.id, offer.id))}
                />
              </>
            )
          )}
          {!observations?.sharedAt &&
            (offer.started ? (
              <ObservationsForm key={offer.observations?.observedAt ?? 'new'} initial={observations} busy={busy} onSave={(input) => apply(() => calls.recordObservations(pair.id, offer.id, input))} />
            ) : (
              <p className={styles.meta}>{t('shadowing.observeLater')}</p>
            ))}
        </>
      )}
    </>
  );
}
