import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiProblem } from '../../api/problem';
import { useFormStyles } from '../forms/useFormStyles.styles';
import { ProblemMessage } from '../ProblemMessage/ProblemMessage';
import { useAction } from '../useAsync';

/** A labelled text box and a submit button; the text is kept when sending fails, cleared when it works. */
export function TextForm({ label, submit, onSubmit, rows = 2 }: { label: string; submit: string; onSubmit: (text: string) => Promise<unknown>; rows?: number }) {
  const styles = useFormStyles();
  const [text, setText] = useState('');
  const action = useAction();
  const fieldError = (problem: ApiProblem | null) => problem?.errors.find((e) => e.field === 'text')?.message;
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => onSubmit(text)).then((ok) => ok && setText(''));
      }}
    >
      <Field label={label} validationMessage={fieldError(action.problem)}>
        <Textarea value={text} rows={rows} resize="vertical" onChange={(_e, d) => setText(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={action.busy}>
          {submit}
        </Button>
      </div>
      {action.problem && !fieldError(action.problem) && <ProblemMessage problem={action.problem} />}
    </form>
  );
}
