import fs from 'node:fs';
import { pgliteTemplatePath } from './harness/databases';

/** Removes the run's PGlite template (tens of megabytes in the temporary folder). */
export default function globalTeardown(): void {
  fs.rmSync(pgliteTemplatePath(), { force: true });
}
