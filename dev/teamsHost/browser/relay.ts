/**
 * The host's side of teams-js's protocol in the browser: every request the tab sends is relayed
 * to the stand-in's session (which answers and records it); when the host must ask the person
 * something first (consent, MFA), it asks and sends the request again with the answer.
 */
export interface HostMessage {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
  data?: string;
}

export type Prompt = 'consent' | 'mfa';
type Outcome = { kind: 'reply'; reply: unknown } | { kind: 'prompt'; prompt: Prompt };

export interface RelayDeps {
  /** POSTs a JSON body to the session's path (`messages`, `events`) and returns the JSON answer, if any. */
  post(path: string, body: unknown): Promise<unknown>;
  ask(prompt: Prompt): Promise<'accepted' | 'declined'>;
}

export function isHostMessage(data: unknown): data is HostMessage {
  return typeof data === 'object' && data !== null && typeof (data as HostMessage).func === 'string' && typeof (data as HostMessage).id === 'number';
}

export async function relay(deps: RelayDeps, message: HostMessage, answer?: 'accepted' | 'declined'): Promise<unknown> {
  const outcome = (await deps.post('messages', { message, answer })) as Outcome;
  if (outcome.kind === 'prompt') return relay(deps, message, await deps.ask(outcome.prompt));
  return outcome.reply;
}

export const themes = ['default', 'dark', 'contrast'] as const;
export type HostTheme = (typeof themes)[number];

export const promptText: Record<Prompt, string> = {
  consent: 'Upward needs your permission to sign you in and to read your calendar and profile on your behalf.',
  mfa: 'Your organisation asks you to verify your identity with a second factor to continue.',
};
