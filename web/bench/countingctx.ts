// A canvas context that records nothing: the Node bench measures the
// timeline's own work (queries, geometry, draw calls), not rasterisation.

import type { Ctx } from "../src/timeline/scene";

/** countingCtx returns a Ctx whose methods do nothing but count calls. */
export function countingCtx(): Ctx & { calls: number } {
  const c = {
    calls: 0, fillStyle: "", strokeStyle: "", lineWidth: 1, font: "", textBaseline: "alphabetic", textAlign: "left",
  } as Ctx & { calls: number };
  const count = () => { c.calls++; };
  for (const name of ["fillRect", "strokeRect", "fillText", "beginPath", "moveTo", "lineTo", "closePath", "stroke",
    "fill", "save", "restore", "rect", "clip", "setTransform", "setLineDash", "arc"] as const) {
    (c as unknown as Record<string, () => void>)[name] = count;
  }
  c.measureText = (text: string) => { c.calls++; return { width: text.length * 6 } as TextMetrics; };
  return c;
}
