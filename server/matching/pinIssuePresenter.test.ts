import type { PinIssue } from '../../shared/matching';
import { presentPinIssue } from './pinIssuePresenter';

const pin = { mentorId: 'm1', menteeId: 'e1' };
const notAllowed = (...blockedBy: PinIssue['blockedBy']): PinIssue => ({ pin, code: 'not-allowed', message: 'engine text', blockedBy });

describe('pin issues as an admin sees them', () => {
  it('answers a pin across a management chain exactly as one refused for seniority, so a pin cannot reveal a reporting line', () => {
    const chain = presentPinIssue(notAllowed('same-chain'));
    const manager = presentPinIssue(notAllowed('same-manager'));
    const seniority = presentPinIssue(notAllowed('gap-too-small'));
    const notJunior = presentPinIssue(notAllowed('mentor-not-junior'));
    expect(chain).toEqual(seniority);
    expect(manager).toEqual(seniority);
    expect(notJunior).toEqual(seniority);
    expect(presentPinIssue(notAllowed('same-chain', 'gap-too-small'))).toEqual(seniority);
    expect(chain.blockedBy).toEqual(['directory-rules']);
    expect(chain.message).not.toMatch(/chain|same manager|reports to/i);
  });

  it('still names the rules an admin can see for themself', () => {
    const issue = presentPinIssue(notAllowed('admin-block', 'same-chain'));
    expect(issue.blockedBy).toEqual(['admin-block', 'directory-rules']);
    expect(issue.message).toContain('blocked this pairing');
  });

  it('keeps the other pin issues as they are', () => {
    const issue: PinIssue = { pin, code: 'over-capacity', message: 'The mentor has no place left.', blockedBy: [] };
    expect(presentPinIssue(issue)).toEqual(issue);
  });
});
