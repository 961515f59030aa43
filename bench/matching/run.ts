import { proposeMatches, type MatchInput } from '../../shared/matching';
import { referenceTotalScore } from '../../shared/matching/testing/referenceMatcher';
import { greedyTotalScore } from './greedy';
import { munkresTotalScore } from './munkresReference';
import { demoProgramme } from './programme';

/**
 * npm run bench:matching — the engine against two exact solvers independent of its own (the
 * Hungarian algorithm from `munkres` at every size, min-cost flow with `canPair` and `scorePair`
 * per pair up to 1,000 a side) and a greedy matcher on demo-organisation programmes. Pins are left
 * out so all of them solve the same problem. Times cover constraints, scoring and solving; building the organisation and its
 * reporting chains (the server's directory sync) is not timed.
 */
const sizes = [200, 1000, 5000];
/** Min-cost flow measured 1.5 to 6 minutes at 1,000 a side on this machine, so 5,000 (25x the pairs, 5x the augmentations) is out of reach; munkres checks 5,000. */
const referenceLimit = 1000;

const ratio = (a: number, b: number) => `${(a / Math.max(1, b)).toFixed(1)}x`;
const mb = (bytes: number) => Math.round(bytes / 1048576);
/** Wall time and CPU time (user + system): the machine may be shared, and CPU time shows the work itself. */
function measure<T>(run: () => T): { value: T; ms: number; cpuMs: number; peakRssMb: number; heapMb: number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(cpu);
  const ms = Math.round(performance.now() - start);
  const cpuMs = Math.round((used.user + used.system) / 1000);
  const memory = process.memoryUsage();
  return { value, ms, cpuMs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), heapMb: mb(memory.heapUsed + memory.arrayBuffers) };
}

const results = [];
for (const perSide of sizes) {
  const input: MatchInput = { ...demoProgramme(perSide), pins: [] };
  const engine = measure(() => proposeMatches(input));
  const greedy = measure(() => greedyTotalScore(input));
  const hungarian = measure(() => munkresTotalScore(input));
  const reference = perSide <= referenceLimit ? measure(() => referenceTotalScore(input)) : null;
  const row = {
    perSide,
    engine: { ms: engine.ms, cpuMs: engine.cpuMs, peakRssMb: engine.peakRssMb, heapAfterMb: engine.heapMb, totalScore: engine.value.totalScore, pairs: engine.value.proposals.length },
    munkres: { ms: hungarian.ms, cpuMs: hungarian.cpuMs, totalScore: hungarian.value, sameTotal: hungarian.value === engine.value.totalScore },
    reference: reference
      ? { ms: reference.ms, totalScore: reference.value, sameTotal: reference.value === engine.value.totalScore }
      : { skipped: `min-cost flow takes 1.5-6 min at ${referenceLimit} a side; ${perSide} a side would take hours` },
    greedy: { ms: greedy.ms, totalScore: greedy.value, gainPercent: Number((((engine.value.totalScore - greedy.value) / greedy.value) * 100).toFixed(2)) },
  };
  results.push(row);
  console.log(
    `${perSide} a side | engine ${engine.ms} ms (CPU ${engine.cpuMs} ms), peak RSS ${engine.peakRssMb} MB, heap+buffers after ${engine.heapMb} MB, total ${engine.value.totalScore} (${row.engine.pairs} pairs)` +
      ` | munkres ${hungarian.ms} ms (CPU ${hungarian.cpuMs} ms, ${ratio(hungarian.cpuMs, engine.cpuMs)} the engine), total ${hungarian.value}, ${row.munkres.sameTotal ? 'same' : 'DIFFERENT'}` +
      ` | min-cost flow ${reference ? `${reference.ms} ms, total ${reference.value}, ${row.reference.sameTotal ? 'same' : 'DIFFERENT'}` : 'skipped (too slow)'}` +
      ` | greedy ${greedy.ms} ms, total ${greedy.value}, exact gains ${row.greedy.gainPercent}%`,
  );
}
console.log(JSON.stringify({ bench: 'matching', targets: { '1000msAt1000': 1000, '5000msAt5000': 5000, peakRssMbAt5000: 1024 }, results }));
