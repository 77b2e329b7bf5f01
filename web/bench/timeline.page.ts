// The Chromium side of the timeline bench: draws on a real canvas and
// reads one pixel back after each frame so that it is rasterised.

import { measure, type Result } from "./core";

declare global {
  interface Window { runTimelineBench(): Result }
}

window.runTimelineBench = () => {
  const canvas = document.createElement("canvas");
  const w = 1200, h = 600, dpr = 2;
  canvas.width = w * dpr;
  canvas.height = h * dpr;
  document.body.append(canvas);
  const ctx = canvas.getContext("2d")!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return measure(ctx, w, h, () => performance.now(), () => void ctx.getImageData(0, 0, 1, 1));
};
