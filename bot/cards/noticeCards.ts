import { wordPairReason } from '../../shared/matching/reasons';
import { teamsEntityLink } from '../../shared/teamsDeepLinks';
import type { ProposalOutcome, ProposalView } from '../botBackend';
import type { BotText } from '../botText';
import { adaptiveCard, type Card, heading, paragraph, safeText, execute, userText } from './cardText';

const openUrl = (title: string, url: string) => ({ type: 'Action.OpenUrl', title, url });

/** Where the notices point: the personal tabs inside Teams, or the tab's web address (its hash routes). */
export interface TabLinks {
  workspace(pairId?: string): string;
  guides(): string;
}

/**
 * Once the app is in the Teams catalogue, links open the tab inside Teams (entity deep links, the
 * pair as sub-entity); before that, the tab's web address is all there is.
 */
export function tabLinks(tabUrl: string, teamsAppCatalogId?: string): TabLinks {
  if (teamsAppCatalogId) {
    return {
      workspace: (pairId) => teamsEntityLink(teamsAppCatalogId, 'workspace', pairId),
      guides: () => teamsEntityLink(teamsAppCatalogId, 'guides'),
    };
  }
  return {
    workspace: (pairId) => `${tabUrl}#/workspace${pairId ? `/${encodeURIComponent(pairId)}` : ''}`,
    guides: () => `${tabUrl}#/guides`,
  };
}

/**
 * A published match, to each of the two people privately: who the partner is (directory facts,
 * never their reporting line), why the match scored well, and Accept / Decline.
 */
export function proposalCard(text: BotText, view: ProposalView): Card {
  const { partner } = view;
  const facts = [partner.jobTitle, partner.department].filter((f): f is string => Boolean(f));
  const body: unknown[] = [
    heading(text.t('proposal.heading')),
    {
      type: 'RichTextBlock',
      inlines: [
        { type: 'TextRun', text: `${text.t('proposal.matchedWith')} ` },
        { type: 'TextRun', text: safeText(partner.name), weight: 'Bolder' },
        { type: 'TextRun', text: safeText(facts.length ? text.t('proposal.facts', { facts: facts.join(', ') }) : '.') },
      ],
    },
    paragraph(text.t('proposal.role', { role: view.role })),
  ];
  if (view.reasons.length > 0) body.push(paragraph(text.t('proposal.why')), ...view.reasons.map((reason) => userText(`• ${wordPairReason(reason, text)}`)));
  body.push(paragraph(text.t('proposal.declineNote'), { subtle: true }));
  return adaptiveCard(body, [
    execute(text.t('proposal.accept'), 'proposal.answer', { pairId: view.pairId, accept: true }),
    execute(text.t('proposal.decline'), 'proposal.answer', { pairId: view.pairId, accept: false }),
  ]);
}

/** The answer to Accept / Decline: where things stand now. */
export function proposalAnsweredCard(text: BotText, outcome: ProposalOutcome, workspaceUrl: string): Card {
  switch (outcome) {
    case 'waiting-for-partner':
      return adaptiveCard([heading(text.t('proposal.waitingHeading')), paragraph(text.t('proposal.waitingText'))]);
    case 'paired':
      return adaptiveCard([heading(text.t('proposal.pairedHeading')), paragraph(text.t('proposal.pairedText'))], [openUrl(text.t('proposal.signCharter'), workspaceUrl)]);
    case 'declined':
      return adaptiveCard([heading(text.t('proposal.declinedHeading')), paragraph(text.t('proposal.declinedText'))]);
  }
}

/** A programme as it is now, for describing what an admin changed. */
export interface ProgrammeNow {
  name: string;
  cadenceDays: number;
  sessionMinutes: number;
  relationshipMonths: number;
  durationMonths: number;
  endsOn: string;
  surveySchedule: { pairingFitAfterFirstSession: boolean; midPoint: boolean; end: boolean; pulseEveryDays: number };
}

function surveysLine(text: BotText, s: ProgrammeNow['surveySchedule']): string {
  const asked = [
    s.pairingFitAfterFirstSession && text.t('programme.surveyPairingFit'),
    s.midPoint && text.t('programme.surveyMidPoint'),
    s.end && text.t('programme.surveyEnd'),
    s.pulseEveryDays > 0 && text.t('programme.surveyPulse', { days: s.pulseEveryDays }),
  ].filter((a): a is string => Boolean(a));
  return asked.length === 0 ? text.t('programme.noSurveys') : text.t('programme.surveys', { list: text.list(asked) });
}

/** One sentence per changed field (as the event names them), with the values the programme has now. */
export function adjustmentLines(text: BotText, changed: readonly string[], now: ProgrammeNow): string[] {
  const endsOn = text.date(new Date(`${now.endsOn}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const lines: Record<string, string> = {
    'settings.cadenceDays': text.t('programme.cadence', { days: now.cadenceDays }),
    'settings.sessionMinutes': text.t('programme.sessionMinutes', { minutes: now.sessionMinutes }),
    'settings.relationshipMonths': text.t('programme.relationshipMonths', { months: now.relationshipMonths }),
    'settings.durationMonths': text.t('programme.durationMonths', { months: now.durationMonths }),
    'settings.guidelines': text.t('programme.guidelines'),
    surveySchedule: surveysLine(text, now.surveySchedule),
    guides: text.t('programme.guides'),
    charterText: text.t('programme.charter'),
    venuePolicy: text.t('programme.venues'),
    endsOn: text.t('programme.endsOn', { date: endsOn }),
  };
  return changed.map((field) => lines[field]).filter((line): line is string => Boolean(line));
}

/** A mid-programme change, to everyone enrolled. The admin's own words stay in the guides, not here. */
export function programmeAdjustedCard(text: BotText, input: { programme: ProgrammeNow; lines: string[]; guidesUrl: string; workspaceUrl: string }): Card {
  return adaptiveCard(
    [heading(text.t('programme.heading')), userText(input.programme.name, { italic: true }), ...input.lines.map((line) => paragraph(line))],
    [openUrl(text.t('programme.readGuides'), input.guidesUrl), openUrl(text.t('programme.openWorkspace'), input.workspaceUrl)],
  );
}

/** The partner of whoever drafted or edited the pair's story is asked to read it and consent; the text stays in the tab. */
export function storyDraftedCard(text: BotText, input: { drafterName: string | null; edited: boolean; workspaceUrl: string }): Card {
  return adaptiveCard(
    [
      heading(text.t(input.edited ? 'story.editedHeading' : 'story.draftedHeading')),
      {
        type: 'RichTextBlock',
        inlines: [
          { type: 'TextRun', text: safeText(input.drafterName || text.t('story.yourPartner')), weight: 'Bolder' },
          { type: 'TextRun', text: ` ${text.t(input.edited ? 'story.edited' : 'story.drafted')}` },
        ],
      },
      paragraph(text.t('story.ask')),
    ],
    [openUrl(text.t('story.read'), input.workspaceUrl)],
  );
}

export function storyPublishedCard(text: BotText, workspaceUrl: string): Card {
  return adaptiveCard([heading(text.t('story.publishedHeading')), paragraph(text.t('story.publishedText'))], [openUrl(text.t('story.see'), workspaceUrl)]);
}

/** An admin's reply to the person who raised a concern, to them alone. */
export function concernRepliedCard(text: BotText, reply: string, tabUrl: string): Card {
  return adaptiveCard([heading(text.t('concern.repliedHeading')), paragraph(text.t('concern.repliedIntro'), { subtle: true }), userText(reply)], [openUrl(text.t('concern.follow'), tabUrl)]);
}

/** What an admin did to a pair, as each of its two people is told it. */
export type AdminPairChange = 'paused' | 'resumed' | 'ended' | 're-paired';

/**
 * An admin paused, resumed or ended a pair, to each of its two people: neutral and no-fault,
 * never why (a concern, a request) nor who asked.
 */
export function pairChangedCard(text: BotText, change: AdminPairChange, workspaceUrl: string): Card {
  const heading_ = { paused: 'pairChange.pausedHeading', resumed: 'pairChange.resumedHeading', ended: 'pairChange.endedHeading', 're-paired': 'pairChange.endedHeading' } as const;
  const body = { paused: 'pairChange.paused', resumed: 'pairChange.resumed', ended: 'pairChange.ended', 're-paired': 'pairChange.repaired' } as const;
  const lines = [heading(text.t(heading_[change])), paragraph(text.t(body[change]))];
  if (change === 'ended' || change === 're-paired') lines.push(paragraph(text.t('pairChange.noFault'), { subtle: true }));
  return adaptiveCard(lines, [openUrl(text.t('pairChange.open'), workspaceUrl)]);
}
