/**
 * What the API server fills in an Image from its stored manifest before a read drops the manifest:
 * openshift/openshift-apiserver `pkg/image/apiserver/internal/imageutil/helpers.go`,
 * `InternalImageWithMetadata` (with `reorderImageLayers` and `fillImageLayers`), and the conversions of
 * `pkg/image/apis/image/docker10/conversion.go`. The ImageStreamImage, ImageStreamTag and ImageTag
 * reads (`imagestreamimage/rest.go` `Get`, `imagestreamtag/rest.go` `newISTag`, `imagetag/rest.go`
 * `newITag`) call it on the Image they return.
 */
import { BadRequestError } from "../errors.js";
import { DOCKER_LAYERS_ORDER_ANNOTATION, type Image } from "../model/index.js";
import { GoJsonError, type GoStruct, type GoType, type GoValue, unmarshal } from "./go-json.js";
import { isObj, type Obj, str } from "./internal.js";

const SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";
const SCHEMA1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";
const SCHEMA1_LAYER = "application/vnd.docker.container.image.rootfs.diff+x-gtar";
const SCHEMA2 = "application/vnd.docker.distribution.manifest.v2+json";
const MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
const OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
const OCI_INDEX = "application/vnd.oci.image.index.v1+json";

const STRING: GoType = { t: "string" };
const INT: GoType = { t: "int", name: "int" };
const INT64: GoType = { t: "int", name: "int64" };
const BOOL: GoType = { t: "bool" };
const TIME: GoType = { t: "time" };
const STRINGS: GoType = { t: "slice", of: STRING, name: "[]string" };
const EMPTY_STRUCT: GoStruct = { t: "struct", name: "struct {}", fields: [] };
const STRUCT_SET: GoType = { t: "map", of: EMPTY_STRUCT, name: "map[string]struct {}" };

/** openshift/api `image/docker10` `DockerConfig`, by JSON key. */
const DOCKER_CONFIG: GoStruct = {
  t: "struct",
  name: "docker10.DockerConfig",
  fields: [
    ["Hostname", STRING],
    ["Domainname", STRING],
    ["User", STRING],
    ["Memory", INT64],
    ["MemorySwap", INT64],
    ["CpuShares", INT64],
    ["Cpuset", STRING],
    ["AttachStdin", BOOL],
    ["AttachStdout", BOOL],
    ["AttachStderr", BOOL],
    ["PortSpecs", STRINGS],
    ["ExposedPorts", STRUCT_SET],
    ["Tty", BOOL],
    ["OpenStdin", BOOL],
    ["StdinOnce", BOOL],
    ["Env", STRINGS],
    ["Cmd", STRINGS],
    ["Dns", STRINGS],
    ["Image", STRING],
    ["Volumes", STRUCT_SET],
    ["VolumesFrom", STRING],
    ["WorkingDir", STRING],
    ["Entrypoint", STRINGS],
    ["NetworkDisabled", BOOL],
    ["SecurityOpts", STRINGS],
    ["OnBuild", STRINGS],
    ["Labels", { t: "map", of: STRING, name: "map[string]string" }],
  ],
};

const DESCRIPTOR: GoStruct = {
  t: "struct",
  name: "docker10.Descriptor",
  fields: [
    ["mediaType", STRING],
    ["size", INT64],
    ["digest", STRING],
  ],
};

/** openshift-apiserver `docker10.DockerImageManifest` (schema 1 and schema 2 fields together). */
const MANIFEST: GoStruct = {
  t: "struct",
  name: "docker10.DockerImageManifest",
  fields: [
    ["schemaVersion", INT],
    ["mediaType", STRING],
    ["name", STRING],
    ["tag", STRING],
    ["architecture", STRING],
    [
      "fsLayers",
      {
        t: "slice",
        of: { t: "struct", name: "docker10.DockerFSLayer", fields: [["blobSum", STRING]] },
        name: "[]docker10.DockerFSLayer",
      },
    ],
    [
      "history",
      {
        t: "slice",
        of: { t: "struct", name: "docker10.DockerHistory", fields: [["v1Compatibility", STRING]] },
        name: "[]docker10.DockerHistory",
      },
    ],
    ["layers", { t: "slice", of: DESCRIPTOR, name: "[]docker10.Descriptor" }],
    ["config", DESCRIPTOR],
  ],
};

const V1_IMAGE_FIELDS: readonly (readonly [string, GoType])[] = [
  ["id", STRING],
  ["parent", STRING],
  ["comment", STRING],
  ["created", TIME],
  ["container", STRING],
  ["container_config", DOCKER_CONFIG],
  ["docker_version", STRING],
  ["author", STRING],
  ["config", { t: "ptr", to: DOCKER_CONFIG }],
  ["architecture", STRING],
  ["size", INT64],
];

/** `DockerV1CompatibilityImage`: `history[0].v1Compatibility` of a schema 1 manifest. */
const V1_COMPATIBILITY: GoStruct = {
  t: "struct",
  name: "docker10.DockerV1CompatibilityImage",
  fields: V1_IMAGE_FIELDS,
};

/** `DockerV1CompatibilityImageSize`: what `fillImageLayers` reads of each history entry. */
const V1_SIZE: GoStruct = {
  t: "struct",
  name: "docker10.DockerV1CompatibilityImageSize",
  fields: [["size", INT64]],
};

/** `DockerImageConfig`: the config blob of a schema 2 manifest (`dockerImageConfig`). */
const IMAGE_CONFIG: GoStruct = {
  t: "struct",
  name: "docker10.DockerImageConfig",
  fields: [
    ...V1_IMAGE_FIELDS,
    [
      "rootfs",
      {
        t: "ptr",
        to: {
          t: "struct",
          name: "docker10.DockerConfigRootFS",
          fields: [
            ["type", STRING],
            ["diff_ids", STRINGS],
          ],
        },
      },
    ],
    [
      "history",
      {
        t: "slice",
        of: {
          t: "struct",
          name: "docker10.DockerConfigHistory",
          fields: [
            ["created", TIME],
            ["author", STRING],
            ["created_by", STRING],
            ["comment", STRING],
            ["empty_layer", BOOL],
          ],
        },
        name: "[]docker10.DockerConfigHistory",
      },
    ],
    ["os", STRING],
    ["os.version", STRING],
    ["os.features", STRINGS],
  ],
};

type Decoded = { readonly [key: string]: GoValue };

function obj(v: GoValue): Decoded {
  return typeof v === "object" && !Array.isArray(v) ? v : {};
}

function list(v: GoValue): readonly GoValue[] {
  return Array.isArray(v) ? v : [];
}

function s(v: GoValue): string {
  return typeof v === "string" ? v : "";
}

function n(v: GoValue): number {
  return typeof v === "number" ? v : 0;
}

/** A failure of `InternalImageWithMetadata`: upstream a plain Go error, answered as a server error. */
function metadataError(message: string): BadRequestError {
  return new BadRequestError(message);
}

function decode(text: string, type: GoStruct, prefix = ""): Decoded {
  try {
    return obj(unmarshal(text, type));
  } catch (err) {
    if (err instanceof GoJsonError) throw metadataError(`${prefix}${err.message}`);
    throw err;
  }
}

/** The wire form of an openshift/api `docker10.DockerConfig` (every field `omitempty`). */
function dockerConfigOut(config: Decoded): Obj {
  const out: Obj = {};
  for (const [key, type] of DOCKER_CONFIG.fields) {
    const v = config[key];
    if (v === undefined || v === "" || v === 0 || v === false) continue;
    if (type.t === "slice" && list(v).length === 0) continue;
    if (type.t === "map" && Object.keys(obj(v)).length === 0) continue;
    out[key] = v;
  }
  return out;
}

/**
 * `Convert_DockerV1CompatibilityImage_to_image_DockerImage` / `Convert_DockerImageConfig_to_image_DockerImage`,
 * then the v1 encoding of the internal `DockerImage` (`image.openshift.io/1.0`, `docker10.DockerImage`).
 */
function dockerImageOut(image: Decoded, id: string, size: number): Obj {
  const out: Obj = { kind: "DockerImage", apiVersion: "image.openshift.io/1.0", Id: id };
  const text = (key: string, wire: string): void => {
    if (s(image[key]) !== "") out[wire] = s(image[key]);
  };
  text("parent", "Parent");
  text("comment", "Comment");
  const created = s(image.created);
  out.Created = created === "" ? null : created;
  text("container", "Container");
  out.ContainerConfig = dockerConfigOut(obj(image.container_config));
  text("docker_version", "DockerVersion");
  text("author", "Author");
  if (image.config !== undefined) out.Config = dockerConfigOut(obj(image.config));
  text("architecture", "Architecture");
  if (size !== 0) out.Size = size;
  return out;
}

/** UTF-8 length of a string (Go's `len` of the stored config). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** `fillImageLayers` when the image has no layers yet: the layers named by the manifest, oldest first. */
function layersFromManifest(image: Image, manifest: Decoded): Obj[] {
  const version = n(manifest.schemaVersion);
  if (version === 1) {
    const history = list(manifest.history);
    const fsLayers = list(manifest.fsLayers);
    if (history.length !== fsLayers.length) {
      throw metadataError(
        `the image ${str(image.metadata?.name)} (${str(image.dockerImageReference)}) has mismatched history and fslayer cardinality (${history.length} != ${fsLayers.length})`,
      );
    }
    // schema 1 lists the youngest layer first; an Image lists the base layer first
    return fsLayers
      .map((layer, i) => {
        let size = 0;
        try {
          size = n(obj(unmarshal(s(obj(history[i]).v1Compatibility), V1_SIZE)).size);
        } catch (err) {
          if (!(err instanceof GoJsonError)) throw err;
        }
        return { name: s(obj(layer).blobSum), size, mediaType: SCHEMA1_LAYER };
      })
      .reverse();
  }
  if (version === 2) {
    return list(manifest.layers).map((l) => {
      const d = obj(l);
      return { name: s(d.digest), size: n(d.size), mediaType: s(d.mediaType) };
    });
  }
  throw unrecognized(image, version);
}

function unrecognized(image: Image, version: number): BadRequestError {
  return metadataError(
    `unrecognized container image manifest schema ${version} for ${JSON.stringify(str(image.metadata?.name))} (${str(image.dockerImageReference)})`,
  );
}

/** `reorderImageLayers`: layers in ascending order (base first) and the annotation saying so. */
function reorderedLayers(
  layers: readonly Obj[],
  annotations: Readonly<Record<string, unknown>>,
  mediaType: string,
): readonly Obj[] | undefined {
  if (layers.length === 0) return undefined;
  let order: unknown = Object.hasOwn(annotations, DOCKER_LAYERS_ORDER_ANNOTATION)
    ? annotations[DOCKER_LAYERS_ORDER_ANNOTATION]
    : undefined;
  if (order === undefined) {
    if (mediaType === SCHEMA1 || mediaType === SCHEMA1_SIGNED) order = "ascending";
    else if (mediaType === SCHEMA2 || mediaType === OCI_MANIFEST) order = "descending";
    else return undefined;
  }
  return order === "descending" ? [...layers].reverse() : layers;
}

/**
 * Fills an Image's metadata from its stored manifest as the API server does on a read
 * (`InternalImageWithMetadata`); the image itself when it has no manifest.
 *
 * Layers are put base first and annotated `image.openshift.io/dockerLayersOrder: ascending`. An image
 * whose layers, `dockerImageMetadata.Size` and manifest media type are all set is otherwise left as it
 * is. A manifest list (Docker or OCI index) only gets `Id` = the image name and `Created` = now.
 * Otherwise the layers are read from the manifest when the image has none; a schema 1 manifest fills
 * the metadata from `history[0].v1Compatibility`, a schema 2 one from the config blob
 * (`dockerImageConfig`, required) with `Id` = the config digest; `Size` is the sum of the distinct
 * layers (plus the config's length for schema 2) and `dockerImageManifestMediaType` is set.
 *
 * @param image - the Image as stored (never changed)
 * @param now - the current time, for a manifest list's `Created`
 * @returns a new Image, or `image` when there is no manifest
 * @throws BadRequestError with the upstream message when the manifest or config does not decode, the
 *   schema is not 1 or 2, a schema 2 image has no config, or a schema 1 manifest's history and layers
 *   do not match (upstream a server error)
 */
export function imageWithMetadata(image: Image, now: () => string): Image {
  const manifestText = str(image.dockerImageManifest);
  if (manifestText === "") return image;
  const meta: Obj = isObj(image.metadata) ? image.metadata : {};
  const annotations: Obj = isObj(meta.annotations) ? { ...meta.annotations } : {};
  const stored = (Array.isArray(image.dockerImageLayers) ? image.dockerImageLayers : []).filter(isObj);
  let mediaType = str(image.dockerImageManifestMediaType);
  let layers: readonly Obj[] = stored;
  let annotated = false;
  const reordered = reorderedLayers(stored, annotations, mediaType);
  if (reordered !== undefined) {
    layers = reordered;
    annotations[DOCKER_LAYERS_ORDER_ANNOTATION] = "ascending";
    annotated = true;
  }
  const storedMetadata: Obj = isObj(image.dockerImageMetadata) ? image.dockerImageMetadata : {};
  const result = (metadata: Obj | undefined): Image => {
    const out: Obj = { ...image };
    if (annotated) out.metadata = { ...meta, annotations };
    if (layers !== stored) out.dockerImageLayers = layers;
    if (mediaType !== "") out.dockerImageManifestMediaType = mediaType;
    if (metadata !== undefined) {
      out.dockerImageMetadata = metadata;
      if (str(image.dockerImageMetadataVersion) === "") out.dockerImageMetadataVersion = "1.0";
    }
    return out as Image;
  };
  if (layers.length > 0 && n(storedMetadata.Size as GoValue) > 0 && mediaType !== "")
    return result(undefined);

  const manifest = decode(manifestText, MANIFEST);
  const manifestMediaType = s(manifest.mediaType);
  if (manifestMediaType === MANIFEST_LIST || manifestMediaType === OCI_INDEX) {
    return result({
      kind: "DockerImage",
      apiVersion: "image.openshift.io/1.0",
      ...storedMetadata,
      Id: str(image.metadata?.name),
      Created: now(),
    });
  }
  if (layers.length === 0) {
    layers = layersFromManifest(image, manifest);
    annotations[DOCKER_LAYERS_ORDER_ANNOTATION] = "ascending";
    annotated = true;
  }
  const version = n(manifest.schemaVersion);
  let decoded: Decoded;
  let id: string;
  const config = str(image.dockerImageConfig);
  if (version === 1) {
    mediaType = SCHEMA1;
    const history = list(manifest.history);
    if (history.length === 0) {
      throw metadataError(
        `the image ${str(image.metadata?.name)} (${str(image.dockerImageReference)}) has a schema 1 manifest, but it doesn't have history`,
      );
    }
    decoded = decode(s(obj(history[0]).v1Compatibility), V1_COMPATIBILITY);
    id = s(decoded.id);
  } else if (version === 2) {
    if (manifestMediaType !== "") mediaType = manifestMediaType;
    else if (mediaType === "") mediaType = SCHEMA2;
    if (config === "") {
      throw metadataError(
        `dockerImageConfig must not be empty for manifest type ${JSON.stringify(mediaType)}`,
      );
    }
    decoded = decode(config, IMAGE_CONFIG, "failed to parse dockerImageConfig: ");
    id = s(obj(manifest.config).digest);
  } else {
    throw unrecognized(image, version);
  }
  const seen = new Set<string>();
  let size = 0;
  if (version === 2) {
    seen.add(id);
    size = utf8Length(config);
  }
  for (const layer of layers) {
    const name = str(layer.name);
    if (seen.has(name)) continue;
    seen.add(name);
    size += typeof layer.size === "number" ? layer.size : 0;
  }
  return result(dockerImageOut(decoded, id, size));
}
