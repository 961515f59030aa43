/**
 * Consent and Conditional Access (MFA) that the identity stand-in can demand of a person, so tests
 * can show what Upward does when the on-behalf-of exchange needs the person's interaction.
 *
 * - Consent: until the person consents in an interactive sign-in (the consent page, shown for
 *   `prompt=consent`), on-behalf-of answers `invalid_grant` AADSTS65001 with suberror
 *   `consent_required`, as Entra ID does when Upward's Graph permissions lack the person's consent.
 * - MFA: a Conditional Access policy bound to the authentication context `c1`. On-behalf-of answers
 *   `interaction_required` AADSTS50076 with a claims challenge until the presented assertion
 *   carries `acrs: ["c1"]`, which tokens get when the interactive sign-in asked for that claim.
 *   (`acrs` rather than `amr`: Entra ID v2 access tokens carry `acrs`, not `amr`.)
 */
export const MFA_AUTH_CONTEXT = 'c1';

/** The claims challenge Entra ID sends for a Conditional Access authentication context. */
export const MFA_CLAIMS_CHALLENGE = JSON.stringify({ access_token: { acrs: { essential: true, value: MFA_AUTH_CONTEXT } } });

export interface OboRefusal {
  status: number;
  error: string;
  aadsts: number;
  description: string;
  suberror: string;
  claims?: string;
}

export interface InteractionRequirements {
  /** From now on this person must consent (interactively) before Upward may act for them. */
  requireConsent(personId: string): void;
  /** Records the person's consent, as the consent page's Accept does. */
  grantConsent(personId: string): void;
  /** False only for a person who must consent and has not. */
  hasConsented(personId: string): boolean;
  /** From now on this person's tokens must come from an MFA sign-in (authentication context c1). */
  requireMfa(personId: string): void;
  /** Why on-behalf-of must refuse this person's assertion, or null when nothing is missing. */
  oboRefusal(personId: string, assertionAcrs: unknown): OboRefusal | null;
}

/** The authentication contexts a `claims` request parameter asks for (`access_token.acrs`), for the tokens of that sign-in. */
export function requestedAuthContexts(claims: string | null): string[] {
  if (!claims) return [];
  try {
    const acrs = (JSON.parse(claims) as { access_token?: { acrs?: { value?: unknown; values?: unknown } } }).access_token?.acrs;
    const values = [acrs?.value, ...(Array.isArray(acrs?.values) ? acrs.values : [])];
    return values.filter((v): v is string => typeof v === 'string' && /^c\d{1,2}$/.test(v));
  } catch {
    return [];
  }
}

/**
 * The client capabilities a `claims` request parameter declares (`access_token.xms_cc.values`, as
 * MSAL sends its `clientCapabilities`, such as `cp1`), which Entra ID echoes in the `xms_cc` claim.
 */
export function requestedClientCapabilities(claims: string | null): string[] {
  if (!claims) return [];
  try {
    const values = (JSON.parse(claims) as { access_token?: { xms_cc?: { values?: unknown } } }).access_token?.xms_cc?.values;
    return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string' && /^[a-z0-9]{1,16}$/i.test(v)) : [];
  } catch {
    return [];
  }
}

export function createInteractionRequirements(): InteractionRequirements {
  const mustConsent = new Set<string>();
  const mustUseMfa = new Set<string>();
  return {
    requireConsent: (personId) => void mustConsent.add(personId),
    grantConsent: (personId) => void mustConsent.delete(personId),
    hasConsented: (personId) => !mustConsent.has(personId),
    requireMfa: (personId) => void mustUseMfa.add(personId),
    oboRefusal(personId, assertionAcrs) {
      if (mustConsent.has(personId)) {
        return {
          status: 400,
          error: 'invalid_grant',
          aadsts: 65001,
          suberror: 'consent_required',
          description: "The user or administrator has not consented to use the application named 'Upward'. Send an interactive authorization request for this user and resource.",
        };
      }
      if (mustUseMfa.has(personId) && !(Array.isArray(assertionAcrs) && assertionAcrs.includes(MFA_AUTH_CONTEXT))) {
        return {
          status: 400,
          error: 'interaction_required',
          aadsts: 50076,
          suberror: 'basic_action',
          claims: MFA_CLAIMS_CHALLENGE,
          description: "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access 'https://graph.microsoft.com'.",
        };
      }
      return null;
    },
  };
}
