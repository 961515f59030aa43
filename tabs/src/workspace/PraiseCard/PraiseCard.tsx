import { Switch } from '@fluentui/react-components';
import type { Workspace } from '../../../../shared/api/workspace';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { Section } from '../../common/Section/Section';
import { TextForm } from '../../common/TextForm/TextForm';
import { useAction } from '../../common/useAsync';
import { formatDate } from '../../format';
import { t } from '../../i18n';
import type { SectionProps } from '../sectionProps';

/** The mentee thanks the mentor; the mentor decides whether their manager may see it. */
export function PraiseCard({ ws, calls, reload }: { ws: Workspace } & SectionProps) {
  const styles = useFormStyles();
  const action = useAction();
  const praise = [...ws.praise.received, ...ws.praise.given].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Section title={t('praise.heading')}>
      {praise.length === 0 ? (
        <p className={styles.empty}>{t('praise.empty')}</p>
      ) : (
        <ul className={styles.list}>
          {praise.map((p) => (
            <li key={p.id} className={styles.item}>
              <p className={styles.text}>{p.text}</p>
              <span className={styles.meta}>
                {p.from === 'me' ? t('praise.fromYou') : t('praise.toYou')} · {formatDate(p.createdAt)}
              </span>
              {p.canDecideSharing ? (
                <Switch
                  label={t('praise.shareWithManager')}
                  checked={p.shareWithManager}
                  disabled={action.busy}
                  onChange={(_e, d) => void action.run(() => calls.decidePraiseSharing(ws.pair.id, p.id, d.checked)).then((ok) => ok && reload())}
                />
              ) : (
                p.shareWithManager && <span className={styles.meta}>{t('praise.sharedWithManager')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {action.problem && <ProblemMessage problem={action.problem} />}
      {ws.abilities.thank && <TextForm label={t('praise.thankLabel')} submit={t('praise.thank')} onSubmit={(text) => calls.thank(ws.pair.id, text).then(reload)} />}
    </Section>
  );
}
