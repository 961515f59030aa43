import { Badge, Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { Loaded } from '../common/Loaded/Loaded';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { useAction, useAsync } from '../common/useAsync';
import { formatDate } from '../format';
import { t } from '../i18n';
import type { AdminApi } from './adminApi';


/** Published stories of a programme (no names) and posting one, once, to the programme's Teams channel. */
export function StoriesPanel({ programmeId, calls }: { programmeId: string; calls: AdminApi }) {
  const styles = useFormStyles();
  const stories = useAsync(() => calls.stories(programmeId), [calls, programmeId]);
  const programme = useAsync(() => calls.programme(programmeId), [calls, programmeId]);
  const posting = useAction();
  const channel = programme.state.status === 'ready' ? programme.state.data.storyChannel : null;
  return (
    <>
      <Section title={t('stories.adminHeading')} hint={t('stories.adminHint')}>
        <Loaded result={stories} empty={t('stories.adminEmpty')}>
          {(data) => (
            <ul className={styles.list} aria-label={t('stories.adminHeading')}>
              {data.map((s) => (
                <li key={s.id} className={styles.item}>
                  <p className={styles.text}>{s.text}</p>
                  <span className={styles.meta}>{t('stories.publishedOn', { date: formatDate(s.publishedAt) })}</span>
                  {s.postedToTeamsAt ? (
                    <Badge appearance="tint" color="success">
                      {t('stories.posted', { date: formatDate(s.postedToTeamsAt) })}
                    </Badge>
                  ) : (
                    <div className={styles.row}>
                      <Button disabled={posting.busy || !channel} onClick={() => void posting.run(() => calls.postStory(s.id)).then((ok) => (ok ? stories.reload() : undefined))}>
                        {t('stories.post')}
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Loaded>
        {posting.problem && <ProblemMessage problem={posting.problem} />}
      </Section>
      {programme.state.status === 'ready' && <ChannelForm programmeId={programmeId} calls={calls} current={channel} onSaved={() => void programme.reload()} />}
    </>
  );
}

function ChannelForm({ programmeId, calls, current, onSaved }: { programmeId: string; calls: AdminApi; current: { teamId: string; channelId: string; displayName: string } | null; onSaved: () => void }) {
  const styles = useFormStyles();
  const [teamId, setTeamId] = useState(current?.teamId ?? '');
  const [channelId, setChannelId] = useState(current?.channelId ?? '');
  const [displayName, setDisplayName] = useState(current?.displayName ?? '');
  const action = useAction();
  const fieldError = (field: string) => action.problem?.errors.find((e) => e.field === `storyChannel.${field}`)?.message;
  return (
    <Section title={t('stories.channelHeading')} hint={current ? t('stories.channelIs', { name: current.displayName || current.channelId }) : t('stories.channelNone')}>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(() => calls.setStoryChannel(programmeId, { teamId, channelId, displayName })).then((ok) => ok && onSaved());
        }}
      >
        <Field label={t('stories.teamId')} required validationMessage={fieldError('teamId')}>
          <Input value={teamId} onChange={(_e, d) => setTeamId(d.value)} />
        </Field>
        <Field label={t('stories.channelId')} required validationMessage={fieldError('channelId')}>
          <Input value={channelId} onChange={(_e, d) => setChannelId(d.value)} />
        </Field>
        <Field label={t('stories.channelName')}>
          <Input value={displayName} onChange={(_e, d) => setDisplayName(d.value)} />
        </Field>
        <div className={styles.row}>
          <Button type="submit" disabled={action.busy}>
            {t('stories.saveChannel')}
          </Button>
        </div>
        {action.problem && action.problem.errors.length === 0 && <ProblemMessage problem={action.problem} />}
      </form>
    </Section>
  );
}
