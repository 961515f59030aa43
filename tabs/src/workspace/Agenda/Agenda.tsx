import { Badge, Button } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { AgendaItemView, Workspace } from '../../../../shared/api/workspace';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { Section } from '../../common/Section/Section';
import { TextForm } from '../../common/TextForm/TextForm';
import { useAction } from '../../common/useAsync';
import { t } from '../../i18n';
import type { SectionProps } from '../sectionProps';

function stateLabel(item: AgendaItemView): string | null {
  if (item.state === 'declined') return t('agenda.declined');
  if (item.state === 'suggested') return item.canAnswer ? t('agenda.suggestion') : t('agenda.mySuggestion');
  return null;
}

/** The mentee owns the agenda; the mentor suggests items, which join it when the mentee accepts. */
export function Agenda({ ws, calls, reload }: { ws: Workspace } & SectionProps) {
  const styles = useFormStyles();
  const action = useAction();
  const pairId = ws.pair.id;
  const items = [...ws.agenda].sort((a, b) => (a.state === 'on-agenda' ? 0 : 1) - (b.state === 'on-agenda' ? 0 : 1) || a.position - b.position);
  const act = (call: () => Promise<unknown>) => void action.run(call).then((ok) => ok && reload());
  const onAgenda = items.filter((i) => i.state === 'on-agenda');
  // After a move the list re-renders in its new order; focus follows the moved item's button, so
  // a keyboard user can press it again (or the other one, at either end of the list).
  const buttons = useRef(new Map<string, HTMLElement>());
  const [moved, setMoved] = useState<{ focus: string; announce: string } | null>(null);
  useEffect(() => {
    if (moved) buttons.current.get(moved.focus)?.focus();
  }, [moved]);
  const move = (index: number, direction: 'up' | 'down') => {
    const ids = onAgenda.map((i) => i.id);
    const target = direction === 'up' ? index - 1 : index + 1;
    const item = onAgenda[index]!;
    [ids[index], ids[target]] = [ids[target]!, item.id];
    // At either end of the list only the other button remains.
    const focusDirection = target === 0 ? 'down' : target === ids.length - 1 ? 'up' : direction;
    void action.run(() => calls.reorderAgenda(pairId, ids)).then(async (ok) => {
      if (!ok) return;
      await reload();
      setMoved({ focus: `${item.id}:${focusDirection}`, announce: t('agenda.movedTo', { text: item.text, position: target + 1, count: ids.length }) });
    });
  };
  const moveButton = (item: AgendaItemView, index: number, direction: 'up' | 'down') => {
    const edge = direction === 'up' ? index === 0 : index === onAgenda.length - 1;
    if (edge) return null;
    return (
      <Button
        size="small"
        appearance="subtle"
        disabled={action.busy}
        ref={(el) => {
          if (el) buttons.current.set(`${item.id}:${direction}`, el);
          else buttons.current.delete(`${item.id}:${direction}`);
        }}
        aria-label={t(direction === 'up' ? 'agenda.moveUp' : 'agenda.moveDown', { text: item.text })}
        onClick={() => move(index, direction)}
      >
        {direction === 'up' ? t('agenda.up') : t('agenda.down')}
      </Button>
    );
  };
  return (
    <Section title={t('agenda.heading')} hint={ws.abilities.editAgenda ? t('agenda.menteeOwns') : ws.abilities.suggestAgendaItem ? t('agenda.mentorSuggests') : undefined}>
      {items.length === 0 ? (
        <p className={styles.empty}>{t('agenda.empty')}</p>
      ) : (
        <ol className={styles.list} aria-label={t('agenda.listLabel')}>
          {items.map((item) => (
            <li key={item.id} className={styles.item}>
              <span className={styles.text}>{item.text}</span>
              <div className={styles.row}>
                {stateLabel(item) && <Badge appearance="outline">{stateLabel(item)}</Badge>}
                {item.canAnswer && (
                  <>
                    <Button size="small" appearance="primary" disabled={action.busy} aria-label={`${t('agenda.accept')}: ${item.text}`} onClick={() => act(() => calls.answerSuggestion(pairId, item.id, 'accept'))}>
                      {t('agenda.accept')}
                    </Button>
                    <Button size="small" disabled={action.busy} aria-label={`${t('agenda.decline')}: ${item.text}`} onClick={() => act(() => calls.answerSuggestion(pairId, item.id, 'decline'))}>
                      {t('agenda.decline')}
                    </Button>
                  </>
                )}
                {ws.abilities.editAgenda && item.state === 'on-agenda' && moveButton(item, onAgenda.indexOf(item), 'up')}
                {ws.abilities.editAgenda && item.state === 'on-agenda' && moveButton(item, onAgenda.indexOf(item), 'down')}
                {ws.abilities.editAgenda && item.state === 'on-agenda' && (
                  <Button size="small" appearance="subtle" disabled={action.busy} aria-label={`${t('agenda.remove')}: ${item.text}`} onClick={() => act(() => calls.removeAgendaItem(pairId, item.id))}>
                    {t('agenda.remove')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      <span role="status" className={styles.meta}>
        {moved?.announce}
      </span>
      {action.problem && <ProblemMessage problem={action.problem} />}
      {ws.abilities.editAgenda && <TextForm label={t('agenda.addLabel')} submit={t('agenda.add')} onSubmit={(text) => calls.addAgendaItem(pairId, text).then(reload)} />}
      {ws.abilities.suggestAgendaItem && <TextForm label={t('agenda.suggestLabel')} submit={t('agenda.suggest')} onSubmit={(text) => calls.suggestAgendaItem(pairId, text).then(reload)} />}
    </Section>
  );
}
