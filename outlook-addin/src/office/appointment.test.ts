/// <reference types="office-js" />
import { OfficeMockObject } from 'office-addin-mock';
import { type AppointmentFill, fillAppointment } from './appointment';
import english from '../../locales/en.json';
import { installCatalogue } from '../i18n';

type AsyncCallback = (r: { status: string; error?: { message: string } }) => void;

interface Recorded {
  value?: unknown;
}
interface MockItem {
  start: Recorded;
  end: Recorded;
  subject: Recorded;
  location: Recorded;
  sensitivity?: Recorded;
  requiredAttendees: { added: unknown[] };
  enhancedLocation: { added: unknown[] };
  body: { prepended: { data: string; options: unknown }[] };
}
const asCompose = (item: MockItem) => item as unknown as Office.AppointmentCompose;

/**
 * The compose appointment as office-addin-mock plays it, with what Outlook records: each setter
 * keeps its value and calls back as Outlook does; `failOn` makes one of them fail with Outlook's message.
 * `mailbox` below 1.14 leaves out the sensitivity API, as such an Outlook does.
 */
function composeItem(options: { failOn?: 'enhancedLocation'; mailbox?: '1.8' | '1.14' } = {}) {
  const field = () => ({
    value: undefined as unknown,
    setAsync(this: Recorded, value: unknown, callback: AsyncCallback) {
      this.value = value;
      callback({ status: 'succeeded' });
    },
  });
  const item = {
    start: field(),
    end: field(),
    subject: field(),
    location: field(),
    ...(options.mailbox === '1.8' ? {} : { sensitivity: field() }),
    requiredAttendees: {
      added: [] as unknown[],
      addAsync(this: { added: unknown[] }, people: unknown[], callback: AsyncCallback) {
        this.added.push(...people);
        callback({ status: 'succeeded' });
      },
    },
    enhancedLocation: {
      added: [] as unknown[],
      addAsync(this: { added: unknown[] }, locations: unknown[], callback: AsyncCallback) {
        if (options.failOn === 'enhancedLocation') return callback({ status: 'failed', error: { message: 'The room could not be added.' } });
        this.added.push(...locations);
        callback({ status: 'succeeded' });
      },
    },
    body: {
      prepended: [] as { data: string; options: unknown }[],
      prependAsync(this: { prepended: unknown[] }, data: string, opts: unknown, callback: AsyncCallback) {
        this.prepended.push({ data, options: opts });
        callback({ status: 'succeeded' });
      },
    },
  };
  const office = new OfficeMockObject({ host: 'outlook', context: { mailbox: { item } } }) as unknown as { context: { mailbox: { item: MockItem } } };
  return office.context.mailbox.item;
}

const base = {
  start: new Date('2026-03-02T10:00:00Z'),
  end: new Date('2026-03-02T11:00:00Z'),
  partner: { displayName: 'Jun Park', mail: 'jun.park@contoso.example' },
  subject: 'Upward session',
  workspaceUrl: 'https://upward.contoso.example/tab/index.html#/workspace',
};
const room: AppointmentFill = { ...base, venue: { kind: 'room', ref: 'ldn-kx-3-cedar@contoso.example', displayName: "LDN-KX 3.2 Cedar (King's Cross Hub, floor 3)", address: null } };

describe('filling the open appointment through Office.js', () => {
  // The organizer's language words the body's line (English here, as the assertions read).
  beforeAll(() => installCatalogue('en', 'en-GB', english));

  it('invites the room as a resource (an enhanced location of type room), the partner as required, and makes it private with the neutral subject', async () => {
    const item = composeItem();
    const result = await fillAppointment(asCompose(item), room);
    expect(item.start.value).toEqual(base.start);
    expect(item.end.value).toEqual(base.end);
    expect(item.subject.value).toBe('Upward session');
    expect(item.requiredAttendees.added).toEqual([{ displayName: 'Jun Park', emailAddress: 'jun.park@contoso.example' }]);
    expect(item.enhancedLocation.added).toEqual([{ id: 'ldn-kx-3-cedar@contoso.example', type: 'room' }]);
    // Plain location text would leave the room uninvited and unbooked.
    expect(item.location.value).toBeUndefined();
    expect(item.sensitivity!.value).toBe('private');
    expect(item.body.prepended).toEqual([
      { data: `<p>Agenda, notes and take-aways are in your private Upward workspace: <a href="${base.workspaceUrl}">${base.workspaceUrl}</a></p>`, options: { coercionType: 'html' } },
    ]);
    expect(result).toEqual({ setPrivateByHand: false, turnOnTeamsMeeting: false });
  });

  it('writes an off-site venue as a custom location with its address', async () => {
    const item = composeItem();
    await fillAppointment(asCompose(item), { ...base, venue: { kind: 'offsite', ref: 'riverside-cafe', displayName: 'Riverside Café', address: '12 Bankside, London' } });
    expect(item.enhancedLocation.added).toEqual([{ id: 'Riverside Café, 12 Bankside, London', type: 'custom' }]);
  });

  it('adds no location for a Teams meeting and asks the organizer to turn the Teams meeting on, which Office.js cannot do', async () => {
    const item = composeItem();
    const result = await fillAppointment(asCompose(item), { ...base, venue: { kind: 'online', ref: null, displayName: 'Microsoft Teams meeting', address: null } });
    expect(item.enhancedLocation.added).toEqual([]);
    expect(result.turnOnTeamsMeeting).toBe(true);
  });

  it('on an Outlook without the sensitivity API (before Mailbox 1.14) fills the rest and says to set private by hand', async () => {
    const item = composeItem({ mailbox: '1.8' });
    const result = await fillAppointment(asCompose(item), room);
    expect(item.enhancedLocation.added).toHaveLength(1);
    expect(result.setPrivateByHand).toBe(true);
  });

  it('stops with Outlook’s message when Outlook refuses a change, and goes no further', async () => {
    const item = composeItem({ failOn: 'enhancedLocation' });
    await expect(fillAppointment(asCompose(item), room)).rejects.toThrow('The room could not be added.');
    expect(item.sensitivity!.value).toBeUndefined();
    expect(item.body.prepended).toEqual([]);
  });

  it('escapes the workspace address in the body', async () => {
    const item = composeItem();
    await fillAppointment(asCompose(item), { ...room, workspaceUrl: 'https://x.example/?a="><script>' });
    expect(item.body.prepended[0]!.data).not.toContain('<script>');
  });
});
