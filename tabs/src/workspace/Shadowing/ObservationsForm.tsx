import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ShadowingObservations } from '../../../../shared/api/shadowing';
import { useFormStyles } from '../../common/forms/useFormStyles.styles';
import { t } from '../../i18n';

type Input = { saw: string; effect: string; tryNext: string };
const fields = ['saw', 'effect', 'tryNext'] as const;

/** The mentor's structured observations of a meeting they shadowed: what I saw, the effect I noticed, one thing to try. */
export function ObservationsForm({ initial, busy, onSave }: { initial: ShadowingObservations | null; busy: boolean; onSave: (input: Input) => Promise<boolean> }) {
  const styles = useFormStyles();
  const [input, setInput] = useState<Input>({ saw: initial?.saw ?? '', effect: initial?.effect ?? '', tryNext: initial?.tryNext ?? '' });
  return (
    <form
      className={styles.form}
      aria-label={t('shadowing.observeLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(input);
      }}
    >
      {fields.map((field) => (
        <Field key={field} label={t(`shadowing.${field}`)} hint={t(`shadowing.${field}Hint`)} required>
          <Textarea value={input[field]} rows={3} resize="vertical" onChange={(_e, d) => setInput({ ...input, [field]: d.value })} />
        </Field>
      ))}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={busy || fields.some((f) => input[f].trim() === '')}>
          {t(initial ? 'shadowing.saveAgain' : 'shadowing.save')}
        </Button>
      </div>
    </form>
  );
}
