// The page entry: builds the playground into index.html's slots and
// connects it to the engine's runner. With ?test in the URL it exposes the
// runner, the app and the timeline as window.__lp for the end-to-end tests.

import { createApp } from "./app";
import { createEngineLoad } from "./engineload";
import { createHelpPanel } from "./helppanel";
import { createLayout } from "./layout";
import { Runner } from "./runner";
import { createTimeline } from "./timeline/index";

function slot(selector: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`page is missing ${selector}`);
  return found;
}

const runner = new Runner();
const load = createEngineLoad();
slot("#lp-load-slot").append(load.dom);
slot("#lp-help-slot").append(createHelpPanel(new URL("docs/", location.href)).button);

const app = createApp({
  slots: {
    toolbar: slot("#lp-toolbar-slot"),
    editor: slot("#lp-editor-slot"),
    stats: slot("#lp-stats-slot"),
    output: slot("#lp-output-slot"),
  },
  run: (source, options, handlers) => runner.run(source, options, handlers),
  examples: new URL("examples/", location.href),
  timeline: {
    instant: (at) => timeline.markInstant(at ? at.t : null),
    goroutine: (g) => {
      timeline.highlightGoroutines([g]);
      slot(".lp-pane-timeline").scrollIntoView({ block: "nearest" });
    },
  },
});

runner.onLoadState((s) => {
  load.update(s);
  app.engine(s);
});

const timeline = createTimeline(document, {
  onSelectLine: (n) => app.goToRunLine(n),
  onExportTrace: (trace) => runner.chromeTrace(trace),
});
slot('[data-testid="timeline-slot"]').append(timeline.dom);
timeline.onRangeSelect((range) => app.highlightOutput(range));

const layout = createLayout({
  main: slot(".lp-main"),
  editor: slot(".lp-pane-editor"),
  run: slot(".lp-pane-run"),
  timeline: slot(".lp-pane-timeline"),
  room: (px) => timeline.fitHeight(px),
});
// The timeline pane holds its height from a run's start (or new code)
// until the timeline has drawn that run's end.
app.listen({
  start: (o) => {
    layout.hold();
    timeline.reset(o.virtualTime ? "virtual" : "real");
  },
  replaced: () => {
    layout.hold();
    timeline.clear();
  },
  events: (e) => timeline.append(e),
  end: (r) => {
    timeline.end(r);
    layout.release();
  },
  theme: () => timeline.update(),
});

if (new URLSearchParams(location.search).has("test")) {
  (window as unknown as { __lp: unknown }).__lp = { runner, app, timeline };
}
