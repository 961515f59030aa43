import type { WorkplaceFacts } from '../../shared/venues';

const floorPattern = /\b(?:floor|level|fl\.?)\s*(-?\d{1,3})\b|\b(\d{1,3})(?:st|nd|rd|th)\s+floor\b/i;

function norm(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_,-]+/g, ' ');
}

/**
 * Entra ID's `officeLocation` is free text, often the building and floor together ("Thames House,
 * floor 3"). When it begins with the name of a building that has rooms, that building (and the
 * floor it names) is where the person works; otherwise the text is passed on as it is.
 */
export function workplaceOf(person: { officeLocation: string | null; city: string | null }, roomBuildings: readonly string[]): WorkplaceFacts {
  const location = person.officeLocation?.trim() ?? '';
  const text = norm(location);
  const building = [...roomBuildings]
    .filter((b) => b.trim() !== '' && (text === norm(b) || text.startsWith(`${norm(b)} `)))
    .sort((a, b) => b.length - a.length)[0];
  if (!building) return { officeLocation: location || null, city: person.city };
  const floor = floorPattern.exec(location.slice(building.length));
  const floorNumber = floor ? Number(floor[1] ?? floor[2]) : undefined;
  return { officeLocation: location, city: person.city, override: { building, ...(floorNumber === undefined ? {} : { floorNumber }) } };
}
