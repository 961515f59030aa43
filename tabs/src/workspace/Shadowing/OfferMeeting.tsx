import { Button, Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { PairView } from '../../../../shared/api/pairs';
import type { ShadowingView } from '../../../../shared/api/shadowing';
import { ConfirmDialog } from '../../common/ConfirmDialog/ConfirmDialog';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { Loaded } from '../../common/Loaded/Loaded';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { useAction, useAsync } from '../../common/useAsync';
import { formatDateTime } from '../../format';
import { t } from '../../i18n';
import type { SectionProps } from '../sectionProps';

/** The mentee's meetings, read from their calendar only when they ask: offering is occasional, the workspace view is not. */
export function OfferMeeting({ pair, calls, onOffered }: { pair: PairView; calls: SectionProps['calls']; onOffered: (view: ShadowingView) => void }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div>
        <Button onClick={() => setOpen(true)}>{t('shadowing.chooseMeeting')}</Button>
      </div>
    );
  }
  return (
    <MeetingPicker
      pair={pair}
      calls={calls}
      onOffered={(view) => {
        setOpen(false);
        onOffered(view);
      }}
    />
  );
}

function MeetingPicker({ pair, calls, onOffered }: { pair: PairView; calls: SectionProps['calls']; onOffered: (view: ShadowingView) => void }) {
  const styles = useFormStyles();
  const meetings = useAsync(() => calls.myMeetings(pair.id), [calls, pair.id]);
  const [chosen, setChosen] = useState('');
  const [note, setNote] = useState('');
  const action = useAction();
  const partner = pair.partner.displayName;
  const fieldError = action.problem?.errors.find((e) => e.field === 'note')?.message;
  return (
    <div className={styles.form}>
      <Loaded result={meetings} loadingLabel={t('shadowing.loadingMeetings')} empty={t('shadowing.noMeetings')}>
        {(list) => (
          <RadioGroup aria-label={t('shadowing.meetingsLabel')} value={chosen} onChange={(_e, d) => setChosen(d.value)}>
            {list.map((m) => (
              <Radio key={m.eventId} value={m.eventId} label={t('shadowing.meetingOption', { subject: m.subject, start: formatDateTime(m.start), attendees: m.attendees })} />
            ))}
          </RadioGroup>
        )}
      </Loaded>
      <Field label={t('shadowing.noteLabel')} hint={t('shadowing.noteHint', { partner })} validationMessage={fieldError}>
        <Textarea value={note} rows={2} resize="vertical" onChange={(_e, d) => setNote(d.value)} />
      </Field>
      <div className={styles.row}>
        <ConfirmDialog
          triggerLabel={t('shadowing.offer')}
          title={t('shadowing.offerTitle', { partner })}
          body={t(note.trim() ? 'shadowing.offerBodyNote' : 'shadowing.offerBody', { partner })}
          confirmLabel={t('shadowing.offerConfirm')}
          disabled={chosen === '' || action.busy}
          onConfirm={() => void action.run(async () => onOffered(await calls.offerMeeting(pair.id, chosen, note.trim() === '' ? null : note.trim())))}
        />
      </div>
      {action.problem && <ProblemMessage problem={action.problem} />}
    </div>
  );
}
