import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { PairBoardRow } from '../../../../shared/api/pairBoard';
import { Loaded } from '../../common/Loaded/Loaded';
import { Section } from '../../common/Section/Section';
import type { AsyncState } from '../../common/useAsync';
import { label, t } from '../../i18n';
import { useAdminPageStyles } from '../useAdminPageStyles.styles';

/** The programme's live published pairs (names and status only), kept in view while matching is reviewed and run again. */
export function PublishedPairs({ pairs }: { pairs: { state: AsyncState<PairBoardRow[]>; reload: () => Promise<unknown> } }) {
  const adminStyles = useAdminPageStyles();
  return (
    <Section title={t('matching.publishedHeading')}>
      <Loaded result={pairs} loadingLabel={t('matching.publishedLoading')} empty={t('matching.publishedEmpty')}>
        {(rows) => (
          <div className={adminStyles.tableWrap}>
            <Table className={adminStyles.table} aria-label={t('matching.publishedHeading')} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('admin.mentor')}</TableHeaderCell>
                  <TableHeaderCell>{t('admin.mentee')}</TableHeaderCell>
                  <TableHeaderCell>{t('admin.column.status')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell>{p.mentor.name}</TableCell>
                    <TableCell>{p.mentee.name}</TableCell>
                    <TableCell>
                      <Badge appearance="tint">{label('pairStatus', p.status)}</Badge>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </Loaded>
    </Section>
  );
}
