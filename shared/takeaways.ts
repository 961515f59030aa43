/** Up to three take-aways per person and session, as the programme guidance asks (kept apart from the schemas so the tab's first view does not load zod). */
export const maxTakeawaysPerSession = 3;
