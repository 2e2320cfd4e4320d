/**
 * `resolvePullSpecForTag` and its two public wrappers (docs/behaviour.md R12.4, LG/imageutil).
 */
import { BadRequestError } from "../errors.js";
import type { ImageStream, TagEvent } from "../model/index.js";
import { defaultTag, int, itemsOf, optionsOf, specHasTag, statusHasTag, str } from "./internal.js";
import { referenceForEvent } from "./reference-policy.js";

/**
 * Options of {@link resolvePullSpecForTag}.
 *
 * @example
 * ```ts
 * const opts: ResolvePullSpecOptions = { defaultExternal: true, requireLatest: false };
 * ```
 * @public
 */
export interface ResolvePullSpecOptions {
  /** When the tag is empty, build the pull spec from `status.publicDockerImageRepository` if set. */
  readonly defaultExternal?: boolean;
  /** Refuse to return an older image while a newer spec generation is pending (`ResolveNewestPullSpecForTag`). */
  readonly requireLatest?: boolean;
}

/**
 * Result of {@link resolvePullSpecForTag}.
 *
 * @example
 * ```ts
 * const r: PullSpecResolution = { pullSpec: "quay.io/test/first:tag", hasNewer: false, hasStatus: false, isTagEmpty: false };
 * ```
 * @public
 */
export interface PullSpecResolution {
  /** The pull spec to use. */
  readonly pullSpec: string;
  /** A newer spec generation is waiting to be imported; `pullSpec` is the previous image. */
  readonly hasNewer: boolean;
  /** `pullSpec` points at an image in the tag's status history (imported or pushed). */
  readonly hasStatus: boolean;
  /** Nothing was tagged or pushed yet: `pullSpec` is `<repository>:<tag>`. */
  readonly isTagEmpty: boolean;
}

/** `ErrWaitForPullSpec`. */
const WAIT_FOR_PULL_SPEC = "the pull spec cannot be determined yet";
/** `ErrNoStreamRepository`. */
const NO_STREAM_REPOSITORY = "no image repository has been set on the image stream status";

/**
 * Finds the most accurate pull spec for a tag (LG `resolvePullSpecForTag`, docs/behaviour.md R12.4).
 *
 * An empty tag means `latest`. With status history the newest event is used (through the
 * reference policy R12.3) unless the spec tag's `generation` is newer than that event's: then
 * `requireLatest` gives the spec tag's `from.name` for a `DockerImage` spec tag with policy
 * `Source`, or throws; otherwise the older event is returned with `hasNewer`. Without history a
 * `DockerImage`/`Source` spec tag gives its `from.name`, and anything else gives
 * `<repository>:<tag>` (public repository when `defaultExternal` and set, else the internal one).
 *
 * @param stream - the image stream
 * @param tag - the tag name (`""` → `latest`)
 * @param opts - `defaultExternal`, `requireLatest`
 * @throws BadRequestError `the pull spec cannot be determined yet` (requireLatest, newer spec
 *   generation pending, no DockerImage/Source spec tag) or
 *   `no image repository has been set on the image stream status` (empty tag and no repository).
 * @example
 * ```ts
 * resolvePullSpecForTag(stream, "empty", { defaultExternal: true });
 * // => { pullSpec: "registry.test.public/test/stream1:empty", hasNewer: false, hasStatus: false, isTagEmpty: true }
 * ```
 * @public
 */
export function resolvePullSpecForTag(
  stream: ImageStream,
  tag: string,
  options: ResolvePullSpecOptions = {},
): PullSpecResolution {
  const opts = optionsOf(options);
  const name = defaultTag(tag);
  const items = itemsOf(statusHasTag(stream, name));
  const spec = specHasTag(stream, name);
  const from = spec?.from;
  const hasSpecTagRef =
    spec !== undefined &&
    from !== null &&
    typeof from === "object" &&
    from.kind === "DockerImage" &&
    spec.referencePolicy?.type === "Source";

  let event: TagEvent | undefined;
  let hasNewer = false;
  const top = items[0];
  if (top === undefined || top === null || typeof top !== "object") {
    // nothing in status
  } else if (
    spec !== undefined &&
    typeof spec.generation === "number" &&
    spec.generation > int(top.generation)
  ) {
    if (opts.requireLatest === true) {
      if (!hasSpecTagRef) throw new BadRequestError(WAIT_FOR_PULL_SPEC);
    } else {
      event = top;
      hasNewer = true;
    }
  } else {
    event = top;
  }

  if (event !== undefined) {
    return { pullSpec: referenceForEvent(stream, spec, event), hasNewer, hasStatus: true, isTagEmpty: false };
  }
  if (hasSpecTagRef) {
    const specEvent: TagEvent = {
      created: "",
      dockerImageReference: str(from?.name),
      image: "",
      generation: 0,
    };
    return {
      pullSpec: referenceForEvent(stream, spec, specEvent),
      hasNewer,
      hasStatus: false,
      isTagEmpty: false,
    };
  }
  let repository = str(stream?.status?.dockerImageRepository);
  const external = str(stream?.status?.publicDockerImageRepository);
  if (opts.defaultExternal === true && external !== "") repository = external;
  if (repository === "") throw new BadRequestError(NO_STREAM_REPOSITORY);
  return { pullSpec: `${repository}:${name}`, hasNewer, hasStatus: false, isTagEmpty: true };
}

/**
 * `ResolveNewestPullSpecForTag`: {@link resolvePullSpecForTag} with `requireLatest: true`.
 *
 * @example
 * ```ts
 * resolveNewestPullSpecForTag(stream, "1").pullSpec; // "quay.io/test/first:tag" while 5 > 4 is pending
 * ```
 * @public
 */
export function resolveNewestPullSpecForTag(
  stream: ImageStream,
  tag: string,
  opts: { readonly defaultExternal?: boolean } = {},
): PullSpecResolution {
  return resolvePullSpecForTag(stream, tag, {
    defaultExternal: optionsOf(opts).defaultExternal === true,
    requireLatest: true,
  });
}

/**
 * `ResolveRecentPullSpecForTag`: {@link resolvePullSpecForTag} with `requireLatest: false`
 * (the last known good image).
 *
 * @example
 * ```ts
 * resolveRecentPullSpecForTag(stream, "1"); // { pullSpec: "quay.io/test/first:older", hasNewer: true, … }
 * ```
 * @public
 */
export function resolveRecentPullSpecForTag(
  stream: ImageStream,
  tag: string,
  opts: { readonly defaultExternal?: boolean } = {},
): PullSpecResolution {
  return resolvePullSpecForTag(stream, tag, {
    defaultExternal: optionsOf(opts).defaultExternal === true,
    requireLatest: false,
  });
}
