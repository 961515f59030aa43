import { Badge, Button } from '@fluentui/react-components';
import { promptKey, promptNumbers, promptPhaseOf } from '../../../shared/journey/prompts';
import type { Workspace } from '../../../shared/api/workspace';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { useAction } from '../common/useAsync';
import { t } from '../i18n';
import type { SectionProps } from '../workspace/sectionProps';

/** Conversation prompts for this phase that the mentee, who owns the agenda, adds with one action. */
export function PromptsCard({ ws, calls, reload }: { ws: Workspace } & SectionProps) {
  const styles = useFormStyles();
  const action = useAction();
  const phase = promptPhaseOf[ws.journey.phase];
  if (phase === null || !ws.abilities.editAgenda) return null;
  const onAgenda = new Set(ws.agenda.filter((i) => i.state !== 'declined').map((i) => i.text));
  return (
    <Section title={t('journey.prompts.heading')} hint={t('journey.prompts.hint')}>
      <ul className={styles.list}>
        {promptNumbers.map((n) => {
          const prompt = t(promptKey(phase, n));
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
