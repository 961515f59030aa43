/** The dimensions insight is filtered by: departments (recoded) and calendar months. */

export const otherDepartments = 'Other departments';

export interface DepartmentCoding {
  /** The departments an admin may filter by, in display order ("Other departments" last). */
  offered: string[];
  /** Maps a directory department (or none) to the one it is shown as. */
  code(department: string | null): string;
}

/**
 * Departments with fewer than `threshold` people in the programme are shown together as "Other
 * departments", so a filter can never name a department small enough to point at someone.
 */
export function recodeDepartments(people: readonly { unit: string; department: string | null }[], threshold: number): DepartmentCoding {
  const members = new Map<string, Set<string>>();
  for (const p of people) {
    if (p.department === null || p.department.trim() === '') continue;
    const set = members.get(p.department) ?? new Set<string>();
    set.add(p.unit);
    members.set(p.department, set);
  }
  const kept = new Set([...members].filter(([, set]) => set.size >= threshold).map(([name]) => name));
  const code = (department: string | null) => (department !== null && kept.has(department) ? department : otherDepartments);
  const offered = [...kept].sort((a, b) => a.localeCompare(b));
  if (people.some((p) => code(p.department) === otherDepartments)) offered.push(otherDepartments);
  return { offered, code };
}

/** `YYYY-MM` of an ISO date or timestamp, in UTC. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** Every month from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = to.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Clamps a month into the table's range, so a fact from just before the programme opened still counts. */
export function clampMonth(month: string, months: readonly string[]): string {
  const first = months[0]!;
  const last = months[months.length - 1]!;
  return month < first ? first : month > last ? last : month;
}
