/**
 * Constants and annotation names of the image API (upstream openshift/api `image/v1/consts.go`).
 */

/**
 * The tag used when a reference names no tag (`DefaultImageTag`).
 *
 * @example
 * ```ts
 * const tag = ref.tag || DEFAULT_IMAGE_TAG; // "latest"
 * ```
 * @public
 */
export const DEFAULT_IMAGE_TAG = "latest";

/**
 * Annotation marking an image as managed by the integrated registry (`ManagedByOpenShiftAnnotation`).
 *
 * @example
 * ```ts
 * image.metadata?.annotations?.[MANAGED_BY_OPENSHIFT_ANNOTATION] === "true";
 * ```
 * @public
 */
export const MANAGED_BY_OPENSHIFT_ANNOTATION = "openshift.io/image.managed";

/**
 * Stream annotation holding the RFC 3339 time of the last import (`DockerImageRepositoryCheckAnnotation`).
 *
 * @example
 * ```ts
 * stream.metadata?.annotations?.[DOCKER_IMAGE_REPOSITORY_CHECK_ANNOTATION]; // "2017-10-02T17:05:11Z"
 * ```
 * @public
 */
export const DOCKER_IMAGE_REPOSITORY_CHECK_ANNOTATION = "openshift.io/image.dockerRepositoryCheck";

/**
 * Stream annotation; `"true"` allows insecure access for every tag (`InsecureRepositoryAnnotation`).
 *
 * @example
 * ```ts
 * const insecure = stream.metadata?.annotations?.[INSECURE_REPOSITORY_ANNOTATION] === "true";
 * ```
 * @public
 */
export const INSECURE_REPOSITORY_ANNOTATION = "openshift.io/image.insecureRepository";

/**
 * Image annotation giving the order of `dockerImageLayers` (`ascending` / `descending`).
 *
 * @example
 * ```ts
 * image.metadata?.annotations?.[DOCKER_LAYERS_ORDER_ANNOTATION]; // "ascending"
 * ```
 * @public
 */
export const DOCKER_LAYERS_ORDER_ANNOTATION = "image.openshift.io/dockerLayersOrder";

/**
 * Value of {@link DOCKER_LAYERS_ORDER_ANNOTATION} for layers stored oldest first.
 *
 * @example
 * ```ts
 * const annotations = { [DOCKER_LAYERS_ORDER_ANNOTATION]: LAYERS_ORDER_ASCENDING };
 * ```
 * @public
 */
export const LAYERS_ORDER_ASCENDING = "ascending";

/**
 * Value of {@link DOCKER_LAYERS_ORDER_ANNOTATION} for layers stored newest first.
 *
 * @example
 * ```ts
 * const reversed = order === LAYERS_ORDER_DESCENDING;
 * ```
 * @public
 */
export const LAYERS_ORDER_DESCENDING = "descending";

/**
 * Spec tag annotation selecting the preferred architecture of a manifest list in Legacy import mode.
 *
 * @example
 * ```ts
 * const arch = specTag.annotations?.[IMPORTER_PREFER_ARCH_ANNOTATION] ?? "amd64";
 * ```
 * @public
 */
export const IMPORTER_PREFER_ARCH_ANNOTATION = "importer.image.openshift.io/prefer-arch";

/**
 * Spec tag annotation selecting the preferred OS of a manifest list in Legacy import mode.
 *
 * @example
 * ```ts
 * const os = specTag.annotations?.[IMPORTER_PREFER_OS_ANNOTATION] ?? "linux";
 * ```
 * @public
 */
export const IMPORTER_PREFER_OS_ANNOTATION = "importer.image.openshift.io/prefer-os";

/**
 * Image annotation: manifest and config blobs are held by the registry, so the API server clears
 * `dockerImageManifest` and `dockerImageConfig`.
 *
 * @example
 * ```ts
 * const stored = image.metadata?.annotations?.[MANIFEST_BLOB_STORED_ANNOTATION] === "true";
 * ```
 * @public
 */
export const MANIFEST_BLOB_STORED_ANNOTATION = "image.openshift.io/manifestBlobStored";

/**
 * The API group of every image resource.
 *
 * @example
 * ```ts
 * const apiVersion = `${IMAGE_API_GROUP}/v1`; // "image.openshift.io/v1"
 * ```
 * @public
 */
export const IMAGE_API_GROUP = "image.openshift.io";

/**
 * The `apiVersion` values accepted on input: the group form and the legacy `v1`.
 *
 * @example
 * ```ts
 * ACCEPTED_API_VERSIONS.includes("v1"); // true
 * ```
 * @public
 */
export const ACCEPTED_API_VERSIONS: readonly string[] = /* @__PURE__ */ Object.freeze([
  "image.openshift.io/v1",
  "v1",
]);

/**
 * Import mode `Legacy`: import one sub-manifest of a manifest list (`ImportModeLegacy`).
 *
 * @example
 * ```ts
 * const mode = tag.importPolicy?.importMode || IMPORT_MODE_LEGACY;
 * ```
 * @public
 */
export const IMPORT_MODE_LEGACY = "Legacy";

/**
 * Import mode `PreserveOriginal`: import the whole manifest list (`ImportModePreserveOriginal`).
 *
 * @example
 * ```ts
 * const keepList = tag.importPolicy?.importMode === IMPORT_MODE_PRESERVE_ORIGINAL;
 * ```
 * @public
 */
export const IMPORT_MODE_PRESERVE_ORIGINAL = "PreserveOriginal";

/**
 * Reference policy `Source`: pull from the original location (the default, R1.3.5).
 *
 * @example
 * ```ts
 * const type = tag.referencePolicy?.type || SOURCE_TAG_REFERENCE_POLICY;
 * ```
 * @public
 */
export const SOURCE_TAG_REFERENCE_POLICY = "Source";

/**
 * Reference policy `Local`: pull through the integrated registry (R1.3.6).
 *
 * @example
 * ```ts
 * const local = tag.referencePolicy?.type === LOCAL_TAG_REFERENCE_POLICY;
 * ```
 * @public
 */
export const LOCAL_TAG_REFERENCE_POLICY = "Local";

/**
 * The `from.kind` values a tag reference may carry (R1.3.2).
 *
 * @example
 * ```ts
 * TAG_REFERENCE_KINDS.includes("DockerImage"); // true
 * ```
 * @public
 */
export const TAG_REFERENCE_KINDS: readonly string[] = /* @__PURE__ */ Object.freeze([
  "DockerImage",
  "ImageStreamImage",
  "ImageStreamTag",
]);

/**
 * The only tag event condition type (`ImportSuccess`, R1.4.4).
 *
 * @example
 * ```ts
 * const failed = list.conditions?.some((c) => c.type === IMPORT_SUCCESS && c.status === "False");
 * ```
 * @public
 */
export const IMPORT_SUCCESS = "ImportSuccess";
