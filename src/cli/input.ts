/**
 * Reading `-f` inputs: files or standard input holding one or more YAML documents, a JSON
 * object, or a `List` (`kind: List` or any `*List` kind) with `items`.
 */
import { readFileSync, realpathSync } from "node:fs";
import { extname } from "node:path";
import type { Document } from "yaml";
import { CliError, fsErrorMessage, quoteInput, UsageError } from "./errors.js";
import { fastYamlDocuments } from "./fast-yaml.js";
import { yamlLib } from "./yaml-lib.js";

/** How a file is written back. */
export type FileFormat = "yaml" | "json";

/** One document of an input file. */
export interface InputDoc {
  /**
   * The YAML document (kept to rewrite the file with its comments); undefined for JSON. When the
   * fast reader read the values, the document is parsed on first use (only `--in-place` needs it).
   */
  readonly yaml: Document | undefined;
  /** The plain value of the document (`null` for an empty document). */
  readonly value: unknown;
  /** True when the document is a List whose `items` are the objects. */
  readonly list: boolean;
}

/** One input file (or standard input). */
export interface InputFile {
  /** The argument as the user wrote it (used in messages). */
  readonly arg: string;
  /** The resolved path to write back to (symlinks followed); empty for standard input. */
  readonly path: string;
  readonly stdin: boolean;
  readonly format: FileFormat;
  readonly text: string;
  readonly docs: readonly InputDoc[];
}

/** One Kubernetes object found in the inputs, with where it came from. */
export interface Entry {
  readonly file: InputFile;
  readonly doc: number;
  /** Index in the List's `items`, or undefined for a top-level document. */
  readonly item: number | undefined;
  readonly raw: Readonly<Record<string, unknown>>;
  readonly kind: string;
  /** `<file>` or `<file> (document N)` / `<file> (item N)` for messages. */
  readonly where: string;
}

/** Reads standard input once. */
function readStdin(): string {
  return readFileSync(0, "utf8");
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isList(v: Record<string, unknown>): boolean {
  return typeof v.kind === "string" && v.kind.endsWith("List") && Array.isArray(v.items);
}

/** Decides JSON vs YAML: by extension, else by the first non-blank character. */
function detectFormat(arg: string, text: string): FileFormat {
  const ext = extname(arg).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".yaml" || ext === ".yml") return "yaml";
  const first = text.trimStart()[0];
  return first === "{" ? "json" : "yaml";
}

/** Parses one file's text into documents; throws `CliError` naming the file on malformed input. */
export function parseText(arg: string, text: string, format: FileFormat): InputDoc[] {
  if (format === "json") {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      throw new CliError(`${arg}: invalid JSON: ${msg}`);
    }
    return [{ yaml: undefined, value, list: isObject(value) && isList(value) }];
  }
  // Kubernetes-style YAML is read by the fast reader, which gives the very values `yaml` would;
  // anything else (and every error) goes through `yaml`.
  const fast = fastYamlDocuments(text);
  if (fast !== undefined) {
    let parsed: InputDoc[] | undefined;
    const documents = (): InputDoc[] => {
      if (parsed === undefined) parsed = parseYaml(arg, text);
      return parsed;
    };
    return fast.map((value, i) => ({
      get yaml() {
        return documents()[i]?.yaml;
      },
      value,
      list: isObject(value) && isList(value),
    }));
  }
  return parseYaml(arg, text);
}

/** Parses YAML text with `yaml` (documents kept for writing back); throws `CliError` naming the file. */
function parseYaml(arg: string, text: string): InputDoc[] {
  const docs = yamlLib().parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true });
  if (!Array.isArray(docs)) return []; // empty stream
  return docs.map((doc, i) => {
    const first = doc.errors[0];
    if (first !== undefined) {
      const line = first.linePos?.[0];
      const pos = line ? ` at line ${line.line}, column ${line.col}` : "";
      const msg = (first.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
      throw new CliError(
        `${arg}: invalid YAML${docs.length > 1 ? ` (document ${i + 1})` : ""}: ${msg}${pos}`,
      );
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      throw new CliError(`${arg}: invalid YAML: ${msg}`);
    }
    return { yaml: doc, value, list: isObject(value) && isList(value) };
  });
}

/** Reads every `-f` argument (`-` = standard input, at most once). */
export function readInputs(command: string, args: readonly string[]): InputFile[] {
  const files: InputFile[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    const stdin = arg === "-";
    let path = "";
    let text: string;
    if (stdin) {
      if (seen.has("-")) throw new UsageError(`standard input ("-f -") can be read only once`, command);
      seen.add("-");
      try {
        text = readStdin();
      } catch (err) {
        throw new CliError(fsErrorMessage("read", "standard input", err));
      }
    } else {
      try {
        path = realpathSync(arg);
        text = readFileSync(path, "utf8");
      } catch (err) {
        throw new CliError(fsErrorMessage("open", arg, err));
      }
      if (seen.has(path))
        throw new UsageError(`file ${quoteInput(arg, 256, String)} is given more than once`, command);
      seen.add(path);
    }
    const format = detectFormat(arg, text);
    files.push({
      arg: stdin ? "<stdin>" : arg,
      path,
      stdin,
      format,
      text,
      docs: parseText(stdin ? "<stdin>" : arg, text, format),
    });
  }
  return files;
}

/** Lists the objects of the files; every document (and List item) must be an object with a `kind`. */
export function entriesOf(files: readonly InputFile[]): Entry[] {
  const out: Entry[] = [];
  for (const file of files) {
    const multi = file.docs.length > 1;
    file.docs.forEach((doc, d) => {
      const docWhere = multi ? `${file.arg} (document ${d + 1})` : file.arg;
      if (doc.value === null || doc.value === undefined) return; // empty document
      if (!isObject(doc.value))
        throw new CliError(`${docWhere}: expected an object, got ${describeType(doc.value)}`);
      if (doc.list) {
        const items = doc.value.items as unknown[];
        items.forEach((item, i) => {
          const where = `${docWhere} (item ${i + 1})`;
          if (!isObject(item)) throw new CliError(`${where}: expected an object, got ${describeType(item)}`);
          out.push({ file, doc: d, item: i, raw: item, kind: kindOf(where, item), where });
        });
        return;
      }
      out.push({
        file,
        doc: d,
        item: undefined,
        raw: doc.value,
        kind: kindOf(docWhere, doc.value),
        where: docWhere,
      });
    });
  }
  return out;
}

function kindOf(where: string, v: Record<string, unknown>): string {
  if (typeof v.kind !== "string" || v.kind === "") throw new CliError(`${where}: Object 'Kind' is missing`);
  return v.kind;
}

function describeType(v: unknown): string {
  if (Array.isArray(v)) return "an array";
  if (v === null) return "null";
  return `a ${typeof v}`;
}
