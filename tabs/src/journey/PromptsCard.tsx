import { Badge, Button } from '@fluentui/react-components';
import type { JourneyPhase } from '../../../shared/journey/nextStep';
import type { Workspace } from '../../../shared/api/workspace';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { useAction } from '../common/useAsync';
import { t } from '../i18n';
import type { SectionProps } from '../workspace/sectionProps';

type PromptPhase = 'sessions' | 'shadowing' | 'mid-point' | 'closing';

/** The prompts for each phase; before the sessions start, the first sessions' prompts; none at the celebration. */
const promptPhase: Record<JourneyPhase, PromptPhase | null> = {
  'kick-off': 'sessions',
  training: 'sessions',
  sessions: 'sessions',
  shadowing: 'shadowing',
  'mid-point': 'mid-point',
  closing: 'closing',
  celebration: null,
};
const numbers = ['1', '2', '3'] as const;

/** Conversation prompts for this phase that the mentee, who owns the agenda, adds with one action. */
export function PromptsCard({ ws, calls, reload }: { ws: Workspace } & SectionProps) {
  const styles = useFormStyles();
  const action = useAction();
  const phase = promptPhase[ws.journey.phase];
  if (phase === null || !ws.abilities.editAgenda) return null;
  const onAgenda = new Set(ws.agenda.filter((i) => i.state !== 'declined').map((i) => i.text));
  return (
    <Section title={t('journey.prompts.heading')} hint={t('journey.prompts.hint')}>
      <ul className={styles.list}>
        {numbers.map((n) => {
          const prompt = t(`journey.prompt.${phase}.${n}`);
          return (
            <li key={n} className={styles.item}>
              <span>{prompt}</span>
              <div className={styles.row}>
                {onAgenda.has(prompt) ? (
                  <Badge appearance="tint" color="success">
                    {t('journey.prompts.added')}
                  </Badge>
                ) : (
                  <Button size="small" disabled={action.busy} aria-label={t('journey.prompts.addLabel', { prompt })} onClick={() => void action.run(() => calls.addAgendaItem(ws.pair.id, prompt)).then((ok) => ok && reload())}>
                    {t('journey.prompts.add')}
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {action.problem && <ProblemMessage problem={action.problem} />}
    </Section>
  );
}
