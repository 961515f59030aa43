import { Field, ProgressBar } from '@fluentui/react-components';
import type { Workspace } from '../../../../shared/api/workspace';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { Section } from '../../common/Section/Section';
import { formatDate } from '../../format';
import { t } from '../../i18n';

/** Where the pair is in its relationship (typically six months inside the programme). */
export function Timeline({ timeline }: { timeline: Workspace['timeline'] }) {
  const styles = useFormStyles();
  const status =
    timeline.phase === 'not-started'
      ? t('timeline.notStarted')
      : timeline.phase === 'finished'
        ? t('timeline.finished')
        : t('timeline.month', { month: timeline.currentMonth ?? 1, months: timeline.relationshipMonths });
  return (
    <Section title={t('timeline.heading')}>
      <Field label={t('timeline.progressLabel')} validationMessage={status} validationState="none">
        <ProgressBar value={timeline.progress} max={1} thickness="large" />
      </Field>
      <p className={styles.meta}>
        {formatDate(timeline.relationshipStartedAt ?? timeline.programmeStartsOn)} – {formatDate(timeline.relationshipEndsAt ?? timeline.programmeEndsOn)}
      </p>
    </Section>
  );
}
