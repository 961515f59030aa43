import type { Json } from './shape';

/**
 * An example request and response of the Microsoft Graph v1.0 reference, translated to the demo
 * organisation: `{name}` placeholders stand for its ids (see `contract.test.ts`), dates are moved
 * into the future, long texts shortened. Only the members and their JSON types of `body` count.
 */
export interface DocumentedExample {
  /** The reference page and the example on it. */
  source: string;
  title: string;
  /** Who calls: a signed-in person (Catherine, or Priya the admin) with Upward's delegated scopes, or the app with its roles. */
  as: 'leader' | 'admin' | 'app';
  /**
   * Something the example presumes exists: an event in the caller's calendar, a chat with
   * messages, an app installed for Catherine (`{installedApp}`, `{installationId}`), or an online
   * meeting's chat (`{meetingChat}`) with a tab of the app `{catalogApp}` pinned.
   */
  needs?: 'event' | 'chat' | 'installation' | 'meetingTab';
  /** The stand-in answers this request with a 429 fault, as a throttled Graph does. */
  throttled?: boolean;
  request: { method: string; path: string; headers?: Record<string, string>; body?: Json };
  response: { status: number; contentType?: RegExp; headers?: string[]; body?: Json };
  /**
   * Shape differences that remain, each with why it does not matter to Upward or why the example,
   * not the stand-in, is off. The suite expects exactly these: a new difference fails it, and so
   * does one that has gone (remove it here).
   */
  knownDifferences?: Record<string, string>;
}

const REF = 'https://learn.microsoft.com/graph/api';
const JSON_TYPE = /^application\/json/;
const schedule = (dateTime: string) => ({ dateTime, timeZone: 'Pacific Standard Time' });
const room = {
  id: 'string',
  emailAddress: 'string',
  displayName: 'string',
  address: { street: 'string', city: 'string', state: 'string', postalCode: 'string', countryOrRegion: 'string' },
  geoCoordinates: { latitude: 47.6, longitude: -122.1 },
  phone: 'string',
  nickname: 'string',
  label: 'string',
  // The example writes "50" (a string); the v1.0 room type and Exchange answer an Int32.
  capacity: 50,
  building: 'string',
  floorNumber: 1,
  isManaged: true,
  isWheelchairAccessible: false,
  bookingType: 'standard',
  tags: ['string'],
  audioDeviceName: null,
  videoDeviceName: null,
  displayDevice: 'string',
};
/** Where the room examples and the stand-in's rooms differ, for both examples that list rooms. */
const ROOM_DIFFERENCES = {
  '$.value[].geoCoordinates: missing': 'The demo rooms have no coordinates; Upward picks rooms by building, floor and capacity, never by position.',
  '$.value[].isManaged: missing': 'Not a member of the v1.0 room type ($metadata, as @microsoft/microsoft-graph-types has it); the example shows a beta member.',
  '$.value[].isWheelchairAccessible: missing': 'The v1.0 room type spells it isWheelChairAccessible, which the stand-in returns; the example misspells it.',
  '$.value[].displayDevice: missing': 'The v1.0 room type calls it displayDeviceName, which the stand-in returns; the example uses another name.',
};
const dateTimeTimeZone = { dateTime: 'string', timeZone: 'string' };
const event = {
  '@odata.context': 'string',
  '@odata.etag': 'string',
  id: 'string',
  createdDateTime: 'string',
  lastModifiedDateTime: 'string',
  changeKey: 'string',
  categories: [],
  originalStartTimeZone: 'string',
  originalEndTimeZone: 'string',
  iCalUId: 'string',
  reminderMinutesBeforeStart: 15,
  isReminderOn: true,
  hasAttachments: false,
  subject: 'string',
  bodyPreview: 'string',
  importance: 'normal',
  sensitivity: 'normal',
  isAllDay: false,
  isCancelled: false,
  isOrganizer: true,
  responseRequested: true,
  seriesMasterId: null,
  showAs: 'busy',
  type: 'singleInstance',
  webLink: 'string',
  onlineMeetingUrl: null,
  responseStatus: { response: 'organizer', time: 'string' },
  body: { contentType: 'html', content: 'string' },
  start: dateTimeTimeZone,
  end: dateTimeTimeZone,
  location: { displayName: 'string', locationType: 'default', uniqueId: 'string', uniqueIdType: 'private' },
  locations: [{ displayName: 'string', locationType: 'default', uniqueIdType: 'unknown' }],
  recurrence: null,
  attendees: [{ type: 'required', status: { response: 'none', time: 'string' }, emailAddress: { name: 'string', address: 'string' } }],
  organizer: { emailAddress: { name: 'string', address: 'string' } },
};
const chatMessage = {
  id: 'string',
  replyToId: null,
  etag: 'string',
  messageType: 'message',
  createdDateTime: 'string',
  lastModifiedDateTime: 'string',
  lastEditedDateTime: null,
  deletedDateTime: null,
  subject: null,
  summary: null,
  chatId: null,
  importance: 'normal',
  locale: 'en-us',
  webUrl: null,
  channelIdentity: null,
  policyViolation: null,
  eventDetail: null,
  from: { application: null, device: null, user: { id: 'string', displayName: 'string', userIdentityType: 'aadUser' } },
  body: { contentType: 'text', content: 'string' },
  attachments: [],
  mentions: [],
  reactions: [],
};
/** What the event-update reference changes, and reads back with the same values. */
const eventChanges = { recurrence: null, reminderMinutesBeforeStart: 99, isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', isReminderOn: true, hideAttendees: false };
/** A user as `GET /users` lists them without `$select` (the user-list reference's example 1). */
const listedUser = { businessPhones: ['string'], displayName: 'string', givenName: 'string', jobTitle: 'string', mail: 'string', mobilePhone: 'string', officeLocation: 'string', preferredLanguage: 'string', surname: 'string', userPrincipalName: 'string', id: 'string' };
const errorBody = { error: { code: 'string', message: 'string', innerError: { date: 'string', 'request-id': 'string', 'client-request-id': 'string' } } };

/** One per operation Upward calls, grouped by Graph area. */
export const DOCUMENTED_EXAMPLES: readonly DocumentedExample[] = [
  // Directory
  {
    source: `${REF}/user-list#example-1-get-all-users`,
    title: 'list users',
    as: 'app',
    request: { method: 'GET', path: '/users' },
    response: {
      status: 200,
      contentType: JSON_TYPE,
      body: {
        '@odata.context': 'string',
        value: [listedUser],
      },
    },
  },
  {
    source: 'https://learn.microsoft.com/graph/filter-query-parameter#for-single-primitive-types-like-string-int-and-dates',
    title: 'list users whose mail is in a list (the `in` operator, as Upward looks people up by address)',
    as: 'app',
    request: { method: 'GET', path: "/users?$filter=mail in ('{leaderMail}', '{mentorMail}')" },
    response: { status: 200, contentType: JSON_TYPE, body: { '@odata.context': 'string', value: [listedUser] } },
  },
  {
    source: `${REF}/user-list#example-4-use-filter-and-top-to-get-one-user-with-a-display-name-that-starts-with-a-including-a-count-of-returned-objects`,
    title: 'list users with $filter, $orderby, $count and $top (an advanced query)',
    as: 'app',
    request: { method: 'GET', path: "/users?$filter=startswith(displayName,'C')&$orderby=displayName&$count=true&$top=1", headers: { ConsistencyLevel: 'eventual' } },
    response: { status: 200, contentType: JSON_TYPE, body: { '@odata.context': 'string', '@odata.count': 1, value: [{ displayName: 'string', mail: 'string', userPrincipalName: 'string' }] } },
  },
  {
    source: `${REF}/user-list-manager#example-1-get-manager`,
    title: 'get manager',
    as: 'app',
    request: { method: 'GET', path: '/users/{mentor}/manager' },
    response: { status: 200, contentType: JSON_TYPE, body: { id: 'string', displayName: 'string', jobTitle: 'string', mail: 'string', userPrincipalName: 'string' } },
  },
  {
    source: `${REF}/user-list-manager#example-2-get-manager-chain-up-to-the-root-level`,
    title: 'get manager chain up to the root level',
    as: 'leader',
    request: { method: 'GET', path: '/me?$expand=manager($levels=max;$select=id,displayName)&$select=id,displayName&$count=true', headers: { ConsistencyLevel: 'eventual' } },
    response: { status: 200, contentType: JSON_TYPE, body: { id: 'string', displayName: 'string', manager: { id: 'string', displayName: 'string' } } },
  },
  {
    source: `${REF}/user-delta#example-2-selecting-three-properties`,
    title: 'user delta selecting three properties',
    as: 'app',
    request: { method: 'GET', path: '/users/delta?$select=displayName,jobTitle,mobilePhone' },
    response: { status: 200, contentType: JSON_TYPE, body: { '@odata.context': 'string', '@odata.nextLink': 'string', value: [{ displayName: 'string', jobTitle: 'string', mobilePhone: null }] } },
  },
  {
    source: `${REF}/profilephoto-get#example-3-get-the-metadata-of-the-user-photo-of-the-signed-in-user`,
    title: 'get the metadata of the signed-in person’s photo',
    as: 'leader',
    request: { method: 'GET', path: '/me/photo' },
    response: {
      status: 200,
      contentType: JSON_TYPE,
      body: { '@odata.context': 'string', '@odata.id': 'string', '@odata.mediaContentType': 'image/jpeg', '@odata.mediaEtag': 'string', id: 'string', width: 240, height: 240 },
    },
  },
  {
    source: `${REF}/profilephoto-get#example-1-get-the-photo-for-the-signed-in-user-in-the-largest-available-size`,
    title: 'get the signed-in person’s photo',
    as: 'leader',
    request: { method: 'GET', path: '/me/photo/$value' },
    response: { status: 200, contentType: /^image\// },
  },
  // Outlook: mailbox settings, places, calendar
  {
    source: `${REF}/user-get-mailboxsettings#example-1-get-all-mailbox-settings-of-the-signed-in-users-mailbox`,
    title: 'get all mailbox settings of the signed-in person',
    as: 'leader',
    request: { method: 'GET', path: '/me/mailboxSettings' },
    response: {
      status: 200,
      contentType: JSON_TYPE,
      body: {
        '@odata.context': 'string',
        automaticRepliesSetting: { status: 'string', externalAudience: 'string', scheduledStartDateTime: dateTimeTimeZone, scheduledEndDateTime: dateTimeTimeZone, internalReplyMessage: 'string', externalReplyMessage: 'string' },
        timeZone: 'string',
        language: { locale: 'string', displayName: 'string' },
        workingHours: { daysOfWeek: ['monday'], startTime: 'string', endTime: 'string', timeZone: { name: 'string' } },
        userPurpose: { value: 'user' },
        dateFormat: 'string',
        timeFormat: 'string',
        delegateMeetingMessageDeliveryOptions: 'string',
      },
    },
    knownDifferences: {
      '$.automaticRepliesSetting: missing': 'The demo mailboxes keep no automatic replies; Upward reads only the time zone and working hours.',
      '$.userPurpose: documented object, got string': 'The v1.0 mailboxSettings type has userPurpose as an enumeration (a string), which the stand-in returns; the example shows the beta object.',
      '$.delegateMeetingMessageDeliveryOptions: missing': 'Not kept by the demo mailboxes; Upward never reads it.',
    },
  },
  {
    source: `${REF}/place-list#example-1-list-all-the-rooms-defined-in-the-tenant`,
    title: 'list all the rooms',
    as: 'app',
    request: { method: 'GET', path: '/places/microsoft.graph.room' },
    response: { status: 200, contentType: JSON_TYPE, body: { '@odata.context': 'string', value: [room] } },
    knownDifferences: ROOM_DIFFERENCES,
  },
  {
    source: `${REF}/place-list#example-2-list-all-the-room-lists-defined-in-the-tenant`,
    title: 'list all the room lists',
    as: 'app',
    request: { method: 'GET', path: '/places/microsoft.graph.roomlist' },
    response: {
      status: 200,
      contentType: JSON_TYPE,
      body: {
        '@odata.context': 'string',
        value: [{ id: 'string', displayName: 'string', address: { street: 'string', city: 'string', state: 'string', postalCode: 'string', countryOrRegion: 'string' }, geocoordinates: null, phone: null, emailAddress: 'string' }],
      },
    },
    knownDifferences: {
      '$.value[].geocoordinates: missing': 'The v1.0 roomList type spells it geoCoordinates; the demo room lists have none, and Upward reads only a list’s rooms.',
      '$.value[].phone: missing': 'The demo room lists have no phone number; Upward never reads it.',
    },
  },
  {
    source: `${REF}/place-list#example-3-list-rooms-contained-in-a-room-list`,
    title: 'list the rooms of a room list',
    as: 'app',
    request: { method: 'GET', path: '/places/{roomList}/microsoft.graph.roomlist/rooms' },
    response: { status: 200, contentType: JSON_TYPE, body: { '@odata.context': 'string', value: [room] } },
    knownDifferences: ROOM_DIFFERENCES,
  },
  {
    source: `${REF}/calendar-getschedule#example`,
    title: 'calendar: getSchedule',
    as: 'leader',
    request: {
      method: 'POST',
      path: '/me/calendar/getSchedule',
      headers: { Prefer: 'outlook.timezone="Pacific Standard Time"', 'Content-Type': 'application/json' },
      body: { schedules: ['{leaderMail}', '{mentorMail}'], startTime: schedule('2030-03-15T09:00:00'), endTime: schedule('2030-03-15T18:00:00'), availabilityViewInterval: 60 },
    },
    response: {
      status: 200,
      contentType: JSON_TYPE,
      body: {
        '@odata.context': 'string',
        value: [
          {
            scheduleId: 'string',
            availabilityView: 'string',
            scheduleItems: [],
            workingHours: { daysOfWeek: ['monday'], startTime: 'string', endTime: 'string', timeZone: { name: 'string' } },
          },
        ],
      },
    },
  },
  {
    source: `${REF}/user-post-events#request-1`,
    title: 'create event',
    as: 'leader',
    request: {
      method: 'POST',
      path: '/me/events',
      headers: { Prefer: 'outlook.timezone="Pacific Standard Time"', 'Content-Type': 'application/json' },
      body: {
        subject: "Let's go for lunch",
        body: { contentType: 'HTML', content: 'Does late morning work for you?' },
        start: schedule('2030-04-15T12:00:00'),
        end: schedule('2030-04-15T14:00:00'),
        location: { displayName: "Harry's Bar" },
        attendees: [{ emailAddress: { address: '{mentorMail}', name: 'Jun Park' }, type: 'required' }],
      },
    },
    response: { status: 201, contentType: JSON_TYPE, body: event },
  },
  {
    source: `${REF}/user-post-events#request-3`,
    title: 'create a recurring event',
    as: 'leader',
    request: {
      method: 'POST',
      path: '/me/events',
      headers: { 'Content-Type': 'application/json' },
      body: {
        subject: "Let's go for lunch",
        body: { contentType: 'HTML', content: 'Does noon time work for you?' },
        start: schedule('2030-09-02T12:00:00'),
        end: schedule('2030-09-02T14:00:00'),
        recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: ['Monday'] }, range: { type: 'endDate', startDate: '2030-09-02', endDate: '2030-12-31' } },
        location: { displayName: "Harry's Bar" },
        attendees: [{ emailAddress: { address: '{mentorMail}', name: 'Jun Park' }, type: 'required' }],
      },
    },
    response: {
      status: 201,
      contentType: JSON_TYPE,
      body: {
        ...event,
        type: 'seriesMaster',
        recurrence: {
          pattern: { type: 'weekly', interval: 1, month: 0, dayOfMonth: 0, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday', index: 'first' },
          range: { type: 'endDate', startDate: 'string', endDate: 'string', recurrenceTimeZone: 'string', numberOfOccurrences: 0 },
        },
      },
    },
  },
  {
    source: `${REF}/event-get#request-1`,
    title: 'get event with $select, in the preferred time zone',
    as: 'leader',
    needs: 'event',
    request: {
      method: 'GET',
      path: '/me/events/{eventId}?$select=subject,body,bodyPreview,organizer,attendees,start,end,location,hideAttendees',
      headers: { Prefer: 'outlook.timezone="Pacific Standard Time"' },
    },
    response: {
      status: 200,
      contentType: JSON_TYPE,
      headers: ['preference-applied'],
      body: {
        '@odata.context': 'string',
        '@odata.etag': 'string',
        id: 'string',
        subject: 'string',
        bodyPreview: 'string',
        hideAttendees: false,
        body: { contentType: 'html', content: 'string' },
        start: dateTimeTimeZone,
        end: dateTimeTimeZone,
        location: { displayName: 'string', locationType: 'default', uniqueId: 'string', uniqueIdType: 'private' },
        attendees: event.attendees,
        organizer: event.organizer,
      },
    },
  },
  {
    source: `${REF}/event-update#example`,
    title: 'update event',
    as: 'leader',
    needs: 'event',
    request: {
      method: 'PATCH',
      path: '/me/events/{eventId}',
      headers: { 'Content-Type': 'application/json' },
      body: {
        originalStartTimeZone: 'originalStartTimeZone-value',
        originalEndTimeZone: 'originalEndTimeZone-value',
        responseStatus: { response: '', time: 'datetime-value' },
        ...eventChanges,
        categories: ['Red category'],
      },
    },
    response: {
      status: 200,
      contentType: JSON_TYPE,
      body: {
        originalStartTimeZone: 'string',
        originalEndTimeZone: 'string',
        responseStatus: { response: 'string', time: 'string' },
        ...eventChanges,
        onlineMeeting: { joinUrl: 'string', conferenceId: 'string', tollNumber: 'string' },
      },
    },
    knownDifferences: {
      '$.onlineMeeting.tollNumber: missing': 'A dial-in number comes with an Audio Conferencing licence, which the demo tenant lacks; Upward shows only the join link.',
    },
  },
  {
    source: `${REF}/user-list-calendarview#example`,
    title: 'list calendarView',
    as: 'leader',
    needs: 'event',
    request: { method: 'GET', path: '/me/calendarView?startDateTime=2030-01-01T19:00:00-08:00&endDateTime=2030-01-02T19:00:00-08:00' },
    response: {
      status: 200,
      contentType: JSON_TYPE,
      body: { value: [{ originalStartTimeZone: 'string', originalEndTimeZone: 'string', responseStatus: { response: 'accepted', time: 'string' }, iCalUId: 'string', reminderMinutesBeforeStart: 15, isReminderOn: true }] },
    },
  },
  {
    source: `${REF}/event-cancel#example`,
    title: 'event: cancel',
    as: 'leader',
    needs: 'event',
    request: { method: 'POST', path: '/me/events/{eventId}/cancel', headers: { 'Content-Type': 'application/json' }, body: { Comment: 'Cancelling for this week due to all hands' } },
    response: { status: 202 },
  },
  {
    source: `${REF}/event-delete#example`,
    title: 'delete event',
    as: 'leader',
    needs: 'event',
    request: { method: 'DELETE', path: '/me/events/{eventId}' },
    response: { status: 204 },
  },
  // $batch, errors, throttling
  {
    source: 'https://learn.microsoft.com/graph/json-batching#example-json-batch-request',
    title: 'JSON batch: a step with ConsistencyLevel, $filter and $count',
    as: 'app',
    request: {
      method: 'POST',
      path: '/$batch',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: { requests: [{ id: '5', url: 'users?$select=id,displayName,userPrincipalName&$filter=city eq null&$count=true', method: 'GET', headers: { ConsistencyLevel: 'eventual' } }] },
    },
    response: {
      status: 200,
      contentType: JSON_TYPE,
      body: { responses: [{ id: '5', status: 200, headers: { 'Content-Type': 'string' }, body: { '@odata.context': 'string', '@odata.count': 36, value: [{ id: 'string', displayName: 'string', userPrincipalName: 'string' }] } }] },
    },
  },
  {
    source: 'https://learn.microsoft.com/graph/errors#error-resource-type',
    title: 'an error in Graph’s shape (a user that does not exist)',
    as: 'app',
    request: { method: 'GET', path: '/users/00000000-0000-0000-0000-000000000000', headers: { 'client-request-id': '3f1f9c2e-5b6a-4d8e-9f0a-1b2c3d4e5f60' } },
    response: { status: 404, contentType: JSON_TYPE, headers: ['request-id', 'client-request-id'], body: errorBody },
  },
  {
    source: 'https://learn.microsoft.com/graph/throttling#sample-response',
    title: 'a throttled request: 429 with Retry-After',
    as: 'app',
    throttled: true,
    request: { method: 'GET', path: '/users/{leader}/mailboxSettings' },
    response: { status: 429, contentType: JSON_TYPE, headers: ['retry-after'], body: errorBody },
  },
  // Teams
  {
    source: `${REF}/userteamwork-post-installedapps#example`,
    title: 'install app for user',
    as: 'app',
    request: { method: 'POST', path: '/users/{mentor}/teamwork/installedApps', headers: { 'Content-Type': 'application/json' }, body: { 'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{catalogApp}' } },
    response: { status: 201 },
  },
  {
    source: `${REF}/userteamwork-list-installedapps#example-1-list-apps-installed-for-the-specified-user`,
    title: 'list apps installed for user',
    as: 'app',
    needs: 'installation',
    request: { method: 'GET', path: '/users/{leader}/teamwork/installedApps' },
    response: { status: 200, contentType: JSON_TYPE, body: { value: [{ id: 'string' }] } },
  },
  {
    // The request is the Teams platform's (the one Upward sends); the members of the expanded app are the Graph reference's (example 3 there).
    source: 'https://learn.microsoft.com/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages#determine-whether-your-bot-is-currently-installed-for-a-message-recipient',
    title: 'list apps installed for user: the app expanded, filtered by its catalog id',
    as: 'app',
    needs: 'installation',
    request: { method: 'GET', path: "/users/{leader}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{installedApp}'" },
    response: {
      status: 200,
      contentType: JSON_TYPE,
      body: { value: [{ id: 'string', teamsApp: { id: 'string', externalId: 'string', displayName: 'string', distributionMethod: 'sideloaded' } }] },
    },
  },
  {
    source: `${REF}/userscopeteamsappinstallation-get-chat#example-1-list-one-on-one-chats-between-the-specified-user-and-the-teams-app`,
    title: 'get chat between user and app',
    as: 'app',
    needs: 'installation',
    request: { method: 'GET', path: '/users/{leader}/teamwork/installedApps/{installationId}/chat' },
    response: { status: 200, contentType: JSON_TYPE, body: { '@odata.context': 'string', id: 'string' } },
  },
  {
    source: `${REF}/chat-list-messages#example-1-request-without-optional-prefer-header`,
    title: 'list messages in a chat',
    as: 'app',
    needs: 'chat',
    request: { method: 'GET', path: '/chats/{chatId}/messages?$top=2' },
    response: { status: 200, contentType: JSON_TYPE, body: { '@odata.context': 'string', '@odata.count': 3, '@odata.nextLink': 'string', value: [{ ...chatMessage, messageHistory: [] }] } },
  },
  {
    source: `${REF}/chat-list-tabs#example-1-list-all-the-tabs-in-the-chat-along-with-associated-teams-app`,
    title: 'list tabs in chat, the app expanded',
    as: 'app',
    needs: 'meetingTab',
    request: { method: 'GET', path: '/chats/{meetingChat}/tabs?$expand=teamsApp' },
    response: {
      status: 200,
      contentType: JSON_TYPE,
      body: {
        value: [
          {
            id: 'string',
            displayName: 'string',
            sortOrderIndex: 'string',
            webUrl: 'string',
            configuration: { entityId: 'string', contentUrl: 'string', websiteUrl: 'string', removeUrl: 'string' },
            teamsApp: { id: 'string', displayName: 'string', distributionMethod: 'store' },
          },
        ],
      },
    },
    knownDifferences: {
      '$.value[].sortOrderIndex: missing': 'Not a member of the v1.0 teamsTab type ($metadata, as @microsoft/microsoft-graph-types has it); Upward reads only the tab\'s app.',
    },
  },
  {
    source: `${REF}/channel-post-messages#example-1-create-a-message-in-a-specified-channel`,
    title: 'send chatMessage in a channel',
    as: 'admin',
    request: { method: 'POST', path: '/teams/{team}/channels/{channel}/messages', headers: { 'Content-Type': 'application/json' }, body: { body: { content: 'Hello World' } } },
    response: {
      status: 201,
      contentType: JSON_TYPE,
      body: {
        '@odata.context': 'string',
        ...chatMessage,
        webUrl: 'string',
        from: { ...chatMessage.from, conversation: null },
        channelIdentity: { teamId: 'string', channelId: 'string' },
      },
    },
  },
];
