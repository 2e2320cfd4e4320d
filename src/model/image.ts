/**
 * The Image resource: one manifest known to the cluster, with its layers, sub-manifests,
 * signatures and the Docker metadata. Each type is a hand-written interface; its schema is built on
 * first use and checked against it at compile time.
 */
import { z } from "zod";
import type { ConditionStatus } from "./image-stream.js";
import type { Assert, InSync, InSyncInput } from "./in-sync.js";
import {
  type ImageApiVersion,
  int64,
  type JsonObject,
  jsonObject,
  knownString,
  type ObjectMeta,
  type ObjectMetaInput,
  ObjectMetaSchema,
  stringMap,
  time,
} from "./meta.js";

/**
 * One layer of an image (`ImageLayer`), in the order of `dockerImageLayers`.
 *
 * @example
 * ```ts
 * const layer: ImageLayer = { name: "sha256:ee1dd2cb6df21971f4af6de0f1d7782b81fb63156801cfde2bb47b4247c23c29", size: 196634330 };
 * ```
 * @public
 */
export interface ImageLayer {
  /** The digest of the layer blob. */
  readonly name: string;
  /** Size of the blob in bytes. */
  readonly size: number;
  /** Media type of the blob, e.g. `application/vnd.oci.image.layer.v1.tar+gzip`; absent when unknown. */
  readonly mediaType?: string;
}

/**
 * A sub-manifest of a manifest list (`ImageManifest`): one platform's image.
 *
 * @example
 * ```ts
 * const m: ImageManifest = { digest: "sha256:…", mediaType: "application/vnd.oci.image.manifest.v1+json", manifestSize: 1024, architecture: "arm64", os: "linux", variant: "v8" };
 * ```
 * @public
 */
export interface ImageManifest {
  /** Digest of the sub-manifest. */
  readonly digest: string;
  /** Media type of the sub-manifest. */
  readonly mediaType: string;
  /** Size of the sub-manifest in bytes. */
  readonly manifestSize: number;
  /** CPU architecture of the platform, as Go names it (`amd64`, `arm64`). */
  readonly architecture: string;
  /** Operating system of the platform (`linux`). */
  readonly os: string;
  /** CPU variant of the platform (`v8`); absent when the architecture has none. */
  readonly variant?: string;
}

/**
 * The type of an image signature condition (upstream `SignatureConditionType`).
 *
 * @example
 * ```ts
 * const type: ImageSignatureConditionType = "Trusted";
 * ```
 * @public
 */
export type ImageSignatureConditionType = "Trusted" | "ForImage";

/**
 * A condition of an image signature (`SignatureCondition`), written by whatever verifies signatures.
 *
 * @example
 * ```ts
 * const c: ImageSignatureCondition = { type: "Trusted", status: "True" };
 * ```
 * @public
 */
export interface ImageSignatureCondition {
  /** `Trusted` (the signature is valid and trusted) or `ForImage` (it signs this image); parsing accepts any string. */
  readonly type?: ImageSignatureConditionType;
  /** Whether the condition holds; parsing accepts any string. */
  readonly status?: ConditionStatus;
  /** When the condition was last checked (RFC 3339). */
  readonly lastProbeTime?: string | null;
  /** When the status last changed (RFC 3339). */
  readonly lastTransitionTime?: string | null;
  /** Machine-readable reason of the last change. */
  readonly reason?: string;
  /** Human-readable description of the last change. */
  readonly message?: string;
}

/**
 * {@link ImageSignatureCondition} as accepted on input: times may also be `Date`s.
 *
 * @example
 * ```ts
 * const c: ImageSignatureConditionInput = { type: "Trusted", status: "True", lastProbeTime: new Date() };
 * ```
 * @public
 */
export interface ImageSignatureConditionInput
  extends Omit<ImageSignatureCondition, "lastProbeTime" | "lastTransitionTime"> {
  /** As {@link ImageSignatureCondition.lastProbeTime}; a `Date` is written as RFC 3339 with seconds. */
  readonly lastProbeTime?: string | Date | null;
  /** As {@link ImageSignatureCondition.lastTransitionTime}; a `Date` is written as RFC 3339 with seconds. */
  readonly lastTransitionTime?: string | Date | null;
}

/**
 * Who issued the key of a signature (`SignatureIssuer`).
 *
 * @example
 * ```ts
 * const issuer: SignatureIssuer = { organization: "Red Hat", commonName: "Red Hat release key" };
 * ```
 * @public
 */
export interface SignatureIssuer {
  /** Organization of the issuer. */
  readonly organization?: string;
  /** Common name of the issuer. */
  readonly commonName?: string;
}

/**
 * Who holds the key of a signature (`SignatureSubject`).
 *
 * @example
 * ```ts
 * const subject: SignatureSubject = { commonName: "builder", publicKeyID: "199e2f91fd431d51" };
 * ```
 * @public
 */
export interface SignatureSubject {
  /** Organization of the key holder. */
  readonly organization?: string;
  /** Common name of the key holder. */
  readonly commonName?: string;
  /** Id of the public key that verifies the signature. */
  readonly publicKeyID?: string;
}

/**
 * A signature of an image (`ImageSignature`); `content` is the base64 signature blob.
 *
 * @example
 * ```ts
 * const sig: ImageSignature = { type: "atomic", content: "AQID" };
 * ```
 * @public
 */
export interface ImageSignature {
  /** Name (`<image digest>@<signature id>`) and bookkeeping of the signature. */
  readonly metadata?: ObjectMeta;
  /** The signature format, e.g. `atomic`. */
  readonly type: string;
  /** The signature blob, base64-encoded. */
  readonly content: string;
  /** Results of verification; absent means not verified. */
  readonly conditions?: readonly ImageSignatureCondition[];
  /** The image identity the signature claims, a pull spec; set on verification. */
  readonly imageIdentity?: string;
  /** Other claims read from the signature; set on verification. */
  readonly signedClaims?: { readonly [key: string]: string };
  /** When the signature was made (RFC 3339); set on verification. */
  readonly created?: string | null;
  /** Who issued the signing key; set on verification. */
  readonly issuedBy?: SignatureIssuer;
  /** Who holds the signing key; set on verification. */
  readonly issuedTo?: SignatureSubject;
}

/**
 * {@link ImageSignature} as accepted on input: times may also be `Date`s.
 *
 * @example
 * ```ts
 * const sig: ImageSignatureInput = { type: "atomic", content: "AQID", created: new Date() };
 * ```
 * @public
 */
export interface ImageSignatureInput extends Omit<ImageSignature, "metadata" | "conditions" | "created"> {
  /** As {@link ImageSignature.metadata}, with `Date` timestamps accepted. */
  readonly metadata?: ObjectMetaInput;
  /** As {@link ImageSignature.conditions}, with `Date` times accepted. */
  readonly conditions?: readonly ImageSignatureConditionInput[];
  /** As {@link ImageSignature.created}; a `Date` is written as RFC 3339 with seconds. */
  readonly created?: string | Date | null;
}

/**
 * The Docker container configuration of an image (`Config` / `ContainerConfig`, API
 * `image/docker10/types_docker.go`). JSON keys are Docker's; lists and maps may be `null` as Docker
 * prints them, which means none.
 *
 * @example
 * ```ts
 * const config: DockerConfig = { Entrypoint: ["container-entrypoint"], WorkingDir: "/opt/app-root/src" };
 * ```
 * @public
 */
export interface DockerConfig {
  /** Host name of the container. */
  readonly Hostname?: string;
  /** Domain name of the container. */
  readonly Domainname?: string;
  /** User (name or uid, with an optional group) the process runs as. */
  readonly User?: string;
  /** Memory limit in bytes (legacy). */
  readonly Memory?: number;
  /** Memory plus swap limit in bytes (legacy). */
  readonly MemorySwap?: number;
  /** Relative CPU weight (legacy). */
  readonly CPUShares?: number;
  /** CPUs the container may use (legacy). */
  readonly CPUSet?: string;
  /** Whether stdin is attached. */
  readonly AttachStdin?: boolean;
  /** Whether stdout is attached. */
  readonly AttachStdout?: boolean;
  /** Whether stderr is attached. */
  readonly AttachStderr?: boolean;
  /** Legacy port specifications. */
  readonly PortSpecs?: readonly string[] | null;
  /** Exposed ports as `port/protocol` keys with empty values. */
  readonly ExposedPorts?: { readonly [port: string]: JsonObject } | null;
  /** Whether a TTY is allocated. */
  readonly Tty?: boolean;
  /** Whether stdin stays open. */
  readonly OpenStdin?: boolean;
  /** Whether stdin closes after the first client detaches. */
  readonly StdinOnce?: boolean;
  /** Environment as `NAME=value` entries. */
  readonly Env?: readonly string[] | null;
  /** Default command. */
  readonly Cmd?: readonly string[] | null;
  /** DNS servers (legacy). */
  readonly DNS?: readonly string[] | null;
  /** The image the container was created from. */
  readonly Image?: string;
  /** Volumes as path keys with empty values. */
  readonly Volumes?: { readonly [path: string]: JsonObject } | null;
  /** Containers whose volumes are mounted (legacy). */
  readonly VolumesFrom?: string;
  /** Working directory of the process. */
  readonly WorkingDir?: string;
  /** Entry point of the process. */
  readonly Entrypoint?: readonly string[] | null;
  /** Whether networking is disabled. */
  readonly NetworkDisabled?: boolean;
  /** Security options (legacy). */
  readonly SecurityOpts?: readonly string[] | null;
  /** Instructions run when the image is used as a base. */
  readonly OnBuild?: readonly string[] | null;
  /** Image labels. */
  readonly Labels?: { readonly [key: string]: string } | null;
}

/**
 * The Docker metadata of an image (`DockerImage`, embedded in `Image.dockerImageMetadata`), read from
 * the image's config by the importer or the registry.
 *
 * @example
 * ```ts
 * const meta: DockerImageMetadata = { Architecture: "amd64", Size: 441976279, Config: { User: "1001" } };
 * ```
 * @public
 */
export interface DockerImageMetadata {
  /** `DockerImage` when present (the raw extension's type). */
  readonly kind?: string;
  /** `1.0` when present (the raw extension's version). */
  readonly apiVersion?: string;
  /** The image id (its config digest for schema 2 images). */
  readonly Id?: string;
  /** Id of the parent image (legacy). */
  readonly Parent?: string;
  /** Comment of the image. */
  readonly Comment?: string;
  /** When the image was built (RFC 3339); `null` for Go's zero time. */
  readonly Created?: string | null;
  /** Id of the container the image was committed from. */
  readonly Container?: string;
  /** Configuration of the container the image was committed from. */
  readonly ContainerConfig?: DockerConfig;
  /** Version of Docker that built the image. */
  readonly DockerVersion?: string;
  /** Author of the image. */
  readonly Author?: string;
  /** Configuration of containers run from the image; `null` or absent means none. */
  readonly Config?: DockerConfig | null;
  /** CPU architecture of the image. */
  readonly Architecture?: string;
  /** Total size of the image's layers in bytes. */
  readonly Size?: number;
}

/**
 * {@link DockerImageMetadata} as accepted on input: `Created` may also be a `Date`.
 *
 * @example
 * ```ts
 * const meta: DockerImageMetadataInput = { Created: new Date(), Size: 441976279 };
 * ```
 * @public
 */
export interface DockerImageMetadataInput extends Omit<DockerImageMetadata, "Created"> {
  /** As {@link DockerImageMetadata.Created}; a `Date` is written as RFC 3339 with seconds. */
  readonly Created?: string | Date | null;
}

/**
 * An Image (`image.openshift.io/v1` `Image`): cluster-scoped, named by its manifest digest.
 *
 * @example
 * ```ts
 * const image: Image = { metadata: { name: "sha256:4746…" }, dockerImageReference: "registry/ns/name@sha256:4746…" };
 * ```
 * @public
 */
export interface Image {
  /** `image.openshift.io/v1`, or the legacy `v1`; the parse functions reject others. */
  readonly apiVersion?: ImageApiVersion;
  /** `Image` when present; the parse functions reject others. */
  readonly kind?: "Image";
  /** `name` is the manifest digest; annotations record how the registry manages the image. */
  readonly metadata?: ObjectMeta;
  /** Where the image can be pulled from, a pull spec by digest. */
  readonly dockerImageReference?: string;
  /** The Docker metadata read from the image config. */
  readonly dockerImageMetadata?: DockerImageMetadata;
  /** Version of `dockerImageMetadata` (`1.0`). */
  readonly dockerImageMetadataVersion?: string;
  /** The raw manifest; cleared by the API server once the registry stores it. */
  readonly dockerImageManifest?: string;
  /** The layers, in the order the `image.openshift.io/dockerLayersOrder` annotation names; `null` or absent means none. */
  readonly dockerImageLayers?: readonly ImageLayer[] | null;
  /** Signatures of the image; absent means none. */
  readonly signatures?: readonly ImageSignature[];
  /** Legacy signature blobs. */
  readonly dockerImageSignatures?: readonly string[];
  /** Media type of the manifest. */
  readonly dockerImageManifestMediaType?: string;
  /** The raw image config; cleared by the API server once the registry stores it. */
  readonly dockerImageConfig?: string;
  /** For a manifest list, its sub-manifests; absent for a single-platform image. */
  readonly dockerImageManifests?: readonly ImageManifest[];
}

/**
 * {@link Image} as accepted on input: timestamps may be `Date`s.
 *
 * @example
 * ```ts
 * const image: ImageInput = { metadata: { name: "sha256:4746…", creationTimestamp: new Date() } };
 * ```
 * @public
 */
export interface ImageInput extends Omit<Image, "metadata" | "dockerImageMetadata" | "signatures"> {
  /** As {@link Image.metadata}, with `Date` timestamps accepted. */
  readonly metadata?: ObjectMetaInput;
  /** As {@link Image.dockerImageMetadata}, with a `Date` accepted for `Created`. */
  readonly dockerImageMetadata?: DockerImageMetadataInput;
  /** As {@link Image.signatures}, with `Date` times accepted. */
  readonly signatures?: readonly ImageSignatureInput[];
}

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

function imageLayerShape() {
  return z.looseObject({
    name: z.string(),
    size: int64(),
    mediaType: z.string().exactOptional(),
  });
}

function imageManifestShape() {
  return z.looseObject({
    digest: z.string(),
    mediaType: z.string(),
    manifestSize: int64(),
    architecture: z.string(),
    os: z.string(),
    variant: z.string().exactOptional(),
  });
}

function imageSignatureConditionShape() {
  return z.looseObject({
    type: knownString<ImageSignatureConditionType>().exactOptional(),
    status: knownString<ConditionStatus>().exactOptional(),
    lastProbeTime: time().exactOptional(),
    lastTransitionTime: time().exactOptional(),
    reason: z.string().exactOptional(),
    message: z.string().exactOptional(),
  });
}

function signatureIssuerShape() {
  return z.looseObject({
    organization: z.string().exactOptional(),
    commonName: z.string().exactOptional(),
  });
}

function signatureSubjectShape() {
  return z.looseObject({
    organization: z.string().exactOptional(),
    commonName: z.string().exactOptional(),
    publicKeyID: z.string().exactOptional(),
  });
}

const imageSignatureConditionSchema: z.ZodType<ImageSignatureCondition, ImageSignatureConditionInput> =
  /* @__PURE__ */ z.lazy(imageSignatureConditionShape);
const signatureIssuerSchema: z.ZodType<SignatureIssuer, SignatureIssuer> = /* @__PURE__ */ z.lazy(
  signatureIssuerShape,
);
const signatureSubjectSchema: z.ZodType<SignatureSubject, SignatureSubject> = /* @__PURE__ */ z.lazy(
  signatureSubjectShape,
);

function imageSignatureShape() {
  return z.looseObject({
    metadata: ObjectMetaSchema.exactOptional(),
    type: z.string(),
    content: z.string(),
    conditions: z.array(imageSignatureConditionSchema).exactOptional(),
    imageIdentity: z.string().exactOptional(),
    signedClaims: stringMap().exactOptional(),
    created: time().exactOptional(),
    issuedBy: signatureIssuerSchema.exactOptional(),
    issuedTo: signatureSubjectSchema.exactOptional(),
  });
}

/** A list Docker may print as `null`. */
function stringList() {
  return z.array(z.string()).nullable().exactOptional();
}

/** A Go `map[string]struct{}`, which Docker may print as `null`. */
function emptyStructMap() {
  return z.record(z.string(), jsonObject()).nullable().exactOptional();
}

function dockerConfigShape() {
  return z.looseObject({
    Hostname: z.string().exactOptional(),
    Domainname: z.string().exactOptional(),
    User: z.string().exactOptional(),
    Memory: int64().exactOptional(),
    MemorySwap: int64().exactOptional(),
    CPUShares: int64().exactOptional(),
    CPUSet: z.string().exactOptional(),
    AttachStdin: z.boolean().exactOptional(),
    AttachStdout: z.boolean().exactOptional(),
    AttachStderr: z.boolean().exactOptional(),
    PortSpecs: stringList(),
    ExposedPorts: emptyStructMap(),
    Tty: z.boolean().exactOptional(),
    OpenStdin: z.boolean().exactOptional(),
    StdinOnce: z.boolean().exactOptional(),
    Env: stringList(),
    Cmd: stringList(),
    DNS: stringList(),
    Image: z.string().exactOptional(),
    Volumes: emptyStructMap(),
    VolumesFrom: z.string().exactOptional(),
    WorkingDir: z.string().exactOptional(),
    Entrypoint: stringList(),
    NetworkDisabled: z.boolean().exactOptional(),
    SecurityOpts: stringList(),
    OnBuild: stringList(),
    Labels: stringMap().nullable().exactOptional(),
  });
}

function dockerImageMetadataShape() {
  return z.looseObject({
    kind: z.string().exactOptional(),
    apiVersion: z.string().exactOptional(),
    Id: z.string().exactOptional(),
    Parent: z.string().exactOptional(),
    Comment: z.string().exactOptional(),
    Created: time().exactOptional(),
    Container: z.string().exactOptional(),
    ContainerConfig: DockerConfigSchema.exactOptional(),
    DockerVersion: z.string().exactOptional(),
    Author: z.string().exactOptional(),
    Config: DockerConfigSchema.nullable().exactOptional(),
    Architecture: z.string().exactOptional(),
    Size: int64().exactOptional(),
  });
}

function imageShape() {
  return z.looseObject({
    apiVersion: knownString<ImageApiVersion>().exactOptional(),
    kind: knownString<"Image">().exactOptional(),
    metadata: ObjectMetaSchema.exactOptional(),
    dockerImageReference: z.string().exactOptional(),
    dockerImageMetadata: DockerImageMetadataSchema.exactOptional(),
    dockerImageMetadataVersion: z.string().exactOptional(),
    dockerImageManifest: z.string().exactOptional(),
    dockerImageLayers: z.array(ImageLayerSchema).nullable().exactOptional(),
    signatures: z.array(ImageSignatureSchema).exactOptional(),
    dockerImageSignatures: z.array(z.string()).exactOptional(),
    dockerImageManifestMediaType: z.string().exactOptional(),
    dockerImageConfig: z.string().exactOptional(),
    dockerImageManifests: z.array(ImageManifestSchema).exactOptional(),
  });
}

// Compile-time checks: each builder's output (and input) is exactly its interface.
export type ImageInSync = [
  Assert<InSync<ReturnType<typeof imageLayerShape>, ImageLayer>>,
  Assert<InSync<ReturnType<typeof imageManifestShape>, ImageManifest>>,
  Assert<InSync<ReturnType<typeof imageSignatureConditionShape>, ImageSignatureCondition>>,
  Assert<InSyncInput<ReturnType<typeof imageSignatureConditionShape>, ImageSignatureConditionInput>>,
  Assert<InSync<ReturnType<typeof signatureIssuerShape>, SignatureIssuer>>,
  Assert<InSync<ReturnType<typeof signatureSubjectShape>, SignatureSubject>>,
  Assert<InSync<ReturnType<typeof imageSignatureShape>, ImageSignature>>,
  Assert<InSyncInput<ReturnType<typeof imageSignatureShape>, ImageSignatureInput>>,
  Assert<InSync<ReturnType<typeof dockerConfigShape>, DockerConfig>>,
  Assert<InSync<ReturnType<typeof dockerImageMetadataShape>, DockerImageMetadata>>,
  Assert<InSyncInput<ReturnType<typeof dockerImageMetadataShape>, DockerImageMetadataInput>>,
  Assert<InSync<ReturnType<typeof imageShape>, Image>>,
  Assert<InSyncInput<ReturnType<typeof imageShape>, ImageInput>>,
];

/**
 * Schema of an {@link ImageLayer} (unknown fields kept).
 *
 * @example
 * ```ts
 * ImageLayerSchema.parse({ name: "sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef", size: 0 });
 * ```
 * @public
 */
export const ImageLayerSchema: z.ZodType<ImageLayer, ImageLayer> = /* @__PURE__ */ z.lazy(imageLayerShape);

/**
 * Schema of an {@link ImageManifest}, a sub-manifest of a manifest list (unknown fields kept).
 *
 * @example
 * ```ts
 * ImageManifestSchema.parse({ digest: "sha256:…", mediaType: "application/vnd.oci.image.manifest.v1+json", manifestSize: 1024, architecture: "amd64", os: "linux" });
 * ```
 * @public
 */
export const ImageManifestSchema: z.ZodType<ImageManifest, ImageManifest> = /* @__PURE__ */ z.lazy(
  imageManifestShape,
);

/**
 * Schema of an {@link ImageSignature} (unknown fields kept; `Date` times accepted).
 *
 * @example
 * ```ts
 * ImageSignatureSchema.parse({ type: "atomic", content: "AQID" });
 * ```
 * @public
 */
export const ImageSignatureSchema: z.ZodType<ImageSignature, ImageSignatureInput> = /* @__PURE__ */ z.lazy(
  imageSignatureShape,
);

/**
 * Schema of a {@link DockerConfig} (Docker's JSON keys; lists and maps may be `null`).
 *
 * @example
 * ```ts
 * DockerConfigSchema.parse({ Cmd: ["/usr/libexec/s2i/run"], ExposedPorts: { "8080/tcp": {} }, User: "1001" });
 * ```
 * @public
 */
export const DockerConfigSchema: z.ZodType<DockerConfig, DockerConfig> = /* @__PURE__ */ z.lazy(
  dockerConfigShape,
);

/**
 * Schema of {@link DockerImageMetadata}, the `DockerImage` embedded in an Image (unknown fields kept).
 *
 * @example
 * ```ts
 * DockerImageMetadataSchema.parse({ kind: "DockerImage", apiVersion: "1.0", Id: "9d7f…", Size: 441976279 });
 * ```
 * @public
 */
export const DockerImageMetadataSchema: z.ZodType<DockerImageMetadata, DockerImageMetadataInput> =
  /* @__PURE__ */ z.lazy(dockerImageMetadataShape);

/**
 * Schema of the {@link Image} resource; unknown fields are kept at every level. Use `parseImage`
 * for Kubernetes-style field errors.
 *
 * @example
 * ```ts
 * ImageSchema.parse({ metadata: { name: "sha256:4746…" }, dockerImageReference: "172.30.56.218:5000/test/origin-ruby-sample@sha256:4746…" });
 * ```
 * @public
 */
export const ImageSchema: z.ZodType<Image, ImageInput> = /* @__PURE__ */ z.lazy(imageShape);
