/**
 * Go `text/tabwriter` (elastic tabstops) and the `oc get is` / `istag` / `isimage` / `imagetag` tables
 * (docs/behaviour.md §16, OAS `pkg/image/printers/internalversion/printer.go`).
 */
import type { ImageStream, ImageStreamImage, ImageStreamTag, ImageTag } from "../model/index.js";
import { splitImageStreamImage, splitImageStreamTag } from "../names/index.js";
import { optionsOf } from "../resolve/internal.js";
import { sortStatusTags, timestampSeconds } from "../resolve/sort-status-tags.js";
import { str } from "../server/internal.js";
import { type Clock, nowTimestamp } from "../server/options.js";
import { byteLength } from "../validation/internal.js";
import { humanDuration } from "./human.js";

/**
 * Settings of {@link tabwrite}, named like Go's `tabwriter.Writer.Init` parameters.
 *
 * @example
 * ```ts
 * const describe: TabwriterOptions = { minwidth: 0, tabwidth: 8, padding: 1, padchar: "\t" };
 * ```
 * @public
 */
export interface TabwriterOptions {
  /** Minimal cell width including any padding. */
  readonly minwidth?: number;
  /** Width of a tab character (number of columns). */
  readonly tabwidth?: number;
  /** Padding added to a cell before computing its width. */
  readonly padding?: number;
  /** The padding character; with `"\t"` cells are padded with tabs to the next tab stop. */
  readonly padchar?: string;
}

interface Cell {
  readonly text: string;
  readonly width: number;
  readonly htab: boolean;
}

/** Number of Unicode code points (Go `utf8.RuneCount`). */
function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

class TabWriter {
  private readonly out: string[] = [];
  private lines: Cell[][] = [[]];
  private widths: number[] = [];
  private cell = "";

  constructor(
    private readonly minwidth: number,
    private readonly tabwidth: number,
    private readonly padding: number,
    private readonly padchar: string,
  ) {}

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      // '\t', '\v', '\n', '\f' end a cell
      if (ch === 9 || ch === 11 || ch === 10 || ch === 12) {
        this.cell += text.slice(start, i);
        start = i + 1;
        const ncells = this.terminateCell(ch === 9);
        if (ch === 10 || ch === 12) {
          this.lines.push([]);
          // A line with a single cell cannot affect later lines: flush (as Go does).
          if (ch === 12 || ncells === 1) this.flush();
        }
      }
    }
    this.cell += text.slice(start);
  }

  flush(): void {
    if (this.cell.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
    this.cell = "";
  }

  result(): string {
    return this.out.join("");
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cell, width: runeCount(this.cell), htab });
    this.cell = "";
    return line.length;
  }

  private writePadding(textw: number, cellw: number): void {
    if (this.padchar === "\t") {
      if (this.tabwidth === 0) return;
      const w = Math.ceil(cellw / this.tabwidth) * this.tabwidth;
      const n = w - textw;
      this.out.push("\t".repeat(Math.ceil(n / this.tabwidth)));
      return;
    }
    this.out.push(this.padchar.repeat(Math.max(cellw - textw, 0)));
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      for (let j = 0; j < line.length; j++) {
        const c = line[j]!;
        if (c.text.length > 0) this.out.push(c.text);
        if (j < this.widths.length) this.writePadding(c.width, this.widths[j]!);
      }
      if (i + 1 === this.lines.length) this.out.push(this.cell);
      else this.out.push("\n");
    }
  }

  /** Go `(*Writer).format`: column blocks are runs of consecutive lines with a cell in that column. */
  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= this.lines[cur]!.length - 1) continue;
      this.writeLines(line0, cur);
      line0 = cur;
      let width = this.minwidth;
      for (; cur < line1; cur++) {
        const line = this.lines[cur]!;
        if (column >= line.length - 1) break;
        const w = line[column]!.width + this.padding;
        if (w > width) width = w;
      }
      this.widths.push(width);
      this.format(line0, cur);
      this.widths.pop();
      line0 = cur;
    }
    this.writeLines(line0, line1);
  }
}

/**
 * Aligns tab-terminated cells into columns exactly like Go's `text/tabwriter` (then `Flush`).
 *
 * Cells are terminated by `\t` (or `\v`); consecutive lines that have a cell in a column form a
 * column block whose width is the widest cell plus `padding` (at least `minwidth`); the text
 * after the last tab of a line is not part of any column. Defaults are those of `oc describe`:
 * `minwidth 0, tabwidth 8, padding 1, padchar "\t"` (pad with tabs to the next multiple of 8).
 *
 * @param text - the tab-separated text
 * @param opts - tabwriter settings
 * @example
 * ```ts
 * tabwrite("Unique Images:\t3\nTags:\t6\n");
 * // => "Unique Images:\t3\nTags:\t\t6\n"
 * tabwrite("NAME\tTAGS\nruby\tlatest\n", { minwidth: 6, tabwidth: 4, padding: 3, padchar: " " });
 * // => "NAME   TAGS\nruby   latest\n"
 * ```
 * @public
 */
export function tabwrite(text: string, options: TabwriterOptions = {}): string {
  const opts = optionsOf(options);
  const w = new TabWriter(
    Math.max(0, num(opts.minwidth, 0)),
    Math.max(0, num(opts.tabwidth, 8)),
    Math.max(0, num(opts.padding, 1)),
    (typeof opts.padchar === "string" ? opts.padchar : "\t").slice(0, 1) || "\t",
  );
  w.write(typeof text === "string" ? text : "");
  w.flush();
  return w.result();
}

/** kubectl's table writer (`printers.GetNewTabWriter`): minwidth 6, tabwidth 4, padding 3, spaces. */
const KUBECTL_TABLE: TabwriterOptions = { minwidth: 6, tabwidth: 4, padding: 3, padchar: " " };

/** kubectl prints a string cell up to its first line break, then `...`. */
function cellText(value: string): string {
  let cut = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 10 || c === 12 || c === 13) {
      cut = i;
      break;
    }
  }
  return cut < 0 ? value : `${value.slice(0, cut)}...`;
}

function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  let text = `${header.join("\t")}\n`;
  for (const row of rows) text += `${row.map(cellText).join("\t")}\n`;
  return tabwrite(text, KUBECTL_TABLE);
}

/**
 * The `TAGS` column of `oc get is` (`printTagsUpToWidth`): tags in R12.8 order, comma-joined,
 * within `preferredWidth` characters with a 25% overshoot allowance, at least one tag, then
 * ` + N more...`.
 * @internal
 */
export function printTagsUpToWidth(stream: ImageStream, preferredWidth = 40): string {
  const all = sortStatusTags(stream);
  let tags = all;
  let remaining = preferredWidth;
  for (let i = 0; i < all.length; i++) {
    const len = byteLength(all[i]!);
    remaining -= len + 1;
    if (remaining >= 0) continue;
    if (i === 0) {
      tags = all.slice(0, 1);
      break;
    }
    const margin = Math.trunc(preferredWidth / 4);
    if (margin < remaining + len && margin >= -remaining) continue;
    tags = all.slice(0, i);
    break;
  }
  const hidden = all.length - tags.length;
  return hidden > 0 ? `${tags.join(",")} + ${hidden} more...` : tags.join(",");
}

/**
 * Options of the `oc get` table formatters.
 *
 * @example
 * ```ts
 * const opts: TableOptions = { now: "2024-01-01T00:00:00Z", wide: true };
 * ```
 * @public
 */
export interface TableOptions {
  /** The clock used for the `UPDATED` column. */
  readonly now?: Clock;
  /** `-o wide`: add the columns of priority 1. */
  readonly wide?: boolean;
  /** `--all-namespaces`: add a leading `NAMESPACE` column. */
  readonly withNamespace?: boolean;
}

/** Milliseconds since the epoch of the clock, second precision. */
function nowMs(opts: { readonly now?: Clock }): number {
  return Date.parse(nowTimestamp(opts));
}

/** `<HumanDuration(now − t)> ago`; Go's zero time saturates to about 292 years. */
export function ago(nowMillis: number, createdSeconds: number): string {
  const ms =
    createdSeconds === Number.NEGATIVE_INFINITY
      ? Number.POSITIVE_INFINITY
      : nowMillis - createdSeconds * 1000;
  return `${humanDuration(ms)} ago`;
}

/** What every `oc get` table row starts from: an object with metadata. */
type Listed = { readonly metadata?: { readonly namespace?: string | undefined } | null | undefined };

/**
 * One `oc get` table: a row of `cells(item, now)` per object of `items` (anything else skipped),
 * a leading `NAMESPACE` column under `withNamespace`; `""` when there is nothing to print.
 */
function objectTable<T extends Listed>(
  items: readonly T[],
  opts: TableOptions,
  header: readonly string[],
  cells: (item: T, now: number) => string[],
): string {
  const list = Array.isArray(items) ? items.filter((s) => s !== null && typeof s === "object") : [];
  if (list.length === 0) return "";
  const now = nowMs(opts);
  const ns = opts.withNamespace === true;
  const rows = list.map((t) => (ns ? [str(t.metadata?.namespace), ...cells(t, now)] : cells(t, now)));
  return renderTable(ns ? ["NAMESPACE", ...header] : header, rows);
}

function num(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

/**
 * `oc get is` output (docs/behaviour.md §16.3): `NAME`, `IMAGE REPOSITORY` (public repository if set,
 * else `spec.dockerImageRepository`, else `status.dockerImageRepository`), `TAGS`
 * (see R12.8, 40 characters budget), `UPDATED` (newest `items[0].created`, `<dur> ago`).
 * Returns `""` for an empty list (kubectl then prints `No resources found`).
 *
 * @param streams - the image streams, printed in the given order
 * @param opts - `now`, `withNamespace`
 * @example
 * ```ts
 * formatImageStreamTable([stream], { now: "2016-01-29T14:40:11Z" });
 * // => "NAME   IMAGE REPOSITORY                 TAGS     UPDATED\nruby   172.30.56.218:5000/test/ruby     latest   About an hour ago\n"
 * ```
 * @public
 */
export function formatImageStreamTable(streams: readonly ImageStream[], options: TableOptions = {}): string {
  const header = ["NAME", "IMAGE REPOSITORY", "TAGS", "UPDATED"];
  return objectTable(streams, optionsOf(options), header, (stream, now) => {
    let latest = Number.NEGATIVE_INFINITY;
    const tags = stream.status?.tags;
    for (const t of Array.isArray(tags) ? tags : []) {
      const top = Array.isArray(t?.items) ? t.items[0] : undefined;
      if (top !== null && typeof top === "object") {
        const c = timestampSeconds(top.created);
        if (c > latest) latest = c;
      }
    }
    let repo = str(stream.spec?.dockerImageRepository);
    if (repo === "") repo = str(stream.status?.dockerImageRepository);
    const pub = str(stream.status?.publicDockerImageRepository);
    if (pub !== "") repo = pub;
    const updated = latest === Number.NEGATIVE_INFINITY ? "" : ago(now, latest);
    return [str(stream.metadata?.name), repo, printTagsUpToWidth(stream, 40), updated];
  });
}

/**
 * `oc get istag` output (docs/behaviour.md §16.3): `NAME`, `IMAGE REFERENCE`
 * (`image.dockerImageReference`), `UPDATED` (`creationTimestamp` ago); `wide` adds `IMAGE NAME`.
 * Returns `""` for an empty list.
 *
 * @param istags - the image stream tags, printed in the given order
 * @param opts - `now`, `wide`, `withNamespace`
 * @example
 * ```ts
 * formatImageStreamTagTable([istag], { now: "2016-01-29T13:42:11Z", wide: true });
 * // => "NAME          IMAGE REFERENCE        UPDATED          IMAGE NAME\nruby:latest   r/ruby@sha256:4746…   2 minutes ago   sha256:4746…\n"
 * ```
 * @public
 */
export function formatImageStreamTagTable(
  istags: readonly ImageStreamTag[],
  options: TableOptions = {},
): string {
  const opts = optionsOf(options);
  const wide = opts.wide === true;
  const header = ["NAME", "IMAGE REFERENCE", "UPDATED", ...(wide ? ["IMAGE NAME"] : [])];
  return objectTable(istags, opts, header, (t, now) => [
    str(t.metadata?.name),
    str(t.image?.dockerImageReference),
    ago(now, timestampSeconds(t.metadata?.creationTimestamp)),
    ...(wide ? [str(t.image?.metadata?.name)] : []),
  ]);
}

/**
 * `oc get isimage` output (docs/behaviour.md §16.3): `NAME`, `UPDATED` (`creationTimestamp` ago); `wide`
 * adds `IMAGE REFERENCE` (`image.dockerImageReference`) and `IMAGE NAME`. Returns `""` for an
 * empty list.
 *
 * @param isimages - the image stream images, printed in the given order
 * @param opts - `now`, `wide`, `withNamespace`
 * @example
 * ```ts
 * formatImageStreamImageTable([isimage], { now: "2016-01-29T13:42:11Z" });
 * // => "NAME                   UPDATED\nruby@sha256:4746…   2 minutes ago\n"
 * ```
 * @public
 */
export function formatImageStreamImageTable(
  isimages: readonly ImageStreamImage[],
  options: TableOptions = {},
): string {
  const opts = optionsOf(options);
  const wide = opts.wide === true;
  const header = ["NAME", "UPDATED", ...(wide ? ["IMAGE REFERENCE", "IMAGE NAME"] : [])];
  return objectTable(isimages, opts, header, (t, now) => [
    str(t.metadata?.name),
    ago(now, timestampSeconds(t.metadata?.creationTimestamp)),
    ...(wide ? [str(t.image?.dockerImageReference), str(t.image?.metadata?.name)] : []),
  ]);
}

/** The cells of one `oc get imagetag` row after the name (upstream `printImageTag`). */
function imageTagCells(itag: ImageTag, now: number): string[] {
  let generation = 0;
  let source = "";
  let status = "";
  let spec = "";
  const tagRef = itag.spec;
  if (tagRef !== null && typeof tagRef === "object") {
    spec = tagRef.reference === true ? "Ref" : "Tag";
    if (tagRef.importPolicy?.scheduled === true) spec = "Scheduled";
    generation = num(tagRef.generation, 0);
    const from = tagRef.from;
    if (from !== null && typeof from === "object") {
      const kind = str(from.kind);
      const name = str(from.name);
      if (kind === "DockerImage") source = name;
      else if (kind === "ImageStreamImage") {
        const { id, ok } = splitImageStreamImage(name);
        if (ok) source = `image/${id}`;
        else status = "InvalidRefName";
      } else if (kind === "ImageStreamTag") {
        const ns = str(from.namespace);
        source = ns !== "" ? `istag ${ns}/${name}` : `istag/${name}`;
        // A tag of another tag of the same stream is a tracking tag.
        if (!splitImageStreamTag(name).ok) spec = "Track";
      } else status = "InvalidRefKind";
    } else spec = "";
  }
  let count = 0;
  let updated = "";
  const st = itag.status;
  if (st !== null && typeof st === "object") {
    const items = Array.isArray(st.items) ? st.items : [];
    count = items.length;
    let last = Number.NEGATIVE_INFINITY;
    const event = items[0];
    if (event !== null && typeof event === "object") {
      last = timestampSeconds(event.created);
      const eventGeneration = num(event.generation, 0);
      if (generation > 0 && eventGeneration > 0 && eventGeneration < generation) status = "Importing";
      else if (str(event.image) !== "") source = `image/${str(event.image)}`;
      else if (str(event.dockerImageReference) !== "") source = str(event.dockerImageReference);
      if (source !== "" && spec === "") spec = "Push";
      else if (spec !== "Track" && generation > 0 && eventGeneration > generation) {
        // Reset, or pushed to after the spec tag was set.
        spec = "Push";
      }
    }
    for (const c of Array.isArray(st.conditions) ? st.conditions : []) {
      if (c === null || typeof c !== "object") continue;
      if (c.type === "ImportSuccess" && c.status === "False") status = `ImportFailed (${str(c.reason)})`;
      const t = timestampSeconds(c.lastTransitionTime);
      if (t > last) last = t;
    }
    if (last !== Number.NEGATIVE_INFINITY) updated = ago(now, last);
  }
  if (status === "") status = source;
  // A zero count is a nil cell, which kubectl prints as nothing.
  return [spec, status, count > 0 ? String(count) : "", updated];
}

/**
 * `oc get imagetag` output (docs/behaviour.md §16.3, upstream `printImageTag`): `NAME`; `SPEC` (`Tag`,
 * `Ref` for a reference tag, `Scheduled`, `Track` for a tag of a tag of the same stream, `Push`
 * when there is history but no spec source or the event generation is newer than the spec's);
 * `STATUS` (`Importing` while the newest event is older than the spec generation,
 * `ImportFailed (<reason>)`, `InvalidRefName`/`InvalidRefKind`, else the source: the DockerImage
 * name, `image/<id>`, `istag/<name>` or `istag <ns>/<name>`); `HISTORY` (the number of events,
 * empty when none); `UPDATED` (newest of `items[0].created` and the conditions' transition times).
 * Returns `""` for an empty list.
 *
 * @param itags - the image tags (see {@link listImageTags}), printed in the given order
 * @param opts - `now`, `withNamespace`
 * @example
 * ```ts
 * formatImageTagTable(listImageTags(is), { now: "2016-01-29T14:40:11Z" });
 * // => "NAME          SPEC   STATUS                  HISTORY   UPDATED\nruby:latest   Tag    image/sha256:4746…      2         About an hour ago\n"
 * ```
 * @public
 */
export function formatImageTagTable(itags: readonly ImageTag[], options: TableOptions = {}): string {
  const header = ["NAME", "SPEC", "STATUS", "HISTORY", "UPDATED"];
  return objectTable(itags, optionsOf(options), header, (t, now) => [
    str(t.metadata?.name),
    ...imageTagCells(t, now),
  ]);
}
