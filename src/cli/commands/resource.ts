/**
 * Resource arguments as `oc` spells them: `is/NAME`, `is NAME`, `istag/NAME:TAG`, ...
 */
import { quoteInput, UsageError } from "../errors.js";

/** The resources the command understands. */
export type Resource = "is" | "istag" | "isimage" | "imagetag";

const ALIASES: Readonly<Record<string, Resource>> = {
  is: "is",
  imagestream: "is",
  imagestreams: "is",
  "imagestream.image.openshift.io": "is",
  "imagestreams.image.openshift.io": "is",
  istag: "istag",
  imagestreamtag: "istag",
  imagestreamtags: "istag",
  "imagestreamtag.image.openshift.io": "istag",
  "imagestreamtags.image.openshift.io": "istag",
  isimage: "isimage",
  imagestreamimage: "isimage",
  imagestreamimages: "isimage",
  "imagestreamimage.image.openshift.io": "isimage",
  "imagestreamimages.image.openshift.io": "isimage",
  itag: "imagetag",
  imagetag: "imagetag",
  imagetags: "imagetag",
  "imagetag.image.openshift.io": "imagetag",
  "imagetags.image.openshift.io": "imagetag",
};

/** Parses `TYPE[/NAME] [NAME...]` into a resource and names. */
export function parseResourceArgs(
  command: string,
  args: readonly string[],
): { resource: Resource; names: string[] } {
  const [first, ...rest] = args;
  if (first === undefined)
    throw new UsageError(
      "you must specify the type of resource: is (imagestreams), istag (imagestreamtags), isimage (imagestreamimages) or itag (imagetags)",
      command,
    );
  const slash = first.indexOf("/");
  const type = (slash < 0 ? first : first.slice(0, slash)).toLowerCase();
  const resource = Object.hasOwn(ALIASES, type) ? ALIASES[type] : undefined;
  if (resource === undefined)
    throw new UsageError(
      `the server doesn't have a resource type ${quoteInput(type)} (supported: is, imagestreams, istag, imagestreamtags, isimage, imagestreamimages, itag, imagetags)`,
      command,
    );
  if (slash < 0) return { resource, names: rest };
  if (rest.length > 0)
    throw new UsageError(
      `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form`,
      command,
    );
  const name = first.slice(slash + 1);
  if (name === "")
    throw new UsageError(`arguments in resource/name form must have a single resource and name`, command);
  return { resource, names: [name] };
}
