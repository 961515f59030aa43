import type { DayOfWeek, FreeBusyStatus, MailboxSettings, Room, RoomList, User } from '@microsoft/microsoft-graph-types';

/** `T` with the properties `K` present and not null. */
type Filled<T, K extends keyof T> = T & { [P in K]-?: NonNullable<T[P]> };

/** A directory user as Graph returns it, with the properties the demo always fills. */
export type DemoUser = Filled<
  User,
  | 'id'
  | 'displayName'
  | 'givenName'
  | 'surname'
  | 'mail'
  | 'userPrincipalName'
  | 'jobTitle'
  | 'department'
  | 'officeLocation'
  | 'city'
  | 'country'
  | 'employeeHireDate'
  | 'preferredLanguage'
  | 'accountEnabled'
  | 'usageLocation'
  | 'onPremisesExtensionAttributes'
>;

export interface DemoPerson {
  user: DemoUser;
  /** Null for the CEO and the few people whose manager the directory does not know. */
  managerId: string | null;
  mailboxSettings: MailboxSettings;
  buildingId: string;
  floorNumber: number;
  /** Upward app roles assigned to the person (for example `Upward.Admin`). */
  appRoles: string[];
}

export interface DemoBuilding {
  id: string;
  /** Short code used in room mail addresses, for example `LDN-TH`. */
  code: string;
  name: string;
  city: string;
  country: string;
  countryCode: string;
  /** Windows time zone name, as Exchange stores it. */
  timeZone: string;
  street: string;
  /** State, province or region, as Exchange keeps it in a place's address. */
  state: string;
  postalCode: string;
  floors: number;
}

export type DemoRoom = Filled<Room, 'id' | 'displayName' | 'emailAddress' | 'building' | 'floorNumber' | 'capacity' | 'bookingType' | 'tags'>;

export interface DemoRoomList {
  list: Filled<RoomList, 'id' | 'displayName' | 'emailAddress'>;
  roomIds: string[];
}

/** A recurring meeting, kept as its pattern and expanded on demand for any window. */
export interface DemoSeries {
  id: string;
  subject: string;
  organizerId: string;
  /** People attending, organizer included. */
  attendeeIds: string[];
  roomId: string | null;
  /** Windows time zone of the pattern's wall-clock times. */
  timeZone: string;
  /** First day the pattern may occur, `YYYY-MM-DD`. */
  startDate: string;
  /** Wall-clock start, `HH:mm`. */
  startTime: string;
  durationMinutes: number;
  daysOfWeek: DayOfWeek[];
  /** Every `intervalWeeks` weeks, counted from the week of `startDate`. */
  intervalWeeks: number;
  showAs: FreeBusyStatus;
  isPrivate: boolean;
}

export interface DemoOrg {
  seed: string | number;
  tenantId: string;
  clientId: string;
  domain: string;
  people: DemoPerson[];
  byId: ReadonlyMap<string, DemoPerson>;
  buildings: DemoBuilding[];
  rooms: DemoRoom[];
  roomLists: DemoRoomList[];
  series: DemoSeries[];
}
