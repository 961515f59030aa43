/**
 * Well-known demo people. Their ids and names are the same for every seed and size, so the
 * README and end-to-end tests can refer to them; the generator places them in the tree.
 */
export const DEMO_PERSONAS = {
  /** A vice president (CEO's direct report) in London: the senior leader who is mentored. */
  seniorLeader: { id: '5e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a01', givenName: 'Catherine', surname: 'Adeyemi' },
  /** A junior at the deepest level of another branch, in another London building: a fitting reverse mentor. */
  juniorMentor: { id: '5e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a02', givenName: 'Jun', surname: 'Park' },
  /** A junior inside the senior leader's own branch: pairing them must be refused. */
  juniorInLeadersChain: { id: '5e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a03', givenName: 'Tomás', surname: 'Herrera' },
  /** A programme admin (app role Upward.Admin) in the People department. */
  programmeAdmin: { id: '5e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a04', givenName: 'Priya', surname: 'Raman' },
} as const;

export type DemoPersonaName = keyof typeof DEMO_PERSONAS;
