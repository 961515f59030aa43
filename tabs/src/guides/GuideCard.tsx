import type { Role } from '../../../shared/glossary';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { Section } from '../common/Section/Section';
import { t } from '../i18n';

const general = ['1', '2', '3', '4'] as const;

/** The programme's guide for my role (plain text from the admin, never rendered as HTML). */
export function GuideCard({ role, guide }: { role: Role; guide: string }) {
  const styles = useFormStyles();
  return (
    <Section title={t('guides.forRole', { role })}>
      {guide.trim() ? <p className={styles.text}>{guide}</p> : <p className={styles.empty}>{t('guides.empty')}</p>}
    </Section>
  );
}

/** What every programme asks of both people, from the programme organisers' own words. */
export function GeneralGuidance() {
  const styles = useFormStyles();
  return (
    <Section title={t('guides.heading')}>
      <ul className={styles.list}>
        {general.map((line) => (
          <li key={line}>{t(`guides.general.${line}`)}</li>
        ))}
      </ul>
    </Section>
  );
}
