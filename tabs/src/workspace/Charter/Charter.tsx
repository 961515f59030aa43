import { Button } from '@fluentui/react-components';
import type { Workspace } from '../../../../shared/api/workspace';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { Section } from '../../common/Section/Section';
import { useAction } from '../../common/useAsync';
import { formatDate } from '../../format';
import { t } from '../../i18n';
import type { SectionProps } from '../sectionProps';

/** The kick-off charter both people read and sign before the first session. */
export function Charter({ ws, calls, reload }: { ws: Workspace } & SectionProps) {
  const styles = useFormStyles();
  const action = useAction();
  const { charter } = ws;
  const mine = ws.pair.myRole === 'mentor' ? charter.mentorSignedAt : charter.menteeSignedAt;
  const theirs = ws.pair.myRole === 'mentor' ? charter.menteeSignedAt : charter.mentorSignedAt;
  return (
    <Section title={t('charter.heading')} hint={t('charter.bothMustSign')}>
      <blockquote className={styles.text}>{charter.text}</blockquote>
      <ul className={styles.list}>
        <li>{mine ? t('charter.youSigned', { date: formatDate(mine) }) : t('charter.youNotSigned')}</li>
        <li>{theirs ? t('charter.partnerSigned', { date: formatDate(theirs) }) : t('charter.partnerNotSigned')}</li>
      </ul>
      {!charter.signedByMe && ws.abilities.signCharter && (
        <div className={styles.row}>
          <Button appearance="primary" disabled={action.busy} onClick={() => void action.run(() => calls.signCharter(ws.pair.id)).then((ok) => ok && reload())}>
            {t('charter.sign')}
          </Button>
        </div>
      )}
      {action.problem && <ProblemMessage problem={action.problem} />}
    </Section>
  );
}
