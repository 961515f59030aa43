import { makeStyles, tokens } from '@fluentui/react-components';
import { journeyPhases } from '../../../shared/journey/nextStep';
import type { Workspace } from '../../../shared/api/workspace';
import { t } from '../i18n';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  step: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  phases: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, listStyleType: 'none', margin: 0, padding: 0 },
  phase: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderRadius: tokens.borderRadiusCircular, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  done: { color: tokens.colorNeutralForeground1 },
  current: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, fontWeight: tokens.fontWeightSemibold },
});

/** The one thing to do next, first on the page, and where the relationship is among the programme's phases. */
export function NextStepCard({ ws }: { ws: Workspace }) {
  const styles = useStyles();
  const { journey } = ws;
  return (
    <section className={styles.root} aria-labelledby="next-step-heading" data-testid="next-step">
      <h2 id="next-step-heading" className={styles.heading}>
        {t('journey.heading')}
      </h2>
      <p className={styles.step}>{t(`journey.next.${journey.next}`, { partner: ws.pair.partner.displayName })}</p>
      <ol className={styles.phases} aria-label={t('journey.phasesLabel')}>
        {journeyPhases.map((phase, i) => (
          <li
            key={phase}
            className={[styles.phase, i < journey.phaseIndex ? styles.done : '', i === journey.phaseIndex ? styles.current : ''].join(' ')}
            aria-current={i === journey.phaseIndex ? 'step' : undefined}
          >
            {t(`journey.phase.${phase}`)}
          </li>
        ))}
      </ol>
    </section>
  );
}
