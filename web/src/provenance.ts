// Where the editor's code came from: an example as shipped, or the user's
// own (typed, edited, restored from a draft or opened from a shared link).
// The page never replaces the user's own code without keeping it: it
// becomes "Your code" in the Examples menu, and the editor's Ctrl+Z.

/** Provenance is what the page knows about the code in the editor. */
export interface Provenance {
  /** example is the file the code started from, "" for none. */
  example: string;
  /** pristine is that example's text as shipped, or null when unknown
   * (a draft saved after edits); code equal to it is not the user's. */
  pristine: string | null;
  /** yours is the user's own code that a replacement set aside. */
  yours: string | null;
}

/** YOURS is the Examples menu's value for the user's own code. */
export const YOURS = "yours";

/** isOwn tells whether code is the user's: not an example as shipped, and
 * not empty. */
export function isOwn(p: Provenance, code: string): boolean {
  if (code.trim() === "") return false;
  return p.example === "" || p.pristine === null || code !== p.pristine;
}

/** MenuState is what the Examples menu shows. */
export interface MenuState {
  /** value is YOURS, an example's file, or "" for the placeholder. */
  value: string;
  /** yours tells whether the menu offers "Your code". */
  yours: boolean;
}

/** menuState is the menu for code: "Your code" as soon as it differs from
 * the example, and offered too while a set-aside version exists. */
export function menuState(p: Provenance, code: string): MenuState {
  if (isOwn(p, code)) return { value: YOURS, yours: true };
  return { value: p.example, yours: p.yours !== null && p.yours !== code };
}

/** canReset tells whether Reset has an example to put back over edits. */
export function canReset(p: Provenance, code: string): boolean {
  return p.example !== "" && isOwn(p, code);
}

/** setsAside tells whether replacing code by text sets the user's own code aside. */
export function setsAside(p: Provenance, code: string, text: string): boolean {
  return isOwn(p, code) && code !== text;
}

/** replaced is the provenance after code is replaced by text from next:
 * the user's own code is set aside as yours, else the earlier yours stays. */
export function replaced(p: Provenance, code: string, text: string, next: { example: string; pristine: string | null }): Provenance {
  return { ...next, yours: setsAside(p, code, text) ? code : p.yours };
}
