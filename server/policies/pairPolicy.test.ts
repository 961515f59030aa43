import { abilitiesOf, authorize } from './policy';
import { pairCardAbilities, pairPolicy, partnerOf, workspaceAbilities, type PairAbility } from './pairPolicy';
import { admin, mentee, mentor, outcomeOf, pairIn, stranger } from './policyTestFixtures';

const active = pairIn('active', { mentor: true, mentee: true });
const accepted = pairIn('accepted', { mentor: true, mentee: true });
const paused = pairIn('paused', { mentor: true, mentee: true });
const ended = pairIn('ended', { mentor: true, mentee: true });
const proposed = pairIn('proposed');
const acceptedByMentor = pairIn('proposed', { mentor: true });

describe('pair policy: who may do what in a pair', () => {
  const table: [PairAbility, string, typeof mentor, ReturnType<typeof pairIn> | undefined, string][] = [
    ['view', 'the mentor', mentor, active, 'allowed'],
    ['view', 'the mentee of an ended pair', mentee, ended, 'allowed'],
    ['view', 'an admin (never in a pair by office)', admin, active, '404 notFound'],
    ['view', 'a stranger', stranger, active, '404 notFound'],
    ['view', 'anyone, for a pair that does not exist', mentor, undefined, '404 notFound'],
    ['raiseConcern', 'the mentee of an ended pair', mentee, ended, 'allowed'],
    ['raiseConcern', 'an admin', admin, active, '404 notFound'],
    ['accept', 'the mentor of a proposal', mentor, proposed, 'allowed'],
    ['accept', 'the mentor who already accepted', mentor, acceptedByMentor, '403 notYourRole'],
    ['accept', 'the mentee, once the mentor accepted', mentee, acceptedByMentor, 'allowed'],
    ['accept', 'a member of an active pair', mentee, active, '403 notYourRole'],
    ['decline', 'the mentee of a proposal', mentee, proposed, 'allowed'],
    ['decline', 'a member of an accepted pair', mentor, accepted, '403 notYourRole'],
    ['pause', 'a member of an active pair', mentor, active, 'allowed'],
    ['pause', 'a member of a paused pair', mentor, paused, '403 notYourRole'],
    ['resume', 'a member of a paused pair', mentee, paused, 'allowed'],
    ['resume', 'a member of an active pair', mentee, active, '403 notYourRole'],
    ['requestRepair', 'a member of an accepted pair', mentee, accepted, 'allowed'],
    ['requestRepair', 'a member of a paused pair', mentor, paused, 'allowed'],
    ['requestRepair', 'a member of a proposal', mentor, proposed, '403 notYourRole'],
    ['requestRepair', 'a member of an ended pair', mentor, ended, '409 pairEnded'],
    ['signCharter', 'a member of an accepted pair', mentor, accepted, 'allowed'],
    ['signCharter', 'a member of an active pair', mentee, active, 'allowed'],
    ['signCharter', 'a member of a proposal', mentee, proposed, '403 notYourRole'],
    ['signCharter', 'a member of an ended pair', mentee, ended, '409 pairEnded'],
    ['editAgenda', 'the mentee', mentee, active, 'allowed'],
    ['editAgenda', 'the mentor', mentor, active, '403 notYourRole'],
    ['editAgenda', 'the mentee of an ended pair', mentee, ended, '409 pairEnded'],
    ['suggestAgendaItem', 'the mentor', mentor, paused, 'allowed'],
    ['suggestAgendaItem', 'the mentee', mentee, active, '403 notYourRole'],
    ['writeReflection', 'the mentor', mentor, active, 'allowed'],
    ['writeReflection', 'the mentee', mentee, proposed, 'allowed'],
    ['writeReflection', 'a member of an ended pair', mentor, ended, '409 pairEnded'],
    ['proposeTakeaway', 'the mentee', mentee, active, 'allowed'],
    ['proposeTakeaway', 'a member of an ended pair', mentee, ended, '409 pairEnded'],
    ['recordCommitment', 'the mentee', mentee, active, 'allowed'],
    ['recordCommitment', 'the mentor', mentor, active, '403 notYourRole'],
    ['thank', 'the mentee', mentee, active, 'allowed'],
    ['thank', 'the mentor', mentor, active, '403 notYourRole'],
    ['thank', 'an admin', admin, active, '404 notFound'],
    ['decidePraiseSharing', 'the mentor', mentor, active, 'allowed'],
    ['decidePraiseSharing', 'the mentee', mentee, active, '403 notYourRole'],
    ['decidePraiseSharing', 'the mentor of an ended pair', mentor, ended, '409 pairEnded'],
  ];

  it.each(table)('%s by %s: %s', (ability, _who, caller, pair, expected) => {
    expect(outcomeOf(() => authorize(pairPolicy, caller, ability, pair))).toBe(expected);
  });

  it('returns the member with their role, so nothing after it asks the role again', () => {
    expect(authorize(pairPolicy, mentor, 'view', active)).toEqual({ userId: mentor.userId, role: 'mentor', pair: active });
    const asMentee = authorize(pairPolicy, mentee, 'view', active);
    expect(asMentee.role).toBe('mentee');
    expect(partnerOf(asMentee)).toBe(mentor.userId);
  });

  it('tells a refused member why, in the words of the rule', () => {
    expect(() => authorize(pairPolicy, mentor, 'editAgenda', active)).toThrow('The mentee owns the agenda; as the mentor, suggest an item instead.');
  });

  it('offers the mentee of an active pair the agenda, thanks, pause and a re-pair, and no answer to a proposal', () => {
    expect(abilitiesOf(pairPolicy.rules, authorize(pairPolicy, mentee, 'view', active), pairCardAbilities)).toEqual({
      accept: false,
      decline: false,
      signCharter: true,
      editAgenda: true,
      suggestAgendaItem: false,
      thank: true,
      pause: true,
      resume: false,
      requestRepair: true,
    });
  });

  it('sends the pair card and the workspace exactly the abilities authorize would allow', () => {
    for (const pair of [proposed, acceptedByMentor, accepted, active, paused, ended]) {
      for (const caller of [mentor, mentee]) {
        const member = authorize(pairPolicy, caller, 'view', pair);
        for (const offered of [pairCardAbilities, workspaceAbilities]) {
          const sent = abilitiesOf(pairPolicy.rules, member, offered);
          expect(Object.keys(sent)).toEqual([...offered]);
          for (const ability of offered) expect(sent[ability]).toBe(outcomeOf(() => authorize(pairPolicy, caller, ability, pair)) === 'allowed');
        }
      }
    }
  });
});
