// What the editor holds and where it came from: the first script (a
// shared link, else the draft, else the first example), examples, Reset,
// "Your code", shared links, and the draft that keeps it all across
// reloads. Nothing the user wrote is ever lost: replacing it sets it aside
// (provenance.ts) and Ctrl+Z restores it; a first script that arrives
// after the user started typing is not put in at all.

import type { Editor } from "./editor";
import { fetchExample, fetchExampleIndex, type ExampleInfo } from "./examples";
import { defaultOptions, type PageOptions } from "./options";
import { canReset, isOwn, menuState, replaced, setsAside, YOURS, type MenuState, type Provenance } from "./provenance";
import { decodeShare, isShareFragment } from "./share";
import { loadDraft, saveDraft, type Draft } from "./storage";

/** ContentParts are what Content works with. */
export interface ContentParts {
  editor: Editor;
  examples: URL;
  /** replaced is called after new code replaced the editor's; kept tells
   * whether the user's own code was set aside. */
  replaced(kept: boolean): void;
  /** changed is called when the menu, Reset or the options may show otherwise. */
  changed(): void;
  note(text: string, kind: "info" | "error"): void;
  setExamples(list: readonly ExampleInfo[]): void;
}

/** Content is the editor's code and its provenance. */
export interface Content {
  options: PageOptions;
  /** ready tells whether the editor holds what Run would run: the first
   * script, or what the user typed before it arrived. */
  readonly ready: boolean;
  readonly menu: MenuState;
  readonly canReset: boolean;
  /** first loads the first script; it settles once there is one. */
  first(): Promise<void>;
  /** open opens an example's file, or YOURS for the code set aside. */
  open(file: string): Promise<void>;
  reset(): Promise<void>;
  /** openShared opens a shared link and returns why it could not, or "";
   * before is the code it replaces when that is not in the editor (the
   * draft, on the first load). */
  openShared(hash: string, before?: string): Promise<string>;
  /** edited is called on every edit by the user. */
  edited(): void;
  persist(): void;
}

function fromDraft(d: Draft | null): Provenance {
  const example = d?.example ?? "";
  return { example, pristine: example && d?.edited === false ? d.code : null, yours: d?.yours ?? null };
}

/** createContent starts with an empty editor that is not ready. */
export function createContent(p: ContentParts): Content {
  let prov: Provenance = { example: "", pristine: null, yours: null };
  let ready = false;
  let touched = false; // the user typed before the first script arrived
  let request = 0; // the latest example asked for; earlier answers are dropped

  const code = () => p.editor.getContent();

  function persist() {
    const text = code();
    saveDraft({
      code: text,
      options: c.options,
      example: prov.example || undefined,
      edited: isOwn(prov, text),
      yours: prov.yours ?? undefined,
    });
  }

  // replace puts text in the editor, setting the user's own code (before)
  // aside. Once the page is ready it is one step that Ctrl+Z undoes; the
  // first script goes into an editor with nothing to undo.
  function replace(text: string, next: { example: string; pristine: string | null }, before = code()) {
    const kept = setsAside(prov, before, text);
    prov = replaced(prov, before, text, next);
    if (ready) p.editor.replaceContent(text);
    else p.editor.setContent(text);
    ready = true;
    persist();
    p.replaced(kept);
  }

  async function openExample(file: string, first = false) {
    const mine = ++request;
    try {
      const text = await fetchExample(p.examples, file);
      if (mine !== request || (first && ready)) return;
      // The editor holds this example as it is: nothing changes, so
      // nothing is replaced, and a run of it goes on.
      if (ready && prov.example === file && code() === text) return p.changed();
      replace(text, { example: file, pristine: text });
    } catch (e) {
      p.note(`Could not load the example: ${(e as Error).message}`, "error");
    }
  }

  const c: Content = {
    options: { ...defaultOptions },
    get ready() {
      return ready;
    },
    get menu() {
      return menuState(prov, code());
    },
    get canReset() {
      return canReset(prov, code());
    },
    async first() {
      const problems: string[] = [];
      const index = fetchExampleIndex(p.examples).then(
        (list) => (p.setExamples(list), list),
        (e: Error) => (problems.push(`Could not load the examples: ${e.message}`), []),
      );
      const draft = loadDraft();
      if (isShareFragment(location.hash)) {
        prov = fromDraft(draft);
        const problem = await c.openShared(location.hash, draft?.code ?? "");
        if (problem) problems.push(problem);
      }
      if (!ready && draft) {
        prov = fromDraft(draft);
        c.options = draft.options;
        p.editor.setContent(draft.code);
        ready = true;
      }
      const examples = await index;
      if (!ready && examples.length > 0) await openExample(examples[0].file, true);
      ready = true;
      p.changed();
      for (const problem of problems) p.note(problem, "error");
    },
    async open(file) {
      if (file !== YOURS) return openExample(file);
      if (prov.yours !== null) replace(prov.yours, { example: "", pristine: null });
    },
    async reset() {
      if (prov.example) await openExample(prov.example);
    },
    async openShared(hash, before) {
      try {
        const shared = await decodeShare(hash);
        if (touched) return "The shared link's code arrived after you started typing: open the link again to load it.";
        c.options = shared.options;
        replace(shared.code, { example: "", pristine: null }, before);
        p.note("Opened a shared link: press Run.", "info");
        return "";
      } catch (e) {
        return `Could not open the shared link: ${(e as Error).message}`;
      }
    },
    edited() {
      if (!ready) touched = ready = true;
      p.changed();
    },
    persist,
  };
  return c;
}
