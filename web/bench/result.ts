// One benchmark result, the same JSON line that cmd/luabench prints, and
// the alternating comparison that makes it. cmd/benchreport reads every
// line that is a Result into bench/RESULTS.md.

/** Result is a subject against a baseline in the same process (see cmd/luabench/measure.go). */
export interface Result {
  env: string;
  name: string;
  n: number;
  unit: string;
  subject: string;
  baseline: string;
  runs: number;
  median: number;
  min: number;
  max: number;
  baseMedian?: number;
  baseMin?: number;
  baseMax?: number;
  ratio?: number;
  ratioMin?: number;
  ratioMax?: number;
  target?: string;
}

export type Head = Pick<Result, "env" | "name" | "n" | "unit" | "subject" | "baseline"> & { target?: string };

/** Measure runs a workload once and returns its value in the result's unit. */
export type Measure = () => Promise<number>;

function summary(xs: number[]): [number, number, number] {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  const med = n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return [med, s[0], s[n - 1]];
}

/** compare runs subject and baseline runs times each, alternating which goes first, after one warm-up run of each. */
export async function compare(head: Head, runs: number, subject: Measure, baseline: Measure): Promise<Result> {
  await subject();
  await baseline();
  const s: number[] = [], b: number[] = [], r: number[] = [];
  for (let i = 0; i < runs; i++) {
    let x: number, y: number;
    if (i % 2 === 0) {
      x = await subject();
      y = await baseline();
    } else {
      y = await baseline();
      x = await subject();
    }
    s.push(x);
    b.push(y);
    r.push(x / y);
  }
  const [median, min, max] = summary(s);
  const [baseMedian, baseMin, baseMax] = summary(b);
  const [ratio, ratioMin, ratioMax] = summary(r);
  return { ...head, runs, median, min, max, baseMedian, baseMin, baseMax, ratio, ratioMin, ratioMax };
}

/** single measures a subject without a baseline; floor, when given, is what the ratio is to. */
export async function single(head: Head, runs: number, subject: Measure, floor = 0): Promise<Result> {
  await subject();
  const s: number[] = [];
  for (let i = 0; i < runs; i++) s.push(await subject());
  const [median, min, max] = summary(s);
  const res: Result = { ...head, runs, median, min, max };
  if (floor > 0) [res.ratio, res.ratioMin, res.ratioMax] = summary(s.map((x) => x / floor));
  return res;
}

/** emit prints a result as a JSON line for the report and a readable line on stderr. */
export function emit(r: Result): void {
  console.log(JSON.stringify(r));
  const ratio = r.ratio !== undefined ? `  ratio ${r.ratio.toFixed(2)}× [${r.ratioMin?.toFixed(2)}–${r.ratioMax?.toFixed(2)}]` : "";
  const base = r.baseMedian !== undefined ? `  ${r.baseline} ${r.baseMedian.toFixed(3)}` : "";
  console.error(`${r.env.padEnd(8)} ${r.name.padEnd(22)} n=${String(r.n).padEnd(7)} ${r.subject} ${r.median.toFixed(3)} ${r.unit} [${r.min.toFixed(3)}–${r.max.toFixed(3)}]${base}${ratio}`);
}

/** fromSamples summarises values measured elsewhere, one per run. */
export function fromSamples(head: Head, xs: number[]): Result {
  const [median, min, max] = summary(xs);
  return { ...head, runs: xs.length, median, min, max };
}
