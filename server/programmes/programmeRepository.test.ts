import { defaultProgrammeSettings } from '../../shared/programmeSettings';
import { defaultProgrammeDetails } from '../../shared/schemas/programme';
import { describeEachEngine } from '../../test/harness/databases';
import { json, reportStoredDataTo } from '../store/json';
import { programmeDetailsOf, programmeRepository, programmeSettingsOf } from './programmeRepository';

const warn = jest.fn();
beforeAll(() => reportStoredDataTo({ warn }));
beforeEach(() => warn.mockClear());

describe('reading stored programme settings and details', () => {
  it('fills the fields an old row was written without with their defaults, quietly', () => {
    expect(programmeSettingsOf({ cadenceDays: 21 }, 'p1')).toEqual({ ...defaultProgrammeSettings, cadenceDays: 21 });
    expect(programmeDetailsOf({}, 'p1')).toEqual(defaultProgrammeDetails);
    expect(warn).not.toHaveBeenCalled();
  });

  it('reads a field that no longer parses as its default, keeps the others, and logs which one', () => {
    const settings = programmeSettingsOf({ cadenceDays: 3, sessionMinutes: 45 }, 'p1');
    expect(settings.cadenceDays).toBe(defaultProgrammeSettings.cadenceDays);
    expect(settings.sessionMinutes).toBe(45);
    expect(warn).toHaveBeenCalledWith({ table: 'programmes', column: 'settings', id: 'p1', fields: ['cadenceDays'] }, expect.any(String));
  });

  it('reads a value that is not an object at all as all defaults, and logs it', () => {
    expect(programmeDetailsOf(['a'], 'p2')).toEqual(defaultProgrammeDetails);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ id: 'p2', fields: ['(not an object)'] }), expect.any(String));
  });

  it('never reads an unreadable anonymity threshold as lower than the programme default', () => {
    for (const stored of ['five', 2, 4.5, null, -1, 1000]) {
      expect(programmeSettingsOf({ anonymityThreshold: stored }, 'p4').anonymityThreshold).toBe(defaultProgrammeSettings.anonymityThreshold);
    }
    expect(warn).toHaveBeenCalledTimes(6);
  });

  it('drops keys the type does not name', () => {
    expect(programmeDetailsOf({ list: ['a'], charterText: 'Ours' }, 'p3')).toEqual({ ...defaultProgrammeDetails, charterText: 'Ours' });
  });
});

describeEachEngine('programme repository', (database) => {
  it('loads a programme whose stored settings and details are partial or invalid with every field typed', async () => {
    const { db } = database();
    const id = '7d1f0c1e-5b7a-4c1e-8f3a-2b1c0d9e8f7a';
    await db
      .insertInto('programmes')
      .values({ tenant_id: 't', id, name: 'Old', settings: json({ relationshipMonths: 4, anonymityThreshold: 'five' }), details: json({ surveySchedule: { midPoint: 'yes' } }), starts_on: '2025-01-01', ends_on: '2025-10-01', status: 'running', created_by: 'admin', updated_at: new Date() })
      .execute();
    const programme = await programmeRepository(db, 't').load(id);
    expect(programme?.settings).toEqual({ ...defaultProgrammeSettings, relationshipMonths: 4 });
    expect(programme?.details.surveySchedule).toEqual(defaultProgrammeDetails.surveySchedule);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
