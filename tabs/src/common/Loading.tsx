import { Spinner } from '@fluentui/react-components';
import { messages } from '../messages';

export function Loading({ label = messages.loading }: { label?: string }) {
  return <Spinner role="status" label={label} />;
}
