/**
 * The objects of the `-f` inputs, indexed the way the library's look-ups need them, and the
 * plan to write changed objects back where they came from.
 */

import { NotFoundError } from "../errors.js";
import type { Image, ImageStream } from "../index.js";
import { parseImage, parseImageStream } from "../schemas.js";
import { CliError, quoteInput } from "./errors.js";
import type { Entry, InputFile } from "./input.js";
import { type FileChanges, positionKey, serializeFile } from "./write.js";

/** The namespace used when neither `-n` nor the inputs name one. */
export const DEFAULT_NAMESPACE = "default";

/** An ImageStream of the inputs. */
export interface StreamRecord {
  readonly entry: Entry;
  /** The parsed stream; its namespace is filled in with the current project when the file had none. */
  readonly stream: ImageStream;
  /** True when `metadata.namespace` was absent in the file (it is left out again on write). */
  readonly namespaceAdded: boolean;
}

function keyOf(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

function metaOf(raw: Readonly<Record<string, unknown>>): { name: string; namespace: string | undefined } {
  const m = raw.metadata;
  if (typeof m !== "object" || m === null) return { name: "", namespace: undefined };
  const { name, namespace } = m as { name?: unknown; namespace?: unknown };
  return {
    name: typeof name === "string" ? name : "",
    namespace: typeof namespace === "string" && namespace !== "" ? namespace : undefined,
  };
}

/**
 * The current project: `-n` if given; else the namespace of the ImageStreams when they all name
 * the same one; else `default`.
 */
export function currentNamespace(flag: string | undefined, entries: readonly Entry[]): string {
  if (flag !== undefined) return flag;
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.kind !== "ImageStream") continue;
    const ns = metaOf(e.raw).namespace;
    if (ns !== undefined) seen.add(ns);
  }
  return seen.size === 1 ? ([...seen][0] as string) : DEFAULT_NAMESPACE;
}

/** `obj` with `apiVersion: image.openshift.io/v1` and `kind` first, when it has no kind. */
function withTypeMeta<T extends object>(obj: T, kind: string): T {
  if (typeof (obj as { kind?: unknown }).kind === "string") return obj;
  return { apiVersion: "image.openshift.io/v1", kind, ...obj };
}

/** Everything loaded from `-f`. */
export class Workspace {
  readonly files: readonly InputFile[];
  readonly entries: readonly Entry[];
  readonly namespace: string;
  readonly streams: ReadonlyMap<string, StreamRecord>;
  readonly images: ReadonlyMap<string, { entry: Entry; image: Image }>;

  private readonly registryFlags: { internal?: string | undefined; external?: string | undefined };

  constructor(
    files: readonly InputFile[],
    entries: readonly Entry[],
    namespaceFlag: string | undefined,
    registryFlags: { internal?: string | undefined; external?: string | undefined } = {},
  ) {
    this.files = files;
    this.registryFlags = registryFlags;
    this.entries = entries;
    this.namespace = currentNamespace(namespaceFlag, entries);
    const streams = new Map<string, StreamRecord>();
    const images = new Map<string, { entry: Entry; image: Image }>();
    for (const entry of entries) {
      if (entry.kind === "ImageStream") {
        const { name, namespace } = metaOf(entry.raw);
        const meta = entry.raw.metadata;
        const injectable =
          meta === undefined || (typeof meta === "object" && meta !== null && !Array.isArray(meta));
        // A malformed metadata (a string, a list) is left for parseImageStream to report.
        const raw =
          namespace === undefined && injectable
            ? { ...entry.raw, metadata: { ...(meta as object | undefined), namespace: this.namespace } }
            : entry.raw;
        const stream = parseImageStream(raw);
        const key = keyOf(namespace ?? this.namespace, name);
        const dup = streams.get(key);
        if (dup !== undefined)
          throw new CliError(
            `imagestream ${quoteInput(key)} is defined twice (${dup.entry.where} and ${entry.where})`,
          );
        streams.set(key, { entry, stream, namespaceAdded: namespace === undefined });
      } else if (entry.kind === "Image") {
        const image = parseImage(entry.raw);
        const name = image.metadata?.name ?? "";
        if (!images.has(name)) images.set(name, { entry, image });
      }
    }
    this.streams = streams;
    this.images = images;
  }

  /** Every ImageStream, in input order. */
  streamList(): ImageStream[] {
    return [...this.streams.values()].map((r) => r.stream);
  }

  /** Every Image, in input order. */
  imageList(): Image[] {
    return [...this.images.values()].map((r) => r.image);
  }

  /** The stream `namespace/name`, or undefined. */
  findStream(namespace: string, name: string): ImageStream | undefined {
    return this.streams.get(keyOf(namespace, name))?.stream;
  }

  /** The stream `name` in `namespace` (default: the current project); NotFound like the API server. */
  getStream(name: string, namespace: string = this.namespace): ImageStream {
    const s = this.findStream(namespace, name);
    if (s === undefined) throw new NotFoundError({ resource: "imagestreams", name });
    return s;
  }

  /** The look-ups the library functions take as options. */
  lookups(): {
    getImageStream: (namespace: string, name: string) => ImageStream | undefined;
    getImage: (name: string) => Image | undefined;
  } {
    return {
      getImageStream: (namespace, name) => this.findStream(namespace, name),
      getImage: (name) => this.images.get(name)?.image,
    };
  }

  /**
   * The registry host names: from the flags, else inferred from the streams'
   * `status.dockerImageRepository` / `publicDockerImageRepository` (`<host>/<namespace>/<name>`),
   * so that recomputing them (R5.1, R5.2) keeps what the files say.
   */
  registryOptions(): { internalRegistryHostname?: string; externalRegistryHostname?: string } {
    const internal = this.registryFlags.internal ?? this.inferHost("dockerImageRepository");
    const external = this.registryFlags.external ?? this.inferHost("publicDockerImageRepository");
    return {
      ...(internal !== undefined && internal !== "" ? { internalRegistryHostname: internal } : {}),
      ...(external !== undefined && external !== "" ? { externalRegistryHostname: external } : {}),
    };
  }

  private inferHost(field: "dockerImageRepository" | "publicDockerImageRepository"): string | undefined {
    for (const { stream } of this.streams.values()) {
      const repo = (stream.status as Record<string, unknown> | undefined)?.[field];
      const suffix = `/${stream.metadata?.namespace ?? ""}/${stream.metadata?.name ?? ""}`;
      if (typeof repo === "string" && repo.length > suffix.length && repo.endsWith(suffix))
        return repo.slice(0, repo.length - suffix.length);
    }
    return undefined;
  }

  /**
   * The stream as it should be written out: without the namespace the file did not have, and with
   * `apiVersion`/`kind` when the library created it without them.
   */
  forOutput(stream: ImageStream): ImageStream {
    const typed = withTypeMeta(stream, "ImageStream");
    const ns = typed.metadata?.namespace;
    const rec = ns === undefined ? undefined : this.streams.get(keyOf(ns, typed.metadata?.name ?? ""));
    if (rec?.namespaceAdded !== true || typed.metadata === undefined) return typed;
    const { namespace: _dropped, ...metadata } = typed.metadata;
    return { ...typed, metadata } as ImageStream;
  }

  /**
   * Plans writing back `streams` (changed or new, compared by identity with the loaded ones) and
   * new `images` (appended to the file of the stream they belong to). Returns the new text of
   * every file that changes; nothing is written here.
   */
  planWrites(
    streams: readonly ImageStream[],
    images: ReadonlyArray<{ image: Image; nextTo: ImageStream }> = [],
  ): Array<{ file: InputFile; text: string }> {
    const changes = new Map<InputFile, FileChanges>();
    const changesOf = (file: InputFile): FileChanges => {
      let c = changes.get(file);
      if (c === undefined) {
        c = { replace: new Map(), append: [] };
        changes.set(file, c);
      }
      return c;
    };
    const firstFile = this.files.find((f) => !f.stdin);
    const fileOfStream = (s: ImageStream): InputFile | undefined =>
      this.streams.get(keyOf(s.metadata?.namespace ?? this.namespace, s.metadata?.name ?? ""))?.entry.file;
    for (const s of streams) {
      const rec = this.streams.get(keyOf(s.metadata?.namespace ?? this.namespace, s.metadata?.name ?? ""));
      if (rec !== undefined) {
        if (rec.stream === s) continue;
        changesOf(rec.entry.file).replace.set(positionKey(rec.entry.doc, rec.entry.item), this.forOutput(s));
      } else {
        if (firstFile === undefined) throw new CliError("no input file to add the new image stream to");
        changesOf(firstFile).append.push(this.forOutput(s));
      }
    }
    for (const { image, nextTo } of images) {
      const file = fileOfStream(nextTo) ?? firstFile;
      if (file === undefined) throw new CliError("no input file to add the new image to");
      changesOf(file).append.push(withTypeMeta(image, "Image"));
    }
    const out: Array<{ file: InputFile; text: string }> = [];
    for (const [file, c] of changes) {
      if (file.stdin) throw new CliError("--in-place cannot rewrite standard input");
      out.push({ file, text: serializeFile(file, c) });
    }
    return out;
  }
}
