import { Badge, Button } from '@fluentui/react-components';
import type { AgendaItem, Workspace } from '../../api/types';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { Section } from '../../common/Section/Section';
import { TextForm } from '../../common/TextForm/TextForm';
import { useAction } from '../../common/useAsync';
import { messages } from '../../messages';
import type { SectionProps } from '../sectionProps';

function stateLabel(item: AgendaItem): string | null {
  if (item.state === 'declined') return messages.agenda.declined;
  if (item.state === 'suggested') return item.canAnswer ? messages.agenda.suggestion : messages.agenda.mySuggestion;
  return null;
}

/** The mentee owns the agenda; the mentor suggests items, which join it when the mentee accepts. */
export function Agenda({ ws, calls, reload }: { ws: Workspace } & SectionProps) {
  const styles = useFormStyles();
  const action = useAction();
  const pairId = ws.pair.id;
  const items = [...ws.agenda].sort((a, b) => (a.state === 'on-agenda' ? 0 : 1) - (b.state === 'on-agenda' ? 0 : 1) || a.position - b.position);
  const act = (call: () => Promise<unknown>) => void action.run(call).then((ok) => ok && reload());
  return (
    <Section title={messages.agenda.heading} hint={ws.abilities.editAgenda ? messages.agenda.menteeOwns : ws.abilities.suggestAgendaItem ? messages.agenda.mentorSuggests : undefined}>
      {items.length === 0 ? (
        <p className={styles.empty}>{messages.agenda.empty}</p>
      ) : (
        <ol className={styles.list} aria-label={messages.agenda.listLabel}>
          {items.map((item) => (
            <li key={item.id} className={styles.item}>
              <span className={styles.text}>{item.text}</span>
              <div className={styles.row}>
                {stateLabel(item) && <Badge appearance="outline">{stateLabel(item)}</Badge>}
                {item.canAnswer && (
                  <>
                    <Button size="small" appearance="primary" disabled={action.busy} aria-label={`${messages.agenda.accept}: ${item.text}`} onClick={() => act(() => calls.answerSuggestion(pairId, item.id, 'accept'))}>
                      {messages.agenda.accept}
                    </Button>
                    <Button size="small" disabled={action.busy} aria-label={`${messages.agenda.decline}: ${item.text}`} onClick={() => act(() => calls.answerSuggestion(pairId, item.id, 'decline'))}>
                      {messages.agenda.decline}
                    </Button>
                  </>
                )}
                {ws.abilities.editAgenda && item.state === 'on-agenda' && (
                  <Button size="small" appearance="subtle" disabled={action.busy} aria-label={`${messages.agenda.remove}: ${item.text}`} onClick={() => act(() => calls.removeAgendaItem(pairId, item.id))}>
                    {messages.agenda.remove}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {action.problem && <ProblemMessage problem={action.problem} />}
      {ws.abilities.editAgenda && <TextForm label={messages.agenda.addLabel} submit={messages.agenda.add} onSubmit={(text) => calls.addAgendaItem(pairId, text).then(reload)} />}
      {ws.abilities.suggestAgendaItem && <TextForm label={messages.agenda.suggestLabel} submit={messages.agenda.suggest} onSubmit={(text) => calls.suggestAgendaItem(pairId, text).then(reload)} />}
    </Section>
  );
}
