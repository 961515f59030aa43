import { Badge, Button, Persona } from '@fluentui/react-components';
import type { PairView } from '../../../../shared/api/pairs';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { Section } from '../../common/Section/Section';
import { useAction } from '../../common/useAsync';
import { label, t } from '../../i18n';
import type { SectionProps } from '../sectionProps';
import { usePartnerPhoto } from './usePartnerPhoto';

const actions = ['accept', 'decline', 'pause', 'resume'] as const;

/** Who my partner is (role, job title, department; never their reporting line) and where our pair stands. */
export function PartnerCard({ pair, calls, reload }: { pair: PairView } & SectionProps) {
  const styles = useFormStyles();
  const action = useAction();
  const secondary = [pair.partner.jobTitle, pair.partner.department].filter(Boolean).join(' · ');
  const photo = usePartnerPhoto(calls, pair.id);
  return (
    <Section title={t('workspace.partnerHeading')}>
      <Persona
        size="huge"
        name={pair.partner.displayName}
        secondaryText={t('workspace.partnerRole', { role: pair.partner.role })}
        tertiaryText={secondary || undefined}
        // The photo is content (alt text names whose it is); the initials repeat the name beside them, so they are hidden.
        avatar={photo ? { color: 'colorful', image: { src: photo }, 'aria-label': t('workspace.partnerPhoto', { name: pair.partner.displayName }) } : { color: 'colorful', 'aria-hidden': true }}
      />
      <div className={styles.row}>
        <Badge appearance="tint">{label('pairStatus', pair.status)}</Badge>
        <span className={styles.meta}>{t('workspace.programme', { name: pair.programme.name })}</span>
      </div>
      <div className={styles.row}>
        {actions
          .filter((a) => pair.abilities[a])
          .map((a) => (
            <Button
              key={a}
              appearance={a === 'accept' ? 'primary' : 'secondary'}
              disabled={action.busy}
              onClick={() => void action.run(() => calls.pairAction(pair.id, a)).then((ok) => ok && reload())}
            >
              {t(`workspace.${a}`)}
            </Button>
          ))}
      </div>
      {action.problem && <ProblemMessage problem={action.problem} />}
    </Section>
  );
}
