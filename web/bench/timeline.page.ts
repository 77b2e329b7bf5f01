// The Chromium side of the timeline bench: draws on a real canvas and
// reads one pixel back after each frame so that it is rasterised
// (runTimelineBench), and feeds the component as the page does
// (runTimelineFeed, feed.ts).

import { measure, type Result } from "./core";
import { feedTimeline, type FeedResult } from "./feed";
import { synthTrace } from "./gen";

declare global {
  interface Window {
    runTimelineBench(): Result;
    runTimelineFeed(): Promise<FeedResult>;
  }
}

const w = 1200, h = 600;

window.runTimelineBench = () => {
  const canvas = document.createElement("canvas");
  const dpr = 2;
  canvas.width = w * dpr;
  canvas.height = h * dpr;
  document.body.append(canvas);
  const ctx = canvas.getContext("2d")!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return measure(ctx, w, h, () => performance.now(), () => void ctx.getImageData(0, 0, 1, 1));
};

window.runTimelineFeed = () => {
  const host = document.createElement("div");
  host.style.width = `${w}px`;
  document.body.append(host);
  return feedTimeline(host, synthTrace(10_000, 100_000), h).finally(() => host.remove());
};
