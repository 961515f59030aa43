import type { ReactNode } from 'react';
import { useId } from 'react';
import { useSectionStyles } from './useSectionStyles.styles';

/** A labelled region of a page (a landmark for screen readers, a card for the eye). */
export function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  const styles = useSectionStyles();
  const id = useId();
  return (
    <section className={styles.root} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {title}
      </h2>
      {hint && <p className={styles.hint}>{hint}</p>}
      {children}
    </section>
  );
}
