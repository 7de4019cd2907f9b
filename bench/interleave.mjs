// The small harness of bench/ab.mjs and bench/voice-alone.mjs: cases run interleaved, a batch of each
// per round (15 rounds, the first 3 dropped as warm-up), so all see the same machine; the median
// ns per call of each. (`npm run bench` has its own, with calibration and groups: bench/run.mjs.)
let sink = 0;

/** `cases`: { name: [fn, callsPerBatch] } → { name: median ns per call }. */
export function interleaved(cases, rounds = 15, warmup = 3) {
  const samples = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, [fn, n]] of Object.entries(cases)) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) if (fn()) sink++;
      if (round >= warmup) (samples[name] ??= []).push(Number(process.hrtime.bigint() - t0) / n);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  return Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, median(xs)]));
}

/** `ns` as microseconds, two decimals (nanoseconds, one decimal, under a microsecond). */
export const micros = (ns) => (ns < 1000 ? `${ns.toFixed(1)} ns` : `${(ns / 1000).toFixed(2)} µs`);
