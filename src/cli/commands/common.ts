/**
 * Helpers shared by the subcommands.
 */
import {
  getImageStreamImage,
  type Image,
  type ImageStream,
  type ImageStreamImage,
  parseImageStreamImageName,
} from "../../index.js";
import type { CommandContext, CommandResult } from "../command.js";
import { quoteInput, UsageError } from "../errors.js";
import type { Workspace } from "../workspace.js";
import { formatObjects } from "../write.js";

/** The result of a command that changes streams: messages (or `-o`), and the writes for `--in-place`. */
export function mutationResult(
  ctx: CommandContext,
  ws: Workspace,
  change: {
    /** Every stream the command produced (unchanged ones are the loaded objects themselves). */
    readonly streams: readonly ImageStream[];
    /** New Image objects, written next to the stream they belong to. */
    readonly images?: ReadonlyArray<{ image: Image; nextTo: ImageStream }>;
    readonly messages: readonly string[];
  },
): CommandResult {
  const writes = ctx.inPlace ? ws.planWrites(change.streams, change.images ?? []) : undefined;
  const stdout =
    ctx.output !== undefined
      ? formatObjects(
          change.streams.map((s) => ws.forOutput(s)),
          ctx.output === "json" ? "json" : "yaml",
        )
      : change.messages.length > 0
        ? `${change.messages.join("\n")}\n`
        : "";
  return writes === undefined ? { stdout } : { stdout, writes };
}

/** Rejects extra positional arguments. */
export function expectArgs(ctx: CommandContext, min: number, max: number, what: string): readonly string[] {
  const p = ctx.args.positionals;
  if (p.length < min) throw new UsageError(`${what} is required`, ctx.command);
  if (p.length > max) throw new UsageError(`unexpected argument ${quoteInput(p[max] ?? "")}`, ctx.command);
  return p;
}

/** The server options the library functions take, from the workspace and the clock. */
export function serverOptions(ctx: CommandContext, ws: Workspace, state?: State) {
  return { now: ctx.now, ...(state ?? ws).lookups(), ...ws.registryOptions() };
}

/** The ImageStreamImages `<stream>@<id>` named on the command line (oc has no list of them). */
export function namedImageStreamImages(
  ctx: CommandContext,
  ws: Workspace,
  names: readonly string[],
): ImageStreamImage[] {
  if (names.length === 0) throw new UsageError("isimage needs a name: <stream>@<image id>", ctx.command);
  const opts = serverOptions(ctx, ws);
  return names.map((n) => {
    const { name, id } = parseImageStreamImageName(n);
    return getImageStreamImage(ws.getStream(name), id, opts);
  });
}

/**
 * The streams and images as a sequence of operations changes them: starts from the workspace,
 * and serves the library's look-ups from the latest state (so a second mapping sees the first).
 */
export class State {
  private readonly ws: Workspace;
  private readonly streams = new Map<string, ImageStream>();
  private readonly order: string[] = [];
  private readonly newImages = new Map<string, { image: Image; nextTo: string }>();

  constructor(ws: Workspace) {
    this.ws = ws;
    for (const s of ws.streamList()) this.put(s);
  }

  private static key(namespace: string, name: string): string {
    return `${namespace}/${name}`;
  }

  /** Stores `stream` (new or replacing the one with the same namespace and name). */
  put(stream: ImageStream): void {
    const k = State.key(stream.metadata?.namespace ?? this.ws.namespace, stream.metadata?.name ?? "");
    if (!this.streams.has(k)) this.order.push(k);
    this.streams.set(k, stream);
  }

  /** The current stream `namespace/name`, or undefined. */
  find(namespace: string, name: string): ImageStream | undefined {
    return this.streams.get(State.key(namespace, name));
  }

  /** Records an Image created by an operation on `nextTo`, unless it is known already. */
  addImage(image: Image, nextTo: ImageStream): void {
    const name = image.metadata?.name ?? "";
    if (this.getImage(name) !== undefined) return;
    this.newImages.set(name, {
      image,
      nextTo: State.key(nextTo.metadata?.namespace ?? this.ws.namespace, nextTo.metadata?.name ?? ""),
    });
  }

  /** An Image of the inputs or created so far. */
  getImage(name: string): Image | undefined {
    return this.ws.lookups().getImage(name) ?? this.newImages.get(name)?.image;
  }

  /** The look-ups for the library's options, on the current state. */
  lookups() {
    return {
      getImageStream: (namespace: string, name: string) => this.find(namespace, name),
      getImage: (name: string) => this.getImage(name),
    };
  }

  /** Every stream, loaded ones first, in input order. */
  streamList(): ImageStream[] {
    return this.order.map((k) => this.streams.get(k) as ImageStream);
  }

  /** The created images with the stream they go next to. */
  images(): Array<{ image: Image; nextTo: ImageStream }> {
    return [...this.newImages.values()].map(({ image, nextTo }) => ({
      image,
      nextTo: this.streams.get(nextTo) as ImageStream,
    }));
  }
}
