/**
 * A domain event names the pair and the programme it concerns in typed columns, so that planners
 * join on them instead of on its polymorphic subject id (a pair, a story, a programme or a
 * concern, by kind). Events already recorded are filled in from their subject and payload.
 */
export const statements = [
  `alter table domain_events add column pair_id uuid, add column programme_id uuid`,
  `update domain_events set
     pair_id = case
       when kind like 'story.published' then (payload->>'pairId')::uuid
       when kind like 'pair.%' or kind like 'charter.%' or kind like 'agenda.%' or kind like 'reflection.%' or kind like 'praise.%'
         or kind like 'takeaway.%' or kind like 'commitment.%' or kind like 'story.%' then subject_id::uuid
     end,
     programme_id = case
       when kind in ('programme.adjusted', 'concern.raised') then subject_id::uuid
       when payload ? 'programmeId' then (payload->>'programmeId')::uuid
     end`,
];
