import type { ConcernView } from '../../../../shared/api/workspace';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { formatDateTime } from '../../format';
import { label, t } from '../../i18n';

/** A step of my concern's history: a status change, or the programme team's reply to me. */
function step(e: ConcernView['history'][number]): string {
  const when = formatDateTime(e.at);
  return e.kind === 'status' ? t('concern.mine.status', { when, status: label('concerns.status', e.status ?? 'open') }) : t('concern.mine.reply', { when, text: e.text ?? '' });
}

/** The concerns and re-pair requests I raised about this pair, with their status and the replies to me; my partner never sees them. */
export function MyConcerns({ concerns }: { concerns: readonly ConcernView[] }) {
  const styles = useFormStyles();
  if (concerns.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={t('concern.mine.heading')}>
      {concerns.map((c) => (
        <li key={c.id} className={styles.item}>
          <strong>{t('concern.mine.title', { kind: c.kind, date: formatDateTime(c.createdAt), status: label('concerns.status', c.status) })}</strong>
          {c.kind === 'concern' && <p className={styles.text}>{c.text}</p>}
          {c.history.length > 0 && (
            <ul className={styles.list}>
              {c.history.map((e, i) => (
                <li key={i}>{step(e)}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
