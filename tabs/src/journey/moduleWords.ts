import type { ModuleText, ShippedModuleId } from '../../../shared/training/curriculum';
import { t } from '../i18n';

/** A module's words: the programme's own as its admin wrote them, or the shipped ones in the reader's language. */
export function moduleWords(module: { id: string; text: ModuleText | null }): ModuleText {
  if (module.text) return module.text;
  const id = module.id as ShippedModuleId;
  return { title: t(`training.module.${id}.title`), reading: t(`training.module.${id}.reading`), exercise: t(`training.module.${id}.exercise`) };
}
