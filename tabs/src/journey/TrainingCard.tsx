import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button } from '@fluentui/react-components';
import type { Workspace } from '../../../shared/api/workspace';
import { FormattedText } from '../common/FormattedText/FormattedText';
import { useFormStyles } from '../common/forms/useFormStyles.styles';
import { ProblemMessage } from '../common/ProblemMessage/ProblemMessage';
import { Section } from '../common/Section/Section';
import { useAction } from '../common/useAsync';
import { t } from '../i18n';
import type { SectionProps } from '../workspace/sectionProps';
import { moduleWords } from './moduleWords';

/** My training: short modules for my role, each read in a few minutes and marked done; nobody else sees which. */
export function TrainingCard({ ws, calls, reload }: { ws: Workspace } & SectionProps) {
  const styles = useFormStyles();
  const action = useAction();
  const done = ws.training.modules.filter((m) => m.completed).length;
  return (
    <Section title={t('training.heading')} hint={t('training.hint', { done, total: ws.training.modules.length })}>
      <Accordion collapsible defaultOpenItems={ws.training.next ?? undefined}>
        {ws.training.modules.map((m) => {
          const words = moduleWords(m);
          return (
            <AccordionItem key={m.id} value={m.id}>
              <AccordionHeader>
                {words.title}
                {m.completed && (
                  <Badge appearance="tint" color="success" className={styles.meta}>
                    {t('training.done')}
                  </Badge>
                )}
              </AccordionHeader>
              <AccordionPanel>
                <div className={styles.form}>
                  {/* The programme's own words are formatted text in the language its admin wrote; the shipped ones are plain catalogue text. */}
                  {m.text ? (
                    <>
                      <p className={styles.meta}>{t('training.programmeWords')}</p>
                      <FormattedText text={words.reading} />
                    </>
                  ) : (
                    <p className={styles.text}>{words.reading}</p>
                  )}
                  <p className={styles.text}>
                    <strong>{t('training.exercise')}</strong> {words.exercise}
                  </p>
                  {!m.completed && (
                    <div className={styles.row}>
                      <Button appearance="primary" disabled={action.busy} onClick={() => void action.run(() => calls.completeTraining(ws.pair.id, m.id)).then((ok) => ok && reload())}>
                        {t('training.markDone')}
                      </Button>
                    </div>
                  )}
                </div>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
      {action.problem && <ProblemMessage problem={action.problem} />}
    </Section>
  );
}
