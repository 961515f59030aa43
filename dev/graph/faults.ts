export interface FaultRule {
  /** A regular expression matched against the request path below `/v1.0`, for example `^/users/[^/]+$`. */
  path: string;
  method?: string;
  /** Status to answer with (429, 503, ...); omit to only delay. */
  status?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
  /** How many matching requests the rule affects; defaults to 1. */
  count?: number;
}

interface ActiveRule extends FaultRule {
  id: number;
  remaining: number;
  pattern: RegExp;
}

/** Faults injected on demand: the next N requests matching a path answer 429/503 or arrive late. */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  add(rule: FaultRule): number {
    if (typeof rule.path !== 'string') throw new Error('A fault rule needs a path pattern');
    if (rule.status === undefined && rule.delayMs === undefined) throw new Error('A fault rule needs a status or a delayMs');
    const id = this.nextId++;
    this.rules.push({ ...rule, id, remaining: rule.count ?? 1, pattern: new RegExp(rule.path) });
    return id;
  }

  clear(): void {
    this.rules = [];
  }

  /** The rule that applies to this request, if any, counting it as used. */
  take(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find((r) => r.pattern.test(path) && (!r.method || r.method.toUpperCase() === method.toUpperCase()));
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }
}
