import type { Role } from '../../../shared/glossary';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { Section } from '../common/Section/Section';
import { messages } from '../messages';

/** The programme's guide for my role (plain text from the admin, never rendered as HTML). */
export function GuideCard({ role, guide }: { role: Role; guide: string }) {
  const styles = useFormStyles();
  return (
    <Section title={messages.guides.forRole(role)}>
      {guide.trim() ? <p className={styles.text}>{guide}</p> : <p className={styles.empty}>{messages.guides.empty}</p>}
    </Section>
  );
}

/** What every programme asks of both people, from the programme organisers' own words. */
export function GeneralGuidance() {
  const styles = useFormStyles();
  return (
    <Section title={messages.guides.heading}>
      <ul className={styles.list}>
        {messages.guides.general.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </Section>
  );
}
