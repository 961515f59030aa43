import { teamsEntityLink } from '../../shared/teamsDeepLinks';
import type { ProposalOutcome, ProposalView } from '../botBackend';
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
export function proposalCard(view: ProposalView): Card {
  const { partner } = view;
  const facts = [partner.jobTitle, partner.department].filter((f): f is string => Boolean(f));
  const body: unknown[] = [
    heading('You have been matched'),
    {
      type: 'RichTextBlock',
      inlines: [
        { type: 'TextRun', text: 'You have been matched with ' },
        { type: 'TextRun', text: safeText(partner.name), weight: 'Bolder' },
        { type: 'TextRun', text: safeText(facts.length ? `, ${facts.join(', ')}.` : '.') },
      ],
    },
    paragraph(view.role === 'mentee' ? 'They would be your reverse mentor: the junior colleague who shares their experience with you.' : 'They would be your mentee: the senior leader who learns from your experience.'),
  ];
  if (view.reasons.length > 0) body.push(paragraph('**Why this match**'), ...view.reasons.map((reason) => userText(`• ${reason}`)));
  body.push(paragraph('Declining is no fault of anyone: nobody is told why, and you are both free for the next matching round.', { subtle: true }));
  return adaptiveCard(body, [execute('Accept', 'proposal.answer', { pairId: view.pairId, accept: true }), execute('Decline (no fault)', 'proposal.answer', { pairId: view.pairId, accept: false })]);
}

/** The answer to Accept / Decline: where things stand now. */
export function proposalAnsweredCard(outcome: ProposalOutcome, workspaceUrl: string): Card {
  switch (outcome) {
    case 'waiting-for-partner':
      return adaptiveCard([heading('Accepted'), paragraph('Thank you. We are waiting for your partner to accept. Once they do, you will both sign the charter in the Upward tab.')]);
    case 'paired':
      return adaptiveCard(
        [heading('You are paired'), paragraph('You have both accepted. Next, read and sign the charter in the Upward tab: your relationship starts when you have both signed it.')],
        [openUrl('Sign the charter', workspaceUrl)],
      );
    case 'declined':
      return adaptiveCard([heading('Declined, with no fault'), paragraph('Thank you for saying so. Nobody is at fault and nobody is told why. You and your proposed partner are both free for the next matching round.')]);
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

function surveysLine(s: ProgrammeNow['surveySchedule']): string {
  const asked = [
    s.pairingFitAfterFirstSession && 'how the pairing fits after your first session',
    s.midPoint && 'a mid-point review',
    s.end && 'an end survey',
    s.pulseEveryDays > 0 && `a short pulse every ${s.pulseEveryDays} days`,
  ].filter((a): a is string => Boolean(a));
  if (asked.length === 0) return 'The programme no longer sends scheduled surveys.';
  const list = asked.length === 1 ? asked[0] : `${asked.slice(0, -1).join(', ')} and ${asked[asked.length - 1]}`;
  return `The surveys are now: ${list}.`;
}

/** One sentence per changed field (as the event names them), with the values the programme has now. */
export function adjustmentLines(changed: readonly string[], now: ProgrammeNow): string[] {
  const endsOn = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${now.endsOn}T00:00:00Z`));
  const lines: Record<string, string> = {
    'settings.cadenceDays': `The programme now meets every ${now.cadenceDays} days.`,
    'settings.sessionMinutes': `Sessions now last ${now.sessionMinutes} minutes.`,
    'settings.relationshipMonths': `Each relationship now lasts ${now.relationshipMonths} months.`,
    'settings.durationMonths': `The programme now runs for ${now.durationMonths} months.`,
    'settings.guidelines': 'The guidelines (time commitment, frequency, expected outcomes) have changed.',
    surveySchedule: surveysLine(now.surveySchedule),
    guides: 'The training guides have been updated.',
    charterText: 'The charter text has changed for pairs matched from now on.',
    venuePolicy: 'The policy on where to meet has changed.',
    endsOn: `The programme now ends on ${endsOn}.`,
  };
  return changed.map((field) => lines[field]).filter((line): line is string => Boolean(line));
}

/** A mid-programme change, to everyone enrolled. The admin's own words stay in the guides, not here. */
export function programmeAdjustedCard(input: { programme: ProgrammeNow; lines: string[]; guidesUrl: string; workspaceUrl: string }): Card {
  return adaptiveCard(
    [heading('Your programme has changed'), userText(input.programme.name, { italic: true }), ...input.lines.map((line) => paragraph(line))],
    [openUrl('Read the guides', input.guidesUrl), openUrl('Open your workspace', input.workspaceUrl)],
  );
}

/** The partner of whoever drafted or edited the pair's story is asked to read it and consent; the text stays in the tab. */
export function storyDraftedCard(input: { drafterName: string; edited: boolean; workspaceUrl: string }): Card {
  return adaptiveCard(
    [
      heading(input.edited ? 'Your story was edited' : 'Your partner wrote your story'),
      {
        type: 'RichTextBlock',
        inlines: [
          { type: 'TextRun', text: safeText(input.drafterName), weight: 'Bolder' },
          { type: 'TextRun', text: input.edited ? ' changed the story of your mentoring relationship.' : ' wrote the story of your mentoring relationship.' },
        ],
      },
      paragraph('Read it in the Upward tab and say whether you agree to publish it. It is published only when you both agree to the same text.'),
    ],
    [openUrl('Read the story', input.workspaceUrl)],
  );
}

export function storyPublishedCard(workspaceUrl: string): Card {
  return adaptiveCard(
    [heading('Your story is published'), paragraph('You both agreed, so your story now appears on the programme page. Your programme admin may also share it in the programme’s Teams channel.')],
    [openUrl('See it in Upward', workspaceUrl)],
  );
}
