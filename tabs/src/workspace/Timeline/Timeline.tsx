import { Field, ProgressBar } from '@fluentui/react-components';
import type { Workspace } from '../../../../shared/api/workspace';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { Section } from '../../common/Section/Section';
import { formatDate } from '../../format';
import { messages } from '../../messages';

/** Where the pair is in its relationship (typically six months inside the programme). */
export function Timeline({ timeline }: { timeline: Workspace['timeline'] }) {
  const styles = useFormStyles();
  const status =
    timeline.phase === 'not-started'
      ? messages.timeline.notStarted
      : timeline.phase === 'finished'
        ? messages.timeline.finished
        : messages.timeline.month(timeline.currentMonth ?? 1, timeline.relationshipMonths);
  return (
    <Section title={messages.timeline.heading}>
      <Field label={messages.timeline.progressLabel} validationMessage={status} validationState="none">
        <ProgressBar value={timeline.progress} max={1} thickness="large" />
      </Field>
      <p className={styles.meta}>
        {formatDate(timeline.relationshipStartedAt ?? timeline.programmeStartsOn)} – {formatDate(timeline.relationshipEndsAt ?? timeline.programmeEndsOn)}
      </p>
    </Section>
  );
}
