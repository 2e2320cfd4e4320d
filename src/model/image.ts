/**
 * The Image resource (SEMANTICS §1.9): layers, sub-manifests, signatures and the Docker metadata.
 */
import { z } from "zod";
import { int64, ObjectMetaSchema, stringMap, timeOrNull } from "./meta.js";

/**
 * Schema of `ImageLayer` (R1.9.2): `name` (blob digest), `size`, `mediaType`.
 *
 * @example
 * ```ts
 * ImageLayerSchema.parse({ name: "sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef", size: 0 });
 * ```
 * @public
 */
export const ImageLayerSchema = z.looseObject({
  name: z.string(),
  size: int64,
  mediaType: z.string().optional(),
});

/**
 * One layer of an image (R1.9.2).
 *
 * @example
 * ```ts
 * const layer: ImageLayer = { name: "sha256:ee1dd2cb6df21971f4af6de0f1d7782b81fb63156801cfde2bb47b4247c23c29", size: 196634330 };
 * ```
 * @public
 */
export type ImageLayer = z.infer<typeof ImageLayerSchema>;

/**
 * Schema of `ImageManifest`, a sub-manifest of a manifest list (R1.9.3).
 *
 * @example
 * ```ts
 * ImageManifestSchema.parse({ digest: "sha256:…", mediaType: "application/vnd.oci.image.manifest.v1+json", manifestSize: 1024, architecture: "amd64", os: "linux" });
 * ```
 * @public
 */
export const ImageManifestSchema = z.looseObject({
  digest: z.string(),
  mediaType: z.string(),
  manifestSize: int64,
  architecture: z.string(),
  os: z.string(),
  variant: z.string().optional(),
});

/**
 * A sub-manifest of a manifest list (R1.9.3).
 *
 * @example
 * ```ts
 * const m: ImageManifest = { digest: "sha256:…", mediaType: "application/vnd.oci.image.manifest.v1+json", manifestSize: 1024, architecture: "arm64", os: "linux", variant: "v8" };
 * ```
 * @public
 */
export type ImageManifest = z.infer<typeof ImageManifestSchema>;

/**
 * Schema of `ImageSignature` (an image signature stored on the Image).
 *
 * @example
 * ```ts
 * ImageSignatureSchema.parse({ type: "atomic", content: "AQID" });
 * ```
 * @public
 */
export const ImageSignatureSchema = z.looseObject({
  metadata: ObjectMetaSchema.optional(),
  type: z.string(),
  content: z.string(),
  conditions: z
    .array(
      z.looseObject({
        type: z.string().optional(),
        status: z.string().optional(),
        lastProbeTime: timeOrNull.optional(),
        lastTransitionTime: timeOrNull.optional(),
        reason: z.string().optional(),
        message: z.string().optional(),
      }),
    )
    .optional(),
  imageIdentity: z.string().optional(),
  signedClaims: stringMap.optional(),
  created: timeOrNull.optional(),
  issuedBy: z
    .looseObject({ organization: z.string().optional(), commonName: z.string().optional() })
    .optional(),
  issuedTo: z
    .looseObject({
      organization: z.string().optional(),
      commonName: z.string().optional(),
      publicKeyID: z.string().optional(),
    })
    .optional(),
});

/**
 * A signature of an image (`content` is base64).
 *
 * @example
 * ```ts
 * const sig: ImageSignature = { type: "atomic", content: "AQID" };
 * ```
 * @public
 */
export type ImageSignature = z.infer<typeof ImageSignatureSchema>;

const stringList = z.array(z.string()).nullable().optional();
const emptyStructMap = z.record(z.string(), z.looseObject({})).nullable().optional();

/**
 * Schema of the Docker `Config` / `ContainerConfig` of an image (R1.9.4, API
 * `image/docker10/types_docker.go`). JSON keys are the Docker ones (`Cmd`, `Env`, `ExposedPorts`…);
 * lists and maps may be `null` as Docker prints them.
 *
 * @example
 * ```ts
 * DockerConfigSchema.parse({ Cmd: ["/usr/libexec/s2i/run"], ExposedPorts: { "8080/tcp": {} }, User: "1001" });
 * ```
 * @public
 */
export const DockerConfigSchema = z.looseObject({
  Hostname: z.string().optional(),
  Domainname: z.string().optional(),
  User: z.string().optional(),
  Memory: int64.optional(),
  MemorySwap: int64.optional(),
  CPUShares: int64.optional(),
  CPUSet: z.string().optional(),
  AttachStdin: z.boolean().optional(),
  AttachStdout: z.boolean().optional(),
  AttachStderr: z.boolean().optional(),
  PortSpecs: stringList,
  ExposedPorts: emptyStructMap,
  Tty: z.boolean().optional(),
  OpenStdin: z.boolean().optional(),
  StdinOnce: z.boolean().optional(),
  Env: stringList,
  Cmd: stringList,
  DNS: stringList,
  Image: z.string().optional(),
  Volumes: emptyStructMap,
  VolumesFrom: z.string().optional(),
  WorkingDir: z.string().optional(),
  Entrypoint: stringList,
  NetworkDisabled: z.boolean().optional(),
  SecurityOpts: stringList,
  OnBuild: stringList,
  Labels: stringMap.nullable().optional(),
});

/**
 * The Docker container configuration of an image (R1.9.4).
 *
 * @example
 * ```ts
 * const config: DockerConfig = { Entrypoint: ["container-entrypoint"], WorkingDir: "/opt/app-root/src" };
 * ```
 * @public
 */
export type DockerConfig = z.infer<typeof DockerConfigSchema>;

/**
 * Schema of `dockerImageMetadata`, the `DockerImage` embedded in an Image (R1.9.4): keys `Id`,
 * `Parent`, `Comment`, `Created`, `Container`, `ContainerConfig`, `DockerVersion`, `Author`,
 * `Config`, `Architecture`, `Size`, plus the raw extension's `apiVersion`/`kind`.
 *
 * @example
 * ```ts
 * DockerImageMetadataSchema.parse({ kind: "DockerImage", apiVersion: "1.0", Id: "9d7f…", Size: 441976279 });
 * ```
 * @public
 */
export const DockerImageMetadataSchema = z.looseObject({
  kind: z.string().optional(),
  apiVersion: z.string().optional(),
  Id: z.string().optional(),
  Parent: z.string().optional(),
  Comment: z.string().optional(),
  Created: timeOrNull.optional(),
  Container: z.string().optional(),
  ContainerConfig: DockerConfigSchema.optional(),
  DockerVersion: z.string().optional(),
  Author: z.string().optional(),
  Config: DockerConfigSchema.nullable().optional(),
  Architecture: z.string().optional(),
  Size: int64.optional(),
});

/**
 * The Docker metadata of an image (`DockerImage`, R1.9.4).
 *
 * @example
 * ```ts
 * const meta: DockerImageMetadata = { Architecture: "amd64", Size: 441976279, Config: { User: "1001" } };
 * ```
 * @public
 */
export type DockerImageMetadata = z.infer<typeof DockerImageMetadataSchema>;

/**
 * Schema of the Image resource (R1.9.1), cluster-scoped, `metadata.name` = digest.
 *
 * @example
 * ```ts
 * ImageSchema.parse({ metadata: { name: "sha256:4746…" }, dockerImageReference: "172.30.56.218:5000/test/origin-ruby-sample@sha256:4746…" });
 * ```
 * @public
 */
export const ImageSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: ObjectMetaSchema.optional(),
  dockerImageReference: z.string().optional(),
  dockerImageMetadata: DockerImageMetadataSchema.optional(),
  dockerImageMetadataVersion: z.string().optional(),
  dockerImageManifest: z.string().optional(),
  dockerImageLayers: z.array(ImageLayerSchema).nullable().optional(),
  signatures: z.array(ImageSignatureSchema).optional(),
  dockerImageSignatures: z.array(z.string()).optional(),
  dockerImageManifestMediaType: z.string().optional(),
  dockerImageConfig: z.string().optional(),
  dockerImageManifests: z.array(ImageManifestSchema).optional(),
});

/**
 * An Image (R1.9.1).
 *
 * @example
 * ```ts
 * const image: Image = { metadata: { name: "sha256:4746…" }, dockerImageReference: "registry/ns/name@sha256:4746…" };
 * ```
 * @public
 */
export type Image = z.infer<typeof ImageSchema>;
