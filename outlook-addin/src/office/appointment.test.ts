/// <reference types="office-js" />
import { OfficeMockObject } from 'office-addin-mock';
import { fillAppointment } from './appointment';

interface Recorded {
  value?: unknown;
}

type MockItem = Record<'start' | 'end' | 'location' | 'subject', Recorded> & { requiredAttendees: { added: unknown[] } };
const asCompose = (item: MockItem) => item as unknown as Office.AppointmentCompose;

/** The compose appointment as office-addin-mock plays it: each setter records its value and calls back like Outlook. */
function composeItem(options: { failLocation?: boolean } = {}) {
  const field = (fail = false) => ({
    value: undefined as unknown,
    setAsync(this: Recorded, value: unknown, callback: (r: { status: string; error?: { message: string } }) => void) {
      if (fail) return callback({ status: 'failed', error: { message: 'The location is read-only here.' } });
      this.value = value;
      callback({ status: 'succeeded' });
    },
  });
  return new OfficeMockObject({
    host: 'outlook',
    context: {
      mailbox: {
        item: {
          start: field(),
          end: field(),
          location: field(options.failLocation),
          subject: field(),
          requiredAttendees: {
            added: [] as unknown[],
            addAsync(this: { added: unknown[] }, people: unknown[], callback: (r: { status: string }) => void) {
              this.added.push(...people);
              callback({ status: 'succeeded' });
            },
          },
        },
      },
    },
  }) as unknown as { context: { mailbox: { item: MockItem } } };
}

const fill = {
  start: new Date('2026-03-02T10:00:00Z'),
  end: new Date('2026-03-02T11:00:00Z'),
  location: "LDN-KX 3.2 Cedar (King's Cross Hub, floor 3)",
  partner: { displayName: 'Jun Park', mail: 'jun.park@contoso.example' },
  subject: 'Upward session',
};

describe('filling the open appointment through Office.js', () => {
  it('sets the time, the neutral place, the neutral subject and the partner as a required attendee', async () => {
    const office = composeItem();
    const item = office.context.mailbox.item;
    await fillAppointment(asCompose(item), fill);
    expect(item.start.value).toEqual(fill.start);
    expect(item.end.value).toEqual(fill.end);
    expect(item.location.value).toBe(fill.location);
    expect(item.subject.value).toBe('Upward session');
    expect(item.requiredAttendees.added).toEqual([{ displayName: 'Jun Park', emailAddress: 'jun.park@contoso.example' }]);
  });

  it('stops with Outlook’s message when Outlook refuses a change', async () => {
    const office = composeItem({ failLocation: true });
    await expect(fillAppointment(asCompose(office.context.mailbox.item), fill)).rejects.toThrow('The location is read-only here.');
    expect(office.context.mailbox.item.subject.value).toBeUndefined();
  });
});
