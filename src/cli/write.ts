/**
 * Writing back: serializing changed objects into their files (keeping untouched documents and,
 * for YAML, comments outside the changed fields) and replacing files atomically.
 */
import { accessSync, chmodSync, constants, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Document, isMap, isSeq, type Node, visit, type YAMLMap } from "yaml";
import { CliError, fsErrorMessage } from "./errors.js";
import type { InputFile } from "./input.js";

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
  visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value === "string" && YAML11_AMBIGUOUS.test(scalar.value))
        scalar.type = "QUOTE_DOUBLE";
    },
  });
  return node;
}

/** YAML text for `value` (Kubernetes style). */
function toYaml(value: unknown): string {
  const doc = new Document();
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
  if (isPlainObject(oldValue) && isPlainObject(newValue) && isMap(node)) {
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

/** Serializes `file` with `changes` applied. */
export function serializeFile(file: InputFile, changes: FileChanges): string {
  if (file.format === "json") return serializeJson(file, changes);
  const parts: string[] = [];
  file.docs.forEach((d, i) => {
    const doc = d.yaml as Document;
    if (d.list) {
      const items = (d.value as { items: unknown[] }).items;
      const appendHere = i === file.docs.length - 1 ? changes.append : [];
      const seq = (doc.contents as YAMLMap).get("items", true);
      if (isSeq(seq)) {
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

/**
 * Replaces every file with its new text, all or nothing as far as the file system allows: every
 * target is checked writable and every temporary file (same folder, then `rename`) is written
 * before the first rename; on a failure the temporary files are removed and no file is touched.
 */
export function writeFilesAtomically(writes: ReadonlyArray<{ file: InputFile; text: string }>): void {
  for (const { file } of writes) {
    try {
      accessSync(file.path, constants.W_OK);
      if (!statSync(file.path).isFile())
        throw Object.assign(new Error("not a regular file"), { code: "EISDIR" });
    } catch (err) {
      throw new CliError(fsErrorMessage("open", file.arg, err));
    }
  }
  const temps: string[] = [];
  const cleanup = () => {
    for (const t of temps) {
      try {
        unlinkSync(t);
      } catch {
        // already gone
      }
    }
  };
  try {
    writes.forEach(({ file, text }, i) => {
      const temp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.${i}.tmp`);
      try {
        writeFileSync(temp, text, { flag: "wx", mode: 0o600 });
        temps.push(temp);
        chmodSync(temp, statSync(file.path).mode & 0o7777);
      } catch (err) {
        throw new CliError(fsErrorMessage("write", file.arg, err));
      }
    });
  } catch (err) {
    cleanup();
    throw err;
  }
  writes.forEach(({ file }, i) => {
    const temp = temps[i] as string;
    try {
      renameSync(temp, file.path);
    } catch (err) {
      cleanup();
      throw new CliError(fsErrorMessage("rename", file.arg, err));
    }
  });
}
