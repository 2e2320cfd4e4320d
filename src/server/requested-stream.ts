/**
 * The stream a read or write of a virtual resource asks for. Upstream every ImageStreamTag,
 * ImageStreamImage and ImageTag request names its stream (`<stream>:<tag>`, `<stream>@<id>`) and the
 * handler reads that stream first, so a missing one is `imagestreams.image.openshift.io "<stream>" not
 * found` (openshift/openshift-apiserver `pkg/image/apiserver/registry/imagestreamtag/rest.go`,
 * `nameAndTag` and `Get`; `imagestreamimage/rest.go`, `parseNameAndID` and `Get`; `imagetag/rest.go`).
 * The library's functions take the stream itself, plus either that full name or a bare tag or id.
 */
import { BadRequestError, NotFoundError, quoteInput } from "../errors.js";
import type { ImageStream } from "../model/index.js";
import { parseImageStreamImageName, parseImageStreamTagName } from "../names/index.js";
import { isObj, str, streamName, streamNamespace } from "./internal.js";

/** A stream that was found, with the stream name and the tag or id asked for. */
export interface RequestedStream {
  /** The stream given (checked to be an object). */
  readonly stream: ImageStream;
  /** The requested stream name: from the argument, else the stream's own name. */
  readonly name: string;
  /** The tag or image id part of the argument (the whole argument when it has no stream name). */
  readonly part: string;
}

/** Which resource a name belongs to: its separator and the upstream message for a bad name. */
const RESOURCES = {
  ImageStreamTags: { separator: ":", message: "ImageStreamTags must be retrieved with <name>:<tag>" },
  ImageTags: { separator: ":", message: "ImageTags must be retrieved with <name>:<tag>" },
  ImageStreamImages: { separator: "@", message: "ImageStreamImages must be retrieved with <name>@<id>" },
} as const;

/**
 * Splits `arg` (`<stream>:<tag>` / `<stream>@<id>`, or a bare tag or id) and checks that `stream`
 * is the stream it names.
 *
 * @throws NotFoundError (`imagestreams`, the requested name) when `stream` is not an object and
 *   `arg` names a stream
 * @throws BadRequestError with the upstream message when `arg` does not parse as a full name, or
 *   when `stream` is missing and `arg` names no stream (nothing says which stream was asked for)
 * @throws BadRequestError when `arg` names another stream than `stream`
 */
export function requestedStream(
  stream: ImageStream | null | undefined,
  arg: unknown,
  resource: keyof typeof RESOURCES,
): RequestedStream {
  const { separator, message } = RESOURCES[resource];
  const input = str(arg);
  let name = "";
  let part = input;
  // An image id has a ":" of its own (`sha256:…`): only "@" names a stream there.
  if (input.includes("@") || (separator === ":" && input.includes(":"))) {
    try {
      if (separator === ":") ({ name, tag: part } = parseImageStreamTagName(input));
      else ({ name, id: part } = parseImageStreamImageName(input));
    } catch {
      throw new BadRequestError(message);
    }
  }
  if (!isObj(stream)) {
    if (name === "") throw new BadRequestError(message);
    throw new NotFoundError({ resource: "imagestreams", name });
  }
  const own = streamName(stream);
  if (name !== "" && own !== "" && own !== name) {
    const ns = streamNamespace(stream);
    throw new BadRequestError(
      `${quoteInput(input)} does not name the image stream ${quoteInput(ns === "" ? own : `${ns}/${own}`)}`,
    );
  }
  return { stream, name: name === "" ? own : name, part };
}
