import { randomUUID } from 'node:crypto';
import type { Activity } from '@microsoft/agents-activity';
import { AgentApplication, CardFactory, type CloudAdapter, Conversation, MessageFactory, type Storage, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import { botCommands, type BotCommandTitle } from '../shared/botCommands';
import type { BotBackend, Person, SurveyKind } from './botBackend';
import { botText, type BotText } from './botText';
import { type Card, withCardId } from './cards/cardText';
import { proposalAnsweredCard, type TabLinks } from './cards/noticeCards';
import { maxProposedTakeaways, nothingToReflectOnCard, reflectionCard, reflectionSavedCard } from './cards/reflectionCards';
import { answeredAlreadyCard, helpCard, pausedCard, praiseComposeCard, textCard, unknownPersonCard } from './cards/relationshipCards';
import { noSessionCard, sessionCard } from './cards/sessionCards';

export interface UpwardBotOptions {
  adapter: CloudAdapter;
  backend: BotBackend;
  /** Where the SDK's proactive store keeps each person's conversation (our Postgres). */
  conversations: Storage;
  /** The bot's app (client) id, the audience proactive sends are made as. */
  botAppId: string;
  clock: () => Date;
  /** The tab's addresses, for the next step after a card. */
  links: TabLinks;
  /** How long "pause reminders" pauses them. */
  pauseDays?: number;
  /** What to tell the person when a turn fails, in their language: plain words, never the error's own message (the host logs it). */
  failureMessage(error: Error, activity: Activity, text: BotText): { title: string; text: string };
}

export function cardActivity(card: Card): Activity {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

const commandPattern = (title: BotCommandTitle) => new RegExp(`^\\s*${title.replace(/ /g, '\\s+')}\\s*[.!?]?\\s*$`, 'i');
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The person's language, as Teams gives it with every activity (their Teams display language). */
const textOf = (context: TurnContext): BotText => botText(context.activity.locale);

/**
 * The Upward bot in a person's 1:1 chat. Every route is registered here, in one place; each
 * handler reads who is writing, asks the backend (the same commands the tab uses) and answers
 * with a card.
 */
export class UpwardBot extends AgentApplication<TurnState> {
  private readonly backend: BotBackend;
  private readonly botAppId: string;
  private readonly clock: () => Date;
  private readonly links: TabLinks;
  private readonly pauseDays: number;
  private readonly failureMessage: UpwardBotOptions['failureMessage'];

  constructor(options: UpwardBotOptions) {
    super({ adapter: options.adapter, proactive: { storage: options.conversations }, startTypingTimer: false });
    this.backend = options.backend;
    this.botAppId = options.botAppId;
    this.clock = options.clock;
    this.links = options.links;
    this.pauseDays = options.pauseDays ?? 14;
    this.failureMessage = options.failureMessage;

    this.onTurn('beforeTurn', async (context) => {
      await this.remember(context);
      return true;
    });
    this.onConversationUpdate('membersAdded', (context) => this.reply(context, helpCard(textOf(context))));

    const commands: Record<BotCommandTitle, (context: TurnContext, person: Person) => Promise<void>> = {
      help: (context) => this.reply(context, helpCard(textOf(context))),
      'next session': (context, person) => this.showNextSession(context, person),
      agenda: (context, person) => this.showNextSession(context, person),
      reflect: (context, person) => this.askForReflection(context, person),
      praise: (context, person) => this.composePraise(context, person),
      'pause reminders': (context, person) => this.pauseReminders(context, person),
    };
    for (const { title } of botCommands) {
      this.onMessage(commandPattern(title), (context) => this.asPerson(context, (person) => commands[title](context, person)));
    }

    this.onAction('agenda.add', async (person, data, text) => {
      const outcome = await this.backend.addAgendaItem(person, str(data.pairId), str(data.text), this.clock());
      return outcome === 'added' ? textCard(text.t('agenda.addedHeading'), text.t('agenda.addedText')) : textCard(text.t('agenda.suggestedHeading'), text.t('agenda.suggestedText'));
    });
    this.onAction('proposal.answer', async (person, data, text) => {
      const outcome = await this.backend.answerProposal(person, str(data.pairId), data.accept === true || data.accept === 'true', this.clock());
      return proposalAnsweredCard(text, outcome, this.links.workspace(str(data.pairId)));
    });
    this.onAction('reflection.submit', async (person, data, text) => {
      const takeaways = Array.from({ length: maxProposedTakeaways }, (_, i) => str(data[`takeaway${i + 1}`])).filter(Boolean);
      const confirmTakeawayIds = Object.entries(data).filter(([k, v]) => k.startsWith('confirm_') && v === 'true').map(([k]) => k.slice('confirm_'.length));
      const result = await this.backend.submitReflection(
        person,
        { pairId: str(data.pairId), sessionId: str(data.sessionId), reflection: str(data.reflection), takeaways, commitment: str(data.commitment) || null, commitmentDueOn: str(data.commitmentDueOn) || null, confirmTakeawayIds },
        this.clock(),
      );
      return reflectionSavedCard(text, { takeaways: takeaways.length, agreed: result.agreed });
    });
    this.onAction('praise.submit', async (person, data, text) => {
      await this.backend.givePraise(person, str(data.pairId), str(data.text), this.clock());
      return textCard(text.t('praise.sentHeading'), text.t('praise.sentText'));
    });
    this.onAction('praise.share', async (person, data, text) => {
      const share = data.share === true || data.share === 'true';
      await this.backend.decidePraiseSharing(person, str(data.pairId), str(data.praiseId), share, this.clock());
      return textCard(text.t('praise.notedHeading'), text.t(share ? 'praise.shared' : 'praise.kept'));
    });
    this.onAction('survey.submit', async (person, data, text) => {
      const { pairId, kind, cardId: _cardId, ...answers } = data;
      await this.backend.answerSurvey(person, str(pairId), str(kind) as SurveyKind, Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, str(v)])), this.clock());
      return textCard(text.t('survey.thanksHeading'), text.t('survey.thanksText'));
    });
    this.onAction('repair.request', async (person, data, text) => {
      // The reason is recorded for the programme admin, in the service's language, not the person's.
      await this.backend.requestRepair(person, str(data.pairId), botText('en').t('repair.reason'), this.clock());
      return textCard(text.t('repair.sentHeading'), text.t('repair.sentText'));
    });
    this.onActivity('message', (context) => this.reply(context, helpCard(textOf(context))));
    this.onError(async (context, error) => {
      const { title, text } = this.failureMessage(error, context.activity, textOf(context));
      await context.sendActivity(cardActivity(textCard(title, text)));
    });
  }

  /**
   * A card's button (Action.Execute): Teams sends an `adaptiveCard/action` invoke whose data holds
   * the card's inputs, and shows the card answered in place of the one pressed. Each sending of a
   * card is answered once: pressed again (another device, a replay) it changes nothing. A failure
   * leaves the card as it was, with what was typed, and says so in words.
   */
  private onAction(verb: string, act: (person: Person, data: Record<string, unknown>, text: BotText) => Promise<Card>): void {
    this.adaptiveCards.actionExecute<{ data?: Record<string, unknown> }>(verb, async (context, _state, action) => {
      const data = action.data && typeof action.data === 'object' ? action.data : {};
      const person = personOf(context);
      const text = textOf(context);
      if (!person) return unknownPersonCard(text);
      const cardId = str(data.cardId);
      if (cardId && !(await this.backend.claimCard(person, cardId, this.clock()))) return answeredAlreadyCard(text);
      try {
        return this.stamped(await act(person, data, text));
      } catch (error) {
        if (cardId) await this.backend.releaseCard(person, cardId);
        const failure = this.failureMessage(error instanceof Error ? error : new Error(String(error)), context.activity, text);
        return `${failure.title}. ${failure.text}`;
      }
    });
  }

  /** A card as it goes out: its buttons carry the id of this sending. */
  private stamped(card: Card): Card {
    return withCardId(card, randomUUID());
  }

  /** Sends a card to a person's stored 1:1 conversation (reminders, nudges). */
  async sendCard(conversation: Conversation, card: Card): Promise<void> {
    await this.proactive.sendActivity(this.adapter, conversation, cardActivity(this.stamped(card)));
  }

  private async remember(context: TurnContext): Promise<void> {
    const person = personOf(context);
    if (!person || context.activity.conversation?.conversationType === 'groupChat' || context.activity.conversation?.conversationType === 'channel') return;
    const conversation = new Conversation(context);
    // Only the audience is kept: the bot speaks as its own id; the sender's token claims are not the bot's to keep.
    conversation.claims = { aud: this.botAppId };
    await this.proactive.storeConversation(conversation);
  }

  private async reply(context: TurnContext, card: Card): Promise<void> {
    await context.sendActivity(cardActivity(this.stamped(card)));
  }

  private async asPerson(context: TurnContext, act: (person: Person) => Promise<void>): Promise<void> {
    const person = personOf(context);
    if (!person) return this.reply(context, unknownPersonCard(textOf(context)));
    await act(person);
  }

  private async showNextSession(context: TurnContext, person: Person): Promise<void> {
    const session = await this.backend.nextSession(person, this.clock());
    const text = textOf(context);
    await this.reply(context, session ? sessionCard(text, session, { reminder: false }) : noSessionCard(text));
  }

  private async askForReflection(context: TurnContext, person: Person): Promise<void> {
    const prompt = await this.backend.reflectionPrompt(person, this.clock());
    const text = textOf(context);
    await this.reply(context, prompt ? reflectionCard(text, prompt) : nothingToReflectOnCard(text));
  }

  private async composePraise(context: TurnContext, person: Person): Promise<void> {
    const pair = await this.backend.currentPair(person);
    const text = textOf(context);
    if (!pair) return this.reply(context, textCard(text.t('praise.noPartnerHeading'), text.t('praise.noPartnerText')));
    if (pair.role !== 'mentee') return this.reply(context, textCard(text.t('praise.mentorHeading'), text.t('praise.mentorText')));
    await this.reply(context, praiseComposeCard(text, pair.pairId, pair.partnerName));
  }

  private async pauseReminders(context: TurnContext, person: Person): Promise<void> {
    const now = this.clock();
    const until = new Date(now.getTime() + this.pauseDays * 86_400_000);
    await this.backend.pauseReminders(person, until, now);
    await this.reply(context, pausedCard(textOf(context), until, await this.backend.timeZone(person)));
  }
}

/** The sender as Teams identifies them: tenant and Entra object id; null when either is missing. */
export function personOf(context: TurnContext): Person | null {
  const a = context.activity;
  const channelData = a.channelData as { tenant?: { id?: string } } | undefined;
  const tenantId = a.conversation?.tenantId ?? channelData?.tenant?.id;
  const userId = a.from?.aadObjectId;
  if (!tenantId || !userId) return null;
  return { tenantId, userId, name: a.from?.name ?? '' };
}
