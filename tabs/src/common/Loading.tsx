import { Spinner } from '@fluentui/react-components';
import { t } from '../i18n';

export function Loading({ label = t('loading') }: { label?: string }) {
  return <Spinner role="status" label={label} />;
}
