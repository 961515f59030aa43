/**
 * The commands the Upward bot advertises in Teams (the command menu of the 1:1 chat). The app
 * manifest lists exactly these (a test keeps the two equal) and the bot routes on the same titles,
 * so a command can never be advertised without a handler. Titles stay in English in every
 * language: Teams sends the title as the message text, and the bot matches on it.
 */
export const botCommands = [
  { title: 'help', description: 'What I can do for you and your partner' },
  { title: 'next session', description: 'When and where your next session is, and how to join' },
  { title: 'agenda', description: 'See the agenda of your next session, or add an item to it' },
  { title: 'reflect', description: 'Write a private reflection on your last session' },
  { title: 'praise', description: 'Thank your partner for something they helped you with' },
  { title: 'pause reminders', description: 'Stop my reminders for a while (I will tell you when they resume)' },
] as const;

export type BotCommand = (typeof botCommands)[number];
export type BotCommandTitle = BotCommand['title'];
