import autocannon from 'autocannon';

/** What the benchmark sends the load generator: where to knock, for how long, and as whom. */
export interface LoadPlan {
  url: string;
  connections: number;
  durationSeconds: number;
  clients: { path: string; token: string; role: 'mentor' | 'mentee' }[];
}

export interface LoadResult {
  requests: number;
  throughputPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/**
 * The load generator, run as its own process (see runLoad) so that parsing 200 connections'
 * responses does not take turns with the service on one event loop: the figures are the service's.
 */
async function generate(plan: LoadPlan): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: plan.durationSeconds,
    timeout: 10,
    setupClient: (client) => {
      const me = plan.clients[next++ % plan.clients.length]!;
      const headers = { authorization: `Bearer ${me.token}`, 'content-type': 'application/json' };
      client.setRequests([
        { method: 'POST', path: `${me.path}/${me.role === 'mentee' ? 'agenda' : 'agenda/suggestions'}`, headers, body: JSON.stringify({ text: 'What would you change about our stand-ups?' }) },
        { method: 'GET', path: `${me.path}/workspace`, headers },
      ]);
    },
  });
  return {
    requests: result.requests.total,
    throughputPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

process.once('message', (plan: LoadPlan) => {
  generate(plan).then(
    (result) => process.send!({ result }, () => process.exit(0)),
    (error: unknown) => process.send!({ error: String(error) }, () => process.exit(1)),
  );
});
