import { Button, Tab, TabList } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import { useApp } from '../appContext';
import type { Route } from '../useHashRoute';
import { useShellStyles } from './useShellStyles.styles';

/** The frame of every page: the app name, the section tabs, and (in a browser) the theme toggle. */
export function Shell({ route, onNavigate, children }: { route: Route; onNavigate: (route: Route) => void; children: ReactNode }) {
  const styles = useShellStyles();
  const { host, me } = useApp();
  const toggleLabel = host.theme === 'dark' ? t('theme.toggleToLight') : t('theme.toggleToDark');
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <p className={styles.brand}>{t('appName')}</p>
        <nav className={styles.nav} aria-label={t('nav.label')}>
          <TabList className={styles.tabs} selectedValue={route} onTabSelect={(_e, d) => onNavigate(d.value as Route)}>
            <Tab value="workspace">{t('nav.workspace')}</Tab>
            <Tab value="guides">{t('nav.guides')}</Tab>
            {me.isAdmin && <Tab value="admin">{t('nav.admin')}</Tab>}
          </TabList>
        </nav>
        {host.toggleTheme && (
          <Button appearance="subtle" onClick={host.toggleTheme}>
            {toggleLabel}
          </Button>
        )}
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
