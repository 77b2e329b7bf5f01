// The Lua API as the page explains it, read from api.json: the one API
// reference, which the docs site and the README are built from too (see
// docsite/reference.go for its fields). Completion, hover help and the
// Help panel read it through this module.

import reference from "./api.json";

/** One documented function or method. */
export interface ApiEntry {
  /** How a script writes it: "goroutine.spawn", "task", or "ch:send". */
  name: string;
  /** The userdata type of a method: "goroutine.channel". */
  type?: string;
  /** Other names of the same call. */
  also?: string[];
  /** The call with what it returns. */
  signature: string;
  summary: string;
  doc?: string;
  errors?: string[];
  example: string[];
  output: string[];
}

/** A group of related calls. */
export interface ApiSection {
  id: string;
  title: string;
  intro: string;
  entries: ApiEntry[];
}

/** SECTIONS is the whole reference, in its order. */
export const SECTIONS: readonly ApiSection[] = (reference as { sections: ApiSection[] }).sections;

/** ENTRIES are the entries of every section. */
export const ENTRIES: readonly ApiEntry[] = SECTIONS.flatMap((s) => s.entries);

/** names lists what an entry is called after its prefix: "spawn" for
 * goroutine.spawn, "send" for ch:send, "task" for task. */
export function names(e: ApiEntry): string[] {
  return [e.name, ...(e.also ?? [])].map((n) => n.slice(Math.max(n.indexOf(":"), n.indexOf(".")) + 1));
}

/** MODULES are the tables a script calls through ("goroutine", "log",
 * "workflow"), GLOBALS the plain global functions ("task"). */
export const MODULES: readonly string[] = [...new Set(ENTRIES.filter((e) => !e.type && e.name.includes(".")).map((e) => e.name.split(".")[0]))];
export const GLOBALS: readonly string[] = ENTRIES.filter((e) => !e.type && !e.name.includes(".")).map((e) => e.name);

/** moduleEntries are the functions of a module, for completion after "module.". */
export function moduleEntries(module: string): ApiEntry[] {
  return ENTRIES.filter((e) => !e.type && e.name.startsWith(module + "."));
}

/** Method is a method name and every entry that has it (done is a method
 * of wait groups, handles and contexts). */
export interface Method {
  name: string;
  entries: ApiEntry[];
}

/** METHODS are the methods of every type, one per name, for completion after ":". */
export const METHODS: readonly Method[] = (() => {
  const byName = new Map<string, ApiEntry[]>();
  for (const e of ENTRIES.filter((x) => x.type)) {
    for (const n of names(e)) byName.set(n, [...(byName.get(n) ?? []), e]);
  }
  return [...byName].map(([name, entries]) => ({ name, entries })).sort((a, b) => a.name.localeCompare(b.name));
})();

/** lookup finds the entries for a name after its prefix: "goroutine."
 * and "spawn", ":" and "done" (several), "" and "task". */
export function lookup(prefix: string, name: string): ApiEntry[] {
  if (prefix === ":") return METHODS.find((m) => m.name === name)?.entries ?? [];
  const full = prefix + name;
  return ENTRIES.filter((e) => !e.type && [e.name, ...(e.also ?? [])].includes(full));
}

/** anchor is the entry's id on the docs site's reference page. */
export function anchor(e: ApiEntry): string {
  return e.type ? `${e.type}:${e.name.slice(e.name.indexOf(":") + 1)}` : e.name;
}
