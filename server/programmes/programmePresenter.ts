import type { ProgrammeView } from '../../shared/api/programmes';
import type { Programme } from './programmeRepository';

/** The fields of a programme that leave the server. */
export function presentProgramme(programme: Programme): ProgrammeView {
  return {
    id: programme.id,
    name: programme.name,
    startsOn: programme.starts_on,
    endsOn: programme.ends_on,
    status: programme.status,
    settings: programme.settings,
    ...programme.details,
    updatedAt: programme.updated_at.toISOString(),
  };
}
