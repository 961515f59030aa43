import type { Role } from '../../../shared/glossary';
import type { Workspace } from '../../../shared/api/workspace';
import { FormattedText } from '../common/FormattedText/FormattedText';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { Section } from '../common/Section/Section';
import { t } from '../i18n';

const general = ['1', '2', '3', '4'] as const;

const guidelineKeys = ['timeCommitment', 'frequency', 'expectedOutcomes'] as const;

/** The programme's guide for my role and what it asks of every pair, as the admin formatted them (sanitised). */
export function GuideCard({ role, guide, guidelines }: { role: Role; guide: string; guidelines: Workspace['guidelines'] }) {
  const styles = useFormStyles();
  const asked = guidelineKeys.filter((key) => guidelines[key].trim());
  return (
    <Section title={t('guides.forRole', { role })}>
      {guide.trim() ? <FormattedText text={guide} /> : <p className={styles.empty}>{t('guides.empty')}</p>}
      {asked.length > 0 && (
        <dl>
          {asked.map((key) => (
            <div key={key}>
              <dt>
                <strong>{t(`guides.programme.${key}`)}</strong>
              </dt>
              <dd>
                <FormattedText text={guidelines[key]} />
              </dd>
            </div>
          ))}
        </dl>
      )}
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
