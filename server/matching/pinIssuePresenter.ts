import type { AdminBlockCode, AdminPinIssue } from '../../shared/api/matching';
import type { PairBlockCode } from '../../shared/pairingRules';
import type { PinIssue } from '../../shared/matching';

// Reporting lines and seniority answer together as 'directory-rules' (decision 0038).
const directoryRules = new Set<PairBlockCode>(['same-chain', 'same-manager', 'seniority-unknown', 'mentor-not-junior', 'gap-too-small']);

const messages: Record<AdminBlockCode, string> = {
  'same-person': 'A person cannot be paired with themself.',
  'role-mismatch': 'A pair needs one mentor (the junior colleague) and one mentee (the senior leader).',
  'chain-unknown': 'The reporting line of one of them is not known yet; sync the directory and try again.',
  'already-paired': 'They have already been paired before.',
  'admin-block': 'A programme admin has blocked this pairing.',
  'directory-rules':
    'Upward’s directory rules do not allow this pair. These rules cover reporting lines and seniority, and Upward never says which one applies, so that nobody’s reporting relationships are revealed.',
};

function adminCode(code: PairBlockCode): AdminBlockCode {
  return directoryRules.has(code) ? 'directory-rules' : (code as AdminBlockCode);
}

/** A pin the engine could not honour, as the admin sees it. */
export function presentPinIssue(issue: PinIssue): AdminPinIssue {
  if (issue.code !== 'not-allowed') return { ...issue, blockedBy: [] };
  const blockedBy = [...new Set(issue.blockedBy.map(adminCode))].sort();
  return {
    pin: issue.pin,
    code: issue.code,
    message: `This pin cannot be honoured. ${blockedBy.map((code) => messages[code]).join(' ')}`,
    blockedBy,
  };
}
