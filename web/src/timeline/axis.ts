// The time axis: tick spacing that reads well at any zoom, and times
// written with the unit that suits them (µs, ms, s).

/** niceStep returns a tick step in microseconds (1, 2 or 5 times a power of
 * ten, at least 1) so that ticks are at least minPx pixels apart. */
export function niceStep(usPerPx: number, minPx = 90): number {
  const raw = Math.max(usPerPx * minPx, 1);
  const pow = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

/** ticks lists the multiples of step within [t0, t1]. */
export function ticks(t0: number, t1: number, step: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) out.push(t);
  return out;
}

// unit picks the unit for a magnitude in microseconds.
function unit(us: number): [number, string] {
  if (us >= 1e6) return [1e6, "s"];
  if (us >= 1e3) return [1e3, "ms"];
  return [1, "µs"];
}

/** formatTick writes tick time t in a unit that suits the step (the
 * next unit once two steps reach it), with as many decimals as the step
 * needs: 0 ms, 0.5 ms, 1 ms, 1.5 ms ... */
export function formatTick(t: number, step: number): string {
  const [div, name] = unit(step * 2);
  const decimals = Math.max(0, Math.ceil(-Math.log10(step / div) - 1e-9));
  return `${(t / div).toFixed(decimals)} ${name}`;
}

/** formatDuration writes a time or duration in microseconds with three
 * significant digits: 12 µs, 1.5 ms, 10.0 ms, 2.35 s. */
export function formatDuration(us: number): string {
  const [div, name] = unit(Math.abs(us));
  const v = us / div;
  if (div === 1) return `${Math.round(v)} ${name}`;
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)} ${name}`;
}

/** formatRange writes a time range with as many decimals as it takes for
 * its two ends to differ (µs are the finest the clock counts), so that a
 * 10 µs range at 158 ms reads "158.012 ms – 158.022 ms". */
export function formatRange(t0: number, t1: number): string {
  const [div, name] = unit(Math.max(Math.abs(t0), Math.abs(t1)));
  const width = Math.max(t1 - t0, 1) / div;
  const decimals = Math.min(Math.log10(div), Math.max(0, Math.ceil(-Math.log10(width) - 1e-9) + 1));
  const f = (t: number) => (t / div).toFixed(div === 1 ? 0 : decimals);
  return `${f(t0)} ${name} – ${f(t1)} ${name}`;
}

/** clockLabel names the kind of time the axis shows. */
export function clockLabel(clock: "virtual" | "real"): string {
  return clock === "virtual" ? "virtual time" : "real time";
}
