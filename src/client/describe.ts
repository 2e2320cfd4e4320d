/**
 * `oc describe is/NAME` and `oc describe istag/NAME:TAG` output (R16.1, R16.2;
 * openshift/oc `pkg/helpers/describe/{describer.go,helpers.go}`).
 */

import type {
  Image,
  ImageStream,
  ImageStreamImage,
  ImageStreamTag,
  NamedTagEventList,
  TagReference,
} from "../model/index.js";
import { safeString } from "../reference/guards.js";
import { parseDockerImageReference } from "../reference/index.js";
import { aliasTargets } from "../resolve/follow.js";
import { prioritizeTags } from "../resolve/prioritize.js";
import { timestampSeconds } from "../resolve/sort-status-tags.js";
import { isObj, type Obj, str } from "../server/internal.js";
import { type Clock, nowTimestamp } from "../server/options.js";
import { humanDuration, humanSize } from "./human.js";
import { tabwrite } from "./table.js";

/**
 * Options of the describe functions.
 *
 * @example
 * ```ts
 * const opts: DescribeOptions = { now: "2017-10-02T17:06:11Z" };
 * ```
 * @public
 */
export interface DescribeOptions {
  /** The clock relative times (`… ago`) are computed from. */
  readonly now?: Clock;
}

function list<T>(v: unknown): readonly T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

/** A `map[string]string` as Go sees it: only string values, keys sorted byte-wise (`sets.String.List`). */
function sortedEntries(m: unknown): [string, string][] {
  if (!isObj(m)) return [];
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(m)) out.push([k, safeString(v ?? "")]);
  out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return out;
}

/** The tabwriter settings of `oc describe` (`tabbedString`: `tabwriter.NewWriter(out, 0, 8, 1, '\t', 0)`). */
const DESCRIBE_TABWRITER = { minwidth: 0, tabwidth: 8, padding: 1, padchar: "\t" } as const;

/**
 * `tabwrite(text)` with the describe settings, computed block by block. Go's tabwriter flushes
 * after every line that holds a single cell (no tab): such a line cannot change the columns of
 * later lines, and is itself printed as it is. So the text splits at those lines into blocks
 * that are aligned independently, and the (usually many) lines without a tab are copied without
 * going through the cell machinery. Text with `\v` or `\f` (which end cells and, for `\f`,
 * flush mid-line) goes through {@link tabwrite} whole.
 * @internal
 */
export function renderDescribeText(text: string): string {
  if (text.includes("\v") || text.includes("\f")) return tabwrite(text, DESCRIBE_TABWRITER);
  const out: string[] = [];
  let copied = 0; // text before this offset is in `out`
  let block = -1; // start of the pending lines that hold a tab, or -1
  let nextTab = text.indexOf("\t");
  let pos = 0;
  while (pos < text.length && (nextTab >= 0 || block >= 0)) {
    const nl = text.indexOf("\n", pos);
    const end = nl < 0 ? text.length : nl + 1;
    if (nextTab >= 0 && nextTab < end) {
      if (block < 0) {
        if (copied < pos) out.push(text.slice(copied, pos));
        block = pos;
      }
      nextTab = text.indexOf("\t", end);
    } else if (block >= 0) {
      // a single-cell line: the pending block and this line are flushed together
      out.push(tabwrite(text.slice(block, end), DESCRIBE_TABWRITER));
      copied = end;
      block = -1;
    }
    pos = end;
  }
  if (block >= 0) out.push(tabwrite(text.slice(block), DESCRIBE_TABWRITER));
  else if (copied < text.length) out.push(text.slice(copied));
  return out.join("");
}

/** Builds the text fed to the tabwriter (the Go `fmt.Fprintf(out, …)` calls). */
class Out {
  private readonly parts: string[] = [];
  /** `since` per timestamp value: a large stream repeats a few creation times many times. */
  private readonly sinceCache = new Map<unknown, string>();
  constructor(private readonly nowMs: number) {}

  raw(s: string): void {
    this.parts.push(s);
  }

  /** `formatString`: `Label:` then TAB value per line; an empty value prints `<none>`. */
  field(label: string, value: string): void {
    const v = value === "" ? "<none>" : value;
    this.parts.push(`${label}:`);
    for (const line of v.split("\n")) this.parts.push(`\t${line}\n`);
  }

  /** `formatMapStringString`: sorted `k=v`, further pairs on TAB-indented lines; `<none>` if empty. */
  map(label: string, m: unknown): void {
    const entries = sortedEntries(m);
    if (entries.length === 0) {
      this.field(label, "");
      return;
    }
    entries.forEach(([k, v], i) => {
      if (i === 0) this.field(label, `${k}=${v}`);
      else this.parts.push(`\t${k}=${v}\n`);
    });
  }

  /** `HumanDuration(now − t)` for a timestamp (Go zero time when missing: saturates to 292 years). */
  since(timestamp: unknown): string {
    const cached = this.sinceCache.get(timestamp);
    if (cached !== undefined) return cached;
    const t = timestampSeconds(timestamp);
    const text = humanDuration(
      t === Number.NEGATIVE_INFINITY ? Number.POSITIVE_INFINITY : this.nowMs - t * 1000,
    );
    // only primitives are cached: an object key would be compared by identity and kept alive
    if (typeof timestamp !== "object" || timestamp === null) this.sinceCache.set(timestamp, text);
    return text;
  }

  /** `formatTime`: `Label:` TAB `<dur> ago`. */
  time(label: string, timestamp: unknown): void {
    this.parts.push(`${label}:\t${this.since(timestamp)} ago\n`);
  }

  /** `formatAnnotations`: `Description:` (annotation `description`, if set) then the others. */
  annotations(annotations: unknown): void {
    const rest: Obj = {};
    let description = "";
    if (isObj(annotations)) {
      for (const [k, v] of Object.entries(annotations)) {
        if (k === "description") description = typeof v === "string" ? v : "";
        else rest[k] = v;
      }
    }
    if (description !== "") this.field("Description", description);
    this.map("Annotations", rest);
  }

  /** `formatMeta`. */
  meta(m: unknown): void {
    const meta = isObj(m) ? m : {};
    this.field("Name", str(meta.name));
    if (str(meta.namespace) !== "") this.field("Namespace", str(meta.namespace));
    if (timestampSeconds(meta.creationTimestamp) !== Number.NEGATIVE_INFINITY) {
      this.time("Created", meta.creationTimestamp);
    }
    this.map("Labels", meta.labels);
    this.annotations(meta.annotations);
  }

  render(): string {
    return renderDescribeText(this.parts.join(""));
  }
}

function nowMillis(opts: DescribeOptions | undefined): number {
  return Date.parse(nowTimestamp(opts ?? {}));
}

/**
 * Spec and status tags by name as the API server stores them (R1.11.2): a duplicate name keeps
 * its last entry, so `oc describe` of the stored stream lists each tag once (as `get itag` and
 * validation read it). Upstream `SpecHasTag`/`StatusHasTag` take the first match, but never see a
 * duplicate: the server's maps have none.
 */
function tagIndexes(stream: ImageStream): {
  readonly spec: Map<string, TagReference>;
  readonly status: Map<string, NamedTagEventList>;
} {
  const spec = new Map<string, TagReference>();
  for (const t of list<TagReference>(stream.spec?.tags)) if (isObj(t)) spec.set(str(t.name), t);
  const status = new Map<string, NamedTagEventList>();
  for (const t of list<NamedTagEventList>(stream.status?.tags)) if (isObj(t)) status.set(str(t.tag), t);
  return { spec, status };
}

/**
 * OC describe's `latestObservedTagGeneration` (same rule as R11.8, computed on the status entry
 * already at hand so that describing stays linear): the larger of 0, `items[0].generation` and
 * the first `ImportSuccess` condition's generation.
 */
function observedGeneration(status: NamedTagEventList | undefined): number {
  if (status === undefined) return 0;
  let last = 0;
  const top = list<Obj>(status.items)[0];
  if (isObj(top) && typeof top.generation === "number" && top.generation > last) last = top.generation;
  for (const c of list<Obj>(status.conditions)) {
    if (!isObj(c) || c.type !== "ImportSuccess") continue;
    if (typeof c.generation === "number" && c.generation > last) last = c.generation;
    break;
  }
  return last;
}

/**
 * True when upstream prints the event's image after its age: the image is set, the reference
 * parses (`reference.Parse`) and its ID differs from the image.
 */
function showsImage(ref: string, image: string): boolean {
  if (image === "") return false;
  // `<name>@<image>`: a reference that parses has this very ID (a name cannot hold `@`), one that
  // does not parse shows nothing either; no need to parse it.
  if (
    ref.length > image.length &&
    ref.endsWith(image) &&
    ref.charCodeAt(ref.length - image.length - 1) === 64 &&
    !image.includes("@")
  )
    return false;
  const id = referenceId(ref);
  return id !== undefined && id !== image;
}

/** The reference's ID, or `undefined` when it does not parse (`reference.Parse`). */
function referenceId(ref: string): string | undefined {
  try {
    return parseDockerImageReference(ref).id;
  } catch {
    return undefined;
  }
}

/** Upstream `formatImageStreamTags`, writing into `out`. */
function writeImageStreamTags(out: Out, stream: ImageStream): void {
  const { spec: specByTag, status: statusByTag } = tagIndexes(stream);
  if (statusByTag.size === 0 && specByTag.size === 0) {
    out.raw("Tags:\t<none>\n");
    return;
  }

  // Unique images: keyed by image; events without an image but with a reference all share the
  // key "" (upstream stores them under item.Image, which is empty).
  const images = new Set<string>();
  for (const t of statusByTag.values()) {
    for (const item of list<Obj>(t.items)) {
      if (!isObj(item)) continue;
      const image = str(item.image);
      const ref = str(item.dockerImageReference);
      if (image !== "") images.add(image);
      else if (ref !== "" && !images.has(ref)) images.add("");
    }
  }

  const sortedTags: string[] = [...statusByTag.keys()];
  const localReferences = new Set<string>();
  const referentialTags = new Map<string, Set<string>>();
  // Only `ImageStreamTag` sources make aliases: without one there is nothing to follow.
  let followable = false;
  for (const t of specByTag.values())
    if (isObj(t.from) && t.from.kind === "ImageStreamTag") followable = true;
  const aliases = followable ? aliasTargets(stream, specByTag) : new Map<string, string>();
  for (const name of specByTag.keys()) {
    const target = aliases.get(name);
    if (target !== undefined) {
      localReferences.add(name);
      let set = referentialTags.get(target);
      if (set === undefined) {
        set = new Set();
        referentialTags.set(target, set);
      }
      set.add(name);
    }
    if (!statusByTag.has(name)) sortedTags.push(name);
  }
  out.raw(`Unique Images:\t${images.size}\nTags:\t${sortedTags.length}\n\n`);

  let first = true;
  for (const tag of prioritizeTags(sortedTags)) {
    if (localReferences.has(tag)) continue;
    if (first) first = false;
    else out.raw("\n");
    const taglist = statusByTag.get(tag);
    const tagRef = specByTag.get(tag);
    const from = tagRef !== undefined && isObj(tagRef.from) ? tagRef.from : undefined;
    let scheduled = false;
    let insecure = false;
    let importing = false;
    let name = "";
    if (tagRef !== undefined && from !== undefined) {
      const ns = str(from.namespace);
      name = ns !== "" && ns !== str(stream.metadata?.namespace) ? `${ns}/${str(from.name)}` : str(from.name);
      scheduled = tagRef.importPolicy?.scheduled === true;
      insecure = tagRef.importPolicy?.insecure === true;
      const gen = observedGeneration(taglist);
      importing =
        tagRef.reference !== true && typeof tagRef.generation === "number" && tagRef.generation > gen;
    }

    const folded = referentialTags.get(tag);
    if (folded !== undefined && folded.size > 0) {
      const sorted = prioritizeTags([...folded].sort());
      out.raw(`${tag} (${sorted.join(", ")})\n`);
    } else {
      out.raw(`${tag}\n`);
    }

    const reference = tagRef?.reference === true;
    if (tagRef === undefined) out.raw("  no spec tag\n");
    else if (from === undefined) out.raw("  tag without source image\n");
    else if (from.kind === "ImageStreamTag") {
      if (reference) out.raw(`  reference to ${name}\n`);
      else if (scheduled) out.raw(`  updates automatically from ${name}\n`);
      else out.raw(`  tagged from ${name}\n`);
    } else if (from.kind === "DockerImage") {
      if (reference) out.raw(`  reference to registry ${name}\n`);
      else if (scheduled) out.raw(`  updates automatically from registry ${name}\n`);
      else out.raw(`  tagged from ${name}\n`);
    } else if (from.kind === "ImageStreamImage") {
      if (reference) out.raw(`  reference to image ${name}\n`);
      else out.raw(`  tagged from ${name}\n`);
    } else {
      const kind = str(from.kind);
      if (reference) out.raw(`  reference to ${kind} ${name}\n`);
      else out.raw(`  updates from ${kind} ${name}\n`);
    }
    if (insecure) out.raw("    will use insecure HTTPS or HTTP connections\n");
    if (tagRef?.referencePolicy?.type === "Local") {
      out.raw("    prefer registry pullthrough when referencing this tag\n");
    }
    out.raw("\n");

    const ann = isObj(tagRef?.annotations) ? (tagRef.annotations as Obj) : {};
    let extra = false;
    const description = str(ann.description);
    if (description !== "") {
      out.raw(`  ${description}\n`);
      extra = true;
    }
    const tagsAnn = str(ann.tags);
    if (tagsAnn !== "") {
      out.raw(`  Tags: ${tagsAnn.split(",").join(", ")}\n`);
      extra = true;
    }
    const supports = str(ann.supports);
    if (supports !== "") {
      out.raw(`  Supports: ${supports.split(",").join(", ")}\n`);
      extra = true;
    }
    const sampleRepo = str(ann.sampleRepo);
    if (sampleRepo !== "") {
      out.raw(`  Example Repo: ${sampleRepo}\n`);
      extra = true;
    }
    if (extra) out.raw("\n");

    if (importing) out.raw("  ~ importing latest image ...\n");

    for (const c of list<Obj>(taglist?.conditions)) {
      if (!isObj(c) || c.type !== "ImportSuccess" || c.status !== "False") continue;
      out.raw(
        `  ! error: Import failed (${str(c.reason)}): ${str(c.message)}\n      ${out.since(c.lastTransitionTime)} ago\n`,
      );
    }

    list<Obj>(taglist?.items).forEach((event, i) => {
      if (!isObj(event)) return;
      const ref = str(event.dockerImageReference);
      out.raw(i === 0 ? `  * ${ref}\n` : `    ${ref}\n`);
      const id = str(event.image);
      if (showsImage(ref, id)) {
        out.raw(`      ${out.since(event.created)} ago\t${id}\n`);
      } else {
        out.raw(`      ${out.since(event.created)} ago\n`);
      }
    });
  }
}

/**
 * The tag section of `oc describe is/NAME` alone: upstream `formatImageStreamTags` (openshift/oc
 * `pkg/helpers/describe/helpers.go`) on its own tabwriter, as `TestFormatImageStreamTags` prints it.
 *
 * `Tags:\t<none>` for a stream without tags; else `Unique Images`, `Tags` (the number of distinct
 * tag names in spec and status) and one block per tag in R2.9 order, as in
 * {@link describeImageStream}. A tag name given twice in `spec.tags` or `status.tags` is listed
 * once, with its last entry, as the API server stores it (R1.11.2).
 *
 * @param stream - the image stream
 * @param opts - `now` for the relative times
 * @returns The text, aligned as the tabwriter of `oc describe` aligns it (TABs as padding).
 * @example
 * ```ts
 * formatImageStreamTags(python, { now: "2017-10-02T17:06:11Z" });
 * // "Unique Images:\t1\nTags:\t\t1\n\n3.5\n  tagged from centos/python-35-centos7\n\n  * centos/python-35-centos7@sha256:49c1…"
 * ```
 * @public
 */
export function formatImageStreamTags(stream: ImageStream, opts: DescribeOptions = {}): string {
  const out = new Out(nowMillis(opts));
  writeImageStreamTags(out, isObj(stream) ? stream : {});
  return out.render();
}

/**
 * `oc describe is/NAME` output (R16.1), byte for byte, through the same tabwriter.
 *
 * Fields in order: `Name`, `Namespace`, `Created`, `Labels`, `Description`, `Annotations`,
 * `Image Repository` (public if set, else internal), `Image Lookup`, then `Unique Images`,
 * `Tags` and one block per tag in R2.9 order. Same-stream aliases are folded into their
 * target's header (`latest (prod, stable)`); each block has its source line, the
 * `~ importing latest image ...` and `! error: Import failed …` lines, and the history
 * (`* <newest>` then older references, each with `<dur> ago` and, when the reference's ID
 * differs from the event's image, that image).
 *
 * @param stream - the image stream
 * @param opts - `now` for the relative times
 * @example
 * ```ts
 * describeImageStream(python, { now: "2017-10-02T17:06:11Z" });
 * // Name:\t\t\tpython\nNamespace:\t\tdefault\nCreated:\t\tAbout a minute ago\n…
 * ```
 * @public
 */
export function describeImageStream(stream: ImageStream, opts: DescribeOptions = {}): string {
  const s: ImageStream = isObj(stream) ? stream : {};
  const out = new Out(nowMillis(opts));
  out.meta(s.metadata);
  const pub = str(s.status?.publicDockerImageRepository);
  out.field("Image Repository", pub !== "" ? pub : str(s.status?.dockerImageRepository));
  out.field("Image Lookup", `local=${s.spec?.lookupPolicy?.local === true}`);
  writeImageStreamTags(out, s);
  return out.render();
}

/** Go `time.Time.String()` of a UTC instant (`2006-01-02 15:04:05 +0000 UTC`). */
function goTimeString(timestamp: unknown): string {
  const t = timestampSeconds(timestamp);
  if (t === Number.NEGATIVE_INFINITY) return "0001-01-01 00:00:00 +0000 UTC";
  const iso = new Date(t * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

/** `describeImageSignature`. */
function describeSignature(out: Out, sig: Obj): void {
  out.field("\tName", str(isObj(sig.metadata) ? sig.metadata.name : ""));
  out.field("\tType", str(sig.type));
  if (!isObj(sig.issuedBy)) {
    out.field("\tStatus", "Unverified");
    return;
  }
  out.field("\tStatus", "Verified");
  out.field("\tIssued By", str(sig.issuedBy.commonName));
  for (const c of list<Obj>(sig.conditions)) {
    if (!isObj(c)) continue;
    out.field("\t", `Signature is ${str(c.type)} (${str(c.message)} on ${goTimeString(c.lastProbeTime)})`);
  }
}

/** `describeDockerImage` (the container config part). */
function describeDockerConfig(out: Out, config: Obj): void {
  const entrypoint = list<unknown>(config.Entrypoint).map(str);
  const cmd = list<unknown>(config.Cmd).map(str);
  if (entrypoint.length > 0) out.field("Entrypoint", entrypoint.join(" "));
  if (cmd.length > 0) out.field("Command", cmd.join(" "));
  if (entrypoint.length === 0 && cmd.length === 0) out.field("Command", "");
  out.field("Working Dir", str(config.WorkingDir));
  out.field("User", str(config.User));
  const ports = isObj(config.ExposedPorts) ? Object.keys(config.ExposedPorts).sort() : [];
  out.field("Exposes Ports", ports.join(", "));
  out.map("Docker Labels", config.Labels);
  list<unknown>(config.Env).forEach((env, i) => {
    if (i === 0) out.field("Environment", str(env));
    else out.raw(`\t${str(env)}\n`);
  });
  const volumes = isObj(config.Volumes) ? Object.keys(config.Volumes).sort() : [];
  volumes.forEach((v, i) => {
    if (i === 0) out.field("Volumes", v);
    else out.raw(`\t${v}\n`);
  });
}

/** `DescribeImage(image, imageName)`. */
function describeImageText(image: Image, imageName: string, nowMs: number): string {
  const out = new Out(nowMs);
  const meta: Obj = isObj(image.metadata) ? image.metadata : {};
  if (imageName !== "") out.field("Image Name", imageName);
  out.field("Docker Image", str(image.dockerImageReference));
  out.field("Name", str(meta.name));
  if (timestampSeconds(meta.creationTimestamp) !== Number.NEGATIVE_INFINITY)
    out.time("Created", meta.creationTimestamp);
  if (sortedEntries(meta.labels).length > 0) out.map("Labels", meta.labels);
  if (sortedEntries(meta.annotations).length > 0) out.annotations(meta.annotations);

  const docker: Obj = isObj(image.dockerImageMetadata) ? image.dockerImageMetadata : {};
  const size = typeof docker.Size === "number" ? docker.Size : 0;
  const layers = list<Obj>(image.dockerImageLayers);
  if (layers.length === 0) {
    out.field("Layer Size", humanSize(size));
  } else {
    out.field("Image Size", `${humanSize(size)} in ${layers.length} layers`);
    out.field(
      "Layers",
      layers
        .map(
          (l) =>
            `${humanSize(isObj(l) && typeof l.size === "number" ? l.size : 0)}\t${str(isObj(l) ? l.name : "")}`,
        )
        .join("\n"),
    );
  }
  for (const sig of list<Obj>(image.signatures)) {
    if (!isObj(sig)) continue;
    out.field("Image Signatures", " ");
    describeSignature(out, sig);
  }
  out.field("Image Created", `${out.since(docker.Created)} ago`);
  out.field("Author", str(docker.Author));
  out.field("Arch", str(docker.Architecture));
  const manifests = list<Obj>(image.dockerImageManifests).filter(isObj);
  if (manifests.length > 0) {
    out.field(
      "Manifests",
      manifests.map((m) => `${str(m.os)}/${str(m.architecture)}\t${str(m.digest)}`).join("\n"),
    );
  }
  describeDockerConfig(out, isObj(docker.Config) ? docker.Config : {});
  return out.render();
}

/**
 * `oc describe istag/NAME:TAG` output (R16.2): the Image view of `istag.image`
 * with `Image Name` = `image.metadata.name`.
 *
 * Fields in order: `Image Name`, `Docker Image`, `Name`, `Created`, `Labels`,
 * `Description`/`Annotations` (only if any), `Layer Size` or `Image Size` + `Layers`,
 * `Image Signatures`, `Image Created`, `Author`, `Arch`, `Manifests` (manifest lists),
 * `Entrypoint`, `Command`, `Working Dir`, `User`, `Exposes Ports`, `Docker Labels`,
 * `Environment`, `Volumes`. Sizes use {@link humanSize}.
 *
 * @param istag - the ImageStreamTag (as `getImageStreamTag` returns it)
 * @param opts - `now` for the relative times
 * @example
 * ```ts
 * describeImageStreamTag(istag, { now: "2017-10-02T17:07:11Z" });
 * // Image Name:\tsha256:49c1…\nDocker Image:\tcentos/python-35-centos7@sha256:49c1…\n…
 * ```
 * @public
 */
export function describeImageStreamTag(istag: ImageStreamTag, opts: DescribeOptions = {}): string {
  return describeViewImage(istag, opts);
}

/** The Image of a view (ImageStreamTag, ImageStreamImage) described with its own name as `Image Name`. */
function describeViewImage(
  view: { readonly image?: Image | null | undefined },
  opts: DescribeOptions,
): string {
  const image: Image = isObj(view) && isObj(view.image) ? view.image : {};
  const name = isObj(image.metadata) ? str(image.metadata.name) : "";
  return describeImageText(image, name, nowMillis(opts));
}

/**
 * What `oc describe isimage/<stream>@<id>` prints (R16.2, `ImageStreamImageDescriber`): the Image
 * view of `isimage.image`, with `Image Name` = `image.metadata.name`; the same fields as
 * {@link describeImageStreamTag}.
 *
 * @param isimage - the ImageStreamImage (as `getImageStreamImage` returns it)
 * @param opts - `now` for the relative times
 * @example
 * ```ts
 * describeImageStreamImage(getImageStreamImage(is, "sha256:49c1", { getImage }), { now: new Date() });
 * // Image Name:\tsha256:49c1…\nDocker Image:\tcentos/python-35-centos7@sha256:49c1…\n…
 * ```
 * @public
 */
export function describeImageStreamImage(isimage: ImageStreamImage, opts: DescribeOptions = {}): string {
  return describeViewImage(isimage, opts);
}

/**
 * What `oc describe image/<name>` prints (R16.2, `ImageDescriber`): the Image view without the
 * `Image Name` line (`DescribeImage(image, "")`).
 *
 * @param image - the Image
 * @param opts - `now` for the relative times
 * @example
 * ```ts
 * describeImage(image, { now: new Date() });
 * // Docker Image:\tcentos/python-35-centos7@sha256:49c1…\nName:\t\tsha256:49c1…\n…
 * ```
 * @public
 */
export function describeImage(image: Image, opts: DescribeOptions = {}): string {
  return describeImageText(isObj(image) ? image : {}, "", nowMillis(opts));
}
