/**
 * Writing back: serializing changed objects into their files (keeping untouched documents and,
 * for YAML, comments outside the changed fields) and replacing files atomically.
 */
import { accessSync, constants, renameSync, statSync, unlinkSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Document, Node, YAMLMap } from "yaml";
import { CliError, fsErrorMessage, InterruptedError } from "./errors.js";
import type { InputFile } from "./input.js";
import { yamlLib } from "./yaml-lib.js";

/** Options for YAML output: Kubernetes style (sequences not indented), no line folding. */
export const YAML_OPTIONS = { lineWidth: 0, indentSeq: false } as const;

/**
 * Strings a YAML 1.1 parser (Go's yaml.v2, PyYAML) would read as something else: timestamps,
 * booleans (`yes`, `on`, `y`, ...). The `yaml` package writes YAML 1.2, where they are plain
 * strings; they are double-quoted so every reader sees a string.
 */
const YAML11_AMBIGUOUS =
  /^(?:\d{4}-\d{1,2}-\d{1,2}(?:[Tt ].*)?|[yY]|[nN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|~)$/;

/** A YAML node for `value`, with YAML-1.1-ambiguous strings quoted. */
function createNode(doc: Document, value: unknown): Node {
  const node = doc.createNode(value) as Node;
  yamlLib().visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value === "string" && YAML11_AMBIGUOUS.test(scalar.value))
        scalar.type = "QUOTE_DOUBLE";
    },
  });
  return node;
}

/** YAML text for `value` (Kubernetes style). */
function toYaml(value: unknown): string {
  const doc = new (yamlLib().Document)();
  doc.contents = createNode(doc, value) as typeof doc.contents;
  return doc.toString(YAML_OPTIONS);
}

/** Formats a value for `-o yaml|json`. */
export function formatValue(value: unknown, format: "yaml" | "json"): string {
  return format === "json" ? `${JSON.stringify(value, null, 2)}\n` : toYaml(value);
}

/** Formats several objects for `-o`: the object itself when there is one, else a `List`. */
export function formatObjects(values: readonly unknown[], format: "yaml" | "json"): string {
  const value = values.length === 1 ? values[0] : { apiVersion: "v1", kind: "List", items: values };
  return formatValue(value, format);
}

/** The changes to one file: replaced objects by position, and objects appended at the end. */
export interface FileChanges {
  /** key `doc` or `doc/item` → new object. */
  readonly replace: Map<string, unknown>;
  readonly append: unknown[];
}

/** The position key used in {@link FileChanges.replace}. */
export function positionKey(doc: number, item: number | undefined): string {
  return item === undefined ? String(doc) : `${doc}/${item}`;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Deep equality of JSON-like values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Drops `undefined` members so that JSON and YAML output agree. */
function clean(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v ?? null));
}

/**
 * Rewrites the node of a YAML document from `oldValue` to `newValue`, touching only the map
 * entries that differ, so comments and formatting elsewhere are kept.
 */
function patchNode(doc: Document, node: unknown, oldValue: unknown, newValue: unknown): unknown {
  if (deepEqual(oldValue, newValue) && node !== undefined) return node;
  if (isPlainObject(oldValue) && isPlainObject(newValue) && yamlLib().isMap(node)) {
    const map = node as YAMLMap;
    for (const k of Object.keys(oldValue)) if (!Object.hasOwn(newValue, k)) map.delete(k);
    for (const [k, v] of Object.entries(newValue)) {
      const child = map.get(k, true);
      if (child !== undefined && Object.hasOwn(oldValue, k))
        map.set(k, patchNode(doc, child, oldValue[k], v));
      else map.set(k, createNode(doc, v));
    }
    return map;
  }
  return createNode(doc, newValue);
}

/** True when the text's first line ends with CRLF: the file is then written with CRLF throughout. */
export function usesCrlf(text: string): boolean {
  const nl = text.indexOf("\n");
  return nl > 0 && text.charCodeAt(nl - 1) === 13;
}

/** Serializes `file` with `changes` applied, with the file's line endings (LF, or CRLF throughout). */
export function serializeFile(file: InputFile, changes: FileChanges): string {
  const text = file.format === "json" ? serializeJson(file, changes) : serializeYaml(file, changes);
  // Both printers write LF; comments kept from a CRLF file may still end with CR.
  return usesCrlf(file.text) ? text.replace(/\r?\n/g, "\r\n") : text;
}

function serializeYaml(file: InputFile, changes: FileChanges): string {
  const parts: string[] = [];
  file.docs.forEach((d, i) => {
    const doc = d.yaml as Document;
    if (d.list) {
      const items = (d.value as { items: unknown[] }).items;
      const appendHere = i === file.docs.length - 1 ? changes.append : [];
      const seq = (doc.contents as YAMLMap).get("items", true);
      if (yamlLib().isSeq(seq)) {
        items.forEach((old, j) => {
          const next = changes.replace.get(positionKey(i, j));
          if (next !== undefined) seq.items[j] = patchNode(doc, seq.items[j], old, clean(next)) as never;
        });
        for (const v of appendHere) seq.items.push(createNode(doc, clean(v)) as never);
      } else {
        const next = items.map((old, j) => {
          const v = changes.replace.get(positionKey(i, j));
          return v === undefined ? old : clean(v);
        });
        const value = { ...(d.value as object), items: [...next, ...appendHere.map(clean)] };
        doc.contents = patchNode(doc, doc.contents, d.value, value) as typeof doc.contents;
      }
    } else {
      const next = changes.replace.get(positionKey(i, undefined));
      if (next !== undefined)
        doc.contents = patchNode(doc, doc.contents, d.value, clean(next)) as typeof doc.contents;
    }
    const text = doc.toString(YAML_OPTIONS);
    parts.push(i > 0 && !text.startsWith("---") ? `---\n${text}` : text);
  });
  const lastList = file.docs.length > 0 && file.docs[file.docs.length - 1]?.list === true;
  if (!lastList)
    for (const v of changes.append) {
      const text = toYaml(clean(v));
      parts.push(parts.length > 0 ? `---\n${text}` : text);
    }
  return parts.join("");
}

function serializeJson(file: InputFile, changes: FileChanges): string {
  const d = file.docs[0];
  let value: unknown = d?.value ?? null;
  if (d?.list) {
    const list = value as Record<string, unknown> & { items: unknown[] };
    const items = list.items.map((old, j) => {
      const next = changes.replace.get(positionKey(0, j));
      return next === undefined ? old : clean(next);
    });
    value = { ...list, items: [...items, ...changes.append.map(clean)] };
  } else {
    const next = changes.replace.get(positionKey(0, undefined));
    if (next !== undefined) value = clean(next);
    if (changes.append.length > 0)
      value = { apiVersion: "v1", kind: "List", items: [value, ...changes.append.map(clean)] };
  }
  const indent = /\n([ \t]+)"/.exec(file.text)?.[1] ?? "  ";
  return `${JSON.stringify(value, null, indent)}\n`;
}

/** The signals that interrupt a write: the temporary files are removed and no file is changed. */
const INTERRUPTS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/** Removes temporary files, ignoring those already gone; returns the paths it could not remove. */
export function removeTemporaryFiles(paths: readonly string[]): string[] {
  const left: string[] = [];
  for (const p of paths) {
    try {
      unlinkSync(p);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") left.push(p);
    }
  }
  return left;
}

/**
 * Replaces every file with its new text, all or nothing as far as the file system allows: every
 * target is checked writable and every temporary file (same folder, then `rename`) is written
 * before the first rename; on a failure the temporary files are removed and no file is touched.
 *
 * While the temporary files are written, SIGINT, SIGTERM and SIGHUP (or `options.signal`) stop the
 * write between chunks: the temporary files are removed and an {@link InterruptedError} is thrown.
 * The renames run without a pause, so a signal cannot leave some files replaced and others not.
 */
export async function writeFilesAtomically(
  writes: ReadonlyArray<{ file: InputFile; text: string }>,
  options: { readonly signal?: AbortSignal } = {},
): Promise<void> {
  for (const { file } of writes) {
    try {
      accessSync(file.path, constants.W_OK);
      if (!statSync(file.path).isFile())
        throw Object.assign(new Error("not a regular file"), { code: "EISDIR" });
    } catch (err) {
      throw new CliError(fsErrorMessage("open", file.arg, err));
    }
  }
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    received ??= signal;
    controller.abort();
  };
  const external = options.signal;
  const onAbort = () => controller.abort();
  for (const s of INTERRUPTS) process.on(s, onSignal);
  external?.addEventListener("abort", onAbort);
  if (external?.aborted === true) controller.abort();
  const temps: string[] = [];
  const interrupted = () => new InterruptedError(received, removeTemporaryFiles(temps));
  try {
    for (const [i, { file, text }] of writes.entries()) {
      if (controller.signal.aborted) throw interrupted();
      const temp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.${i}.tmp`);
      let handle: FileHandle | undefined;
      try {
        handle = await open(temp, "wx", 0o600);
        temps.push(temp); // ours from here on, even if the write stops half-way
        await handle.writeFile(text, { signal: controller.signal });
        await handle.chmod(statSync(file.path).mode & 0o7777);
      } catch (err) {
        if (controller.signal.aborted) throw interrupted();
        removeTemporaryFiles(temps);
        throw new CliError(fsErrorMessage("write", file.arg, err));
      } finally {
        await handle?.close().catch(() => undefined);
      }
    }
    if (controller.signal.aborted) throw interrupted();
    // No await from here: signals are handled between event-loop turns, so none lands mid-way.
    writes.forEach(({ file }, i) => {
      try {
        renameSync(temps[i] as string, file.path);
      } catch (err) {
        removeTemporaryFiles(temps);
        throw new CliError(fsErrorMessage("rename", file.arg, err));
      }
    });
  } finally {
    for (const s of INTERRUPTS) process.off(s, onSignal);
    external?.removeEventListener("abort", onAbort);
  }
}
