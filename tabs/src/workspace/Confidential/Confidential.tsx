import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { PairView } from '../../../../shared/api/pairs';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { ProblemMessage } from '../../common/ProblemMessage/ProblemMessage';
import { Section } from '../../common/Section/Section';
import { TextForm } from '../../common/TextForm/TextForm';
import { useAction, useAsync } from '../../common/useAsync';
import { t } from '../../i18n';
import type { SectionProps } from '../sectionProps';
import { MyConcerns } from './MyConcerns';

/** A no-fault re-pair request and a concern, both going confidentially to the programme admin. */
export function Confidential({ pair, calls, reload }: { pair: PairView } & SectionProps) {
  const styles = useFormStyles();
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const [writing, setWriting] = useState(false);
  const mine = useAsync(() => calls.myConcerns().then((all) => all.filter((c) => c.pairId === pair.id)), [calls, pair.id]);
  return (
    <Section title={t('confidential.heading')} hint={t('confidential.intro')}>
      {done && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        {pair.abilities.requestRepair && (
          <Dialog>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('confidential.repair')}</Button>
            </DialogTrigger>
            <DialogSurface>
              <DialogBody>
                <DialogTitle>{t('confidential.repair')}</DialogTitle>
                <DialogContent>{t('confidential.repairConfirm')}</DialogContent>
                <DialogActions>
                  <DialogTrigger disableButtonEnhancement>
                    <Button appearance="secondary">{t('cancel')}</Button>
                  </DialogTrigger>
                  <DialogTrigger disableButtonEnhancement>
                    <Button
                      appearance="primary"
                      onClick={() =>
                        void action.run(() => calls.pairAction(pair.id, 'request-repair')).then((ok) => {
                          if (!ok) return;
                          setDone(t('confidential.repairDone'));
                          return Promise.all([reload(), mine.reload()]);
                        })
                      }
                    >
                      {t('confidential.repair')}
                    </Button>
                  </DialogTrigger>
                </DialogActions>
              </DialogBody>
            </DialogSurface>
          </Dialog>
        )}
        {!writing && <Button onClick={() => setWriting(true)}>{t('confidential.concern')}</Button>}
      </div>
      {writing && (
        <TextForm
          label={t('confidential.concernLabel')}
          submit={t('confidential.concernSend')}
          rows={3}
          onSubmit={(text) =>
            calls.raiseConcern(pair.id, text).then(() => {
              setWriting(false);
              setDone(t('confidential.concernDone'));
              return mine.reload();
            })
          }
        />
      )}
      {mine.state.status === 'ready' && <MyConcerns concerns={mine.state.data} />}
      {action.problem && <ProblemMessage problem={action.problem} />}
    </Section>
  );
}
