/**
 * Kubernetes building blocks shared by every image resource: ObjectMeta, ObjectReference,
 * LocalObjectReference and the `Status` object embedded in import results.
 *
 * Every schema in the model is built on first use (`z.lazy` over a builder function), so that
 * importing a module constructs nothing and a bundle that never parses leaves zod out.
 */
import { z } from "zod";
import type { Assert, InSync, InSyncInput } from "./in-sync.js";

// ---------------------------------------------------------------------------------------------
// Field schemas used by every builder. Each call makes a new schema: they run only inside the
// builders, which run once.
// ---------------------------------------------------------------------------------------------

/** An int64 on the wire: a safe integer in JavaScript (a larger one is reported, not rounded). */
export function int64(): z.ZodNumber {
  return z.number().int();
}

/** `map[string]string`: labels, annotations. */
export function stringMap(): z.ZodRecord<z.ZodString, z.ZodString> {
  return z.record(z.string(), z.string());
}

/** A JSON object whose fields the model does not describe. */
export function jsonObject(): z.ZodType<JsonObject, JsonObject> {
  return z.looseObject({});
}

/**
 * A string field whose documented values are `T`. The shape check accepts any string, as it always
 * has: the value is checked by validation (a NotSupported or Invalid field error with the upstream
 * message) or by the parse functions, not by the schema. Typed as `T` so that a typo fails to compile.
 */
export function knownString<T extends string>(): z.ZodType<T, T> {
  return z.string() as unknown as z.ZodType<T, T>;
}

/**
 * Formats a `Date` as Kubernetes serializes a `metav1.Time`: RFC 3339 in UTC, truncated to whole
 * seconds (`2016-01-29T13:40:11Z`). Anything else, an invalid `Date` included, is returned as it is,
 * so that the string schema after it reports the field.
 */
export function wireTime(v: string | Date): string | Date {
  if (!(v instanceof Date) || Number.isNaN(v.getTime())) return v;
  return v.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * A `metav1.Time`: an RFC 3339 string, or `null` for Go's zero time. A `Date` (as
 * `@kubernetes/client-node` hands timestamps) is accepted and written as RFC 3339 with seconds.
 */
export function time(): z.ZodType<string | null, string | Date | null> {
  return z.preprocess(wireTime, z.string()).nullable();
}

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/**
 * The `apiVersion` of an image resource: the group form, or the legacy `v1` that older clients and
 * files still use. The parse functions reject any other value.
 *
 * @example
 * ```ts
 * const apiVersion: ImageApiVersion = "image.openshift.io/v1";
 * ```
 * @public
 */
export type ImageApiVersion = "image.openshift.io/v1" | "v1";

/**
 * A JSON object whose fields the model does not describe: the value of a Go `struct{}` map entry
 * (`ExposedPorts`, `Volumes`) or the field set of a managed-fields entry.
 *
 * @example
 * ```ts
 * const ports: Readonly<Record<string, JsonObject>> = { "8080/tcp": {} };
 * ```
 * @public
 */
export type JsonObject = { readonly [field: string]: unknown };

/**
 * An owner of an object (Kubernetes `OwnerReference`): the garbage collector deletes the object with
 * its controller owner. The API server requires `apiVersion`, `kind`, `name` and `uid`; the shape
 * check does not.
 *
 * @example
 * ```ts
 * const owner: OwnerReference = { apiVersion: "v1", kind: "ConfigMap", name: "owner", uid: "8a4d…" };
 * ```
 * @public
 */
export interface OwnerReference {
  /** API version of the owner, e.g. `apps/v1`. */
  readonly apiVersion?: string;
  /** Kind of the owner, e.g. `Deployment`. */
  readonly kind?: string;
  /** Name of the owner, in the object's namespace. */
  readonly name?: string;
  /** UID of the owner: another object with the same name does not own this one. */
  readonly uid?: string;
  /** Whether the owner is the managing controller; absent means false. */
  readonly controller?: boolean;
  /** Whether foreground deletion of the owner waits for this object; absent means false. */
  readonly blockOwnerDeletion?: boolean;
}

/**
 * One entry of `metadata.managedFields` (Kubernetes `ManagedFieldsEntry`): which manager owns which
 * fields after a server-side apply or update. Written by the API server.
 *
 * @example
 * ```ts
 * const entry: ManagedFieldsEntry = { manager: "oc", operation: "Update", apiVersion: "image.openshift.io/v1", time: "2016-01-29T13:40:11Z" };
 * ```
 * @public
 */
export interface ManagedFieldsEntry {
  /** Name of the workflow that manages the fields, e.g. `kubectl-client-side-apply`. */
  readonly manager?: string;
  /** `Apply` or `Update`: the operation that made the manager own the fields. */
  readonly operation?: string;
  /** API version of the fields' schema. */
  readonly apiVersion?: string;
  /** When the fields were last written; `null` or absent when unknown. */
  readonly time?: string | null;
  /** Format of `fieldsV1`; `FieldsV1` is the only one defined. */
  readonly fieldsType?: string;
  /** The set of owned fields, in the structured-merge-diff format. */
  readonly fieldsV1?: JsonObject;
  /** The subresource written (`status`), or absent for the main resource. */
  readonly subresource?: string;
}

/**
 * {@link ManagedFieldsEntry} as accepted on input: `time` may also be a `Date`.
 *
 * @example
 * ```ts
 * const entry: ManagedFieldsEntryInput = { manager: "oc", time: new Date() };
 * ```
 * @public
 */
export interface ManagedFieldsEntryInput extends Omit<ManagedFieldsEntry, "time"> {
  /** As {@link ManagedFieldsEntry.time}; a `Date` is written as RFC 3339 with seconds. */
  readonly time?: string | Date | null;
}

/**
 * Kubernetes `ObjectMeta` as found on image resources: name, namespace, labels, annotations and
 * what the API server records about the object.
 *
 * @example
 * ```ts
 * const meta: ObjectMeta = { name: "ruby", namespace: "test", annotations: { a: "b" } };
 * ```
 * @public
 */
export interface ObjectMeta {
  /** Name of the object, unique in its namespace (for an Image: the manifest digest). */
  readonly name?: string;
  /** Prefix from which the API server makes a unique name when `name` is absent on create. */
  readonly generateName?: string;
  /** Namespace of the object; absent for cluster-scoped objects such as Image. */
  readonly namespace?: string;
  /** Deprecated link to the object, set by older API servers. */
  readonly selfLink?: string;
  /** Unique id the API server gives the object on create. */
  readonly uid?: string;
  /** Opaque version the API server changes on every write; a write with a stale one conflicts. */
  readonly resourceVersion?: string;
  /** Spec generation, bumped by the API server on every spec change (image streams: R6). */
  readonly generation?: number;
  /** When the object was created (RFC 3339), set by the API server; `null` as `oc create --dry-run` prints it. */
  readonly creationTimestamp?: string | null;
  /** When deletion was requested (RFC 3339); absent while the object is not being deleted. */
  readonly deletionTimestamp?: string | null;
  /** Seconds allowed for graceful deletion once `deletionTimestamp` is set. */
  readonly deletionGracePeriodSeconds?: number | null;
  /** Labels for selection by label selectors; absent means none. */
  readonly labels?: { readonly [key: string]: string };
  /** Annotations: non-identifying data kept with the object; absent means none. */
  readonly annotations?: { readonly [key: string]: string };
  /** Objects that own this one, for garbage collection; absent means none. */
  readonly ownerReferences?: readonly OwnerReference[];
  /** Names of finalizers that must run before the object is deleted; absent means none. */
  readonly finalizers?: readonly string[];
  /** Which field manager owns which fields, maintained by the API server. */
  readonly managedFields?: readonly ManagedFieldsEntry[];
}

/**
 * {@link ObjectMeta} as accepted on input: timestamps may also be `Date` objects, as
 * `@kubernetes/client-node` returns them (`V1ObjectMeta` is assignable to it).
 *
 * @example
 * ```ts
 * const meta: ObjectMetaInput = { name: "ruby", creationTimestamp: new Date("2016-01-29T13:40:11Z") };
 * ```
 * @public
 */
export interface ObjectMetaInput
  extends Omit<ObjectMeta, "creationTimestamp" | "deletionTimestamp" | "managedFields"> {
  /** As {@link ObjectMeta.creationTimestamp}; a `Date` is written as RFC 3339 with seconds. */
  readonly creationTimestamp?: string | Date | null;
  /** As {@link ObjectMeta.deletionTimestamp}; a `Date` is written as RFC 3339 with seconds. */
  readonly deletionTimestamp?: string | Date | null;
  /** As {@link ObjectMeta.managedFields}, with `Date` times accepted. */
  readonly managedFields?: readonly ManagedFieldsEntryInput[];
}

/**
 * Kubernetes `ObjectReference`: the `{kind, namespace, name}` of another object, e.g. the source of
 * an image import. A spec tag's `from` is the narrower {@link TagReferenceFrom}.
 *
 * @example
 * ```ts
 * const from: ObjectReference = { kind: "DockerImage", name: "docker.io/python:3.6.0" };
 * ```
 * @public
 */
export interface ObjectReference {
  /** Kind of the referenced object, e.g. `DockerImage`. */
  readonly kind?: string;
  /** Namespace of the referenced object; absent means the referring object's namespace. */
  readonly namespace?: string;
  /** Name of the referenced object; for `DockerImage`, a pull spec. */
  readonly name?: string;
  /** UID of the referenced object, when the reference must not follow a re-created object. */
  readonly uid?: string;
  /** API version of the referenced object. */
  readonly apiVersion?: string;
  /** Resource version of the referenced object, when the reference is to one version. */
  readonly resourceVersion?: string;
  /** A field path inside the referenced object. */
  readonly fieldPath?: string;
}

/**
 * Kubernetes `LocalObjectReference`: the name of an object in the same namespace (`ImageImportSpec.to`).
 *
 * @example
 * ```ts
 * const to: LocalObjectReference = { name: "3.6" };
 * ```
 * @public
 */
export interface LocalObjectReference {
  /** Name of the object; for an import, the tag to write. */
  readonly name?: string;
}

/**
 * Kubernetes `ListMeta`: the metadata of a list or of a `Status`.
 *
 * @example
 * ```ts
 * const meta: ListMeta = { resourceVersion: "" };
 * ```
 * @public
 */
export interface ListMeta {
  /** Deprecated link to the list, set by older API servers. */
  readonly selfLink?: string;
  /** Version of the list, for a watch started from it. */
  readonly resourceVersion?: string;
  /** Token to request the next page of a chunked list; absent on the last page. */
  readonly continue?: string;
  /** Number of items after this page, when the server knows it. */
  readonly remainingItemCount?: number | null;
}

/**
 * One cause of a failure in a Kubernetes `Status` (`StatusCause`), e.g. one invalid field.
 *
 * @example
 * ```ts
 * const cause: KubeStatusCause = { reason: "FieldValueRequired", message: "Required value", field: "spec.tags[0].from.name" };
 * ```
 * @public
 */
export interface KubeStatusCause {
  /** Machine-readable reason, e.g. `FieldValueInvalid`; absent when unknown. */
  readonly reason?: string;
  /** Human-readable description of the cause. */
  readonly message?: string;
  /** Path of the field that caused the failure, e.g. `spec.tags[latest].from.name`. */
  readonly field?: string;
}

/**
 * The details of a Kubernetes `Status` (`StatusDetails`): which object failed, and why.
 *
 * @example
 * ```ts
 * const details: KubeStatusDetails = { name: "python", kind: "imagestreamimports", group: "image.openshift.io" };
 * ```
 * @public
 */
export interface KubeStatusDetails {
  /** Name of the object the status is about. */
  readonly name?: string;
  /** API group of the object. */
  readonly group?: string;
  /** Kind (or resource) of the object. */
  readonly kind?: string;
  /** UID of the object. */
  readonly uid?: string;
  /** The individual causes of the failure; absent means none. */
  readonly causes?: readonly KubeStatusCause[];
  /** Seconds the client should wait before retrying, when the server says so. */
  readonly retryAfterSeconds?: number;
}

/**
 * A Kubernetes `Status` object as found in import results (`ImageImportStatus.status`); not to be
 * confused with the {@link Status} built by `toStatus()`.
 *
 * @example
 * ```ts
 * const s: KubeStatus = { status: "Failure", reason: "NotFound", message: "not found", code: 404 };
 * ```
 * @public
 */
export interface KubeStatus {
  /** `Status` when present. */
  readonly kind?: string;
  /** `v1` when present. */
  readonly apiVersion?: string;
  /** List metadata, rarely set on an embedded status. */
  readonly metadata?: ListMeta;
  /** `Success` or `Failure`; absent is read as not successful by the importer's callers. */
  readonly status?: KubeStatusValue;
  /** Human-readable description of the outcome. */
  readonly message?: string;
  /** Machine-readable reason of a failure, e.g. `NotFound`, `Unauthorized`, `InternalError`. */
  readonly reason?: string;
  /** Which object failed and why; `null` or absent when there is nothing to add. */
  readonly details?: KubeStatusDetails | null;
  /** HTTP status code of the outcome, e.g. 404. */
  readonly code?: number;
}

/**
 * The outcome named by {@link KubeStatus.status} (`metav1.StatusSuccess`, `metav1.StatusFailure`).
 *
 * @example
 * ```ts
 * const ok: KubeStatusValue = "Success";
 * ```
 * @public
 */
export type KubeStatusValue = "Success" | "Failure";

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

function ownerReferenceShape() {
  return z.looseObject({
    apiVersion: z.string().exactOptional(),
    kind: z.string().exactOptional(),
    name: z.string().exactOptional(),
    uid: z.string().exactOptional(),
    controller: z.boolean().exactOptional(),
    blockOwnerDeletion: z.boolean().exactOptional(),
  });
}

function managedFieldsEntryShape() {
  return z.looseObject({
    manager: z.string().exactOptional(),
    operation: z.string().exactOptional(),
    apiVersion: z.string().exactOptional(),
    time: time().exactOptional(),
    fieldsType: z.string().exactOptional(),
    fieldsV1: jsonObject().exactOptional(),
    subresource: z.string().exactOptional(),
  });
}

const ownerReferenceSchema: z.ZodType<OwnerReference, OwnerReference> = /* @__PURE__ */ z.lazy(
  ownerReferenceShape,
);
const managedFieldsEntrySchema: z.ZodType<ManagedFieldsEntry, ManagedFieldsEntryInput> =
  /* @__PURE__ */ z.lazy(managedFieldsEntryShape);

function objectMetaShape() {
  return z.looseObject({
    name: z.string().exactOptional(),
    generateName: z.string().exactOptional(),
    namespace: z.string().exactOptional(),
    selfLink: z.string().exactOptional(),
    uid: z.string().exactOptional(),
    resourceVersion: z.string().exactOptional(),
    generation: int64().exactOptional(),
    creationTimestamp: time().exactOptional(),
    deletionTimestamp: time().exactOptional(),
    deletionGracePeriodSeconds: int64().nullable().exactOptional(),
    labels: stringMap().exactOptional(),
    annotations: stringMap().exactOptional(),
    ownerReferences: z.array(ownerReferenceSchema).exactOptional(),
    finalizers: z.array(z.string()).exactOptional(),
    managedFields: z.array(managedFieldsEntrySchema).exactOptional(),
  });
}

function objectReferenceShape() {
  return z.looseObject({
    kind: z.string().exactOptional(),
    namespace: z.string().exactOptional(),
    name: z.string().exactOptional(),
    uid: z.string().exactOptional(),
    apiVersion: z.string().exactOptional(),
    resourceVersion: z.string().exactOptional(),
    fieldPath: z.string().exactOptional(),
  });
}

function localObjectReferenceShape() {
  return z.looseObject({ name: z.string().exactOptional() });
}

function listMetaShape() {
  return z.looseObject({
    selfLink: z.string().exactOptional(),
    resourceVersion: z.string().exactOptional(),
    continue: z.string().exactOptional(),
    remainingItemCount: int64().nullable().exactOptional(),
  });
}

function kubeStatusCauseShape() {
  return z.looseObject({
    reason: z.string().exactOptional(),
    message: z.string().exactOptional(),
    field: z.string().exactOptional(),
  });
}

const kubeStatusCauseSchema: z.ZodType<KubeStatusCause, KubeStatusCause> = /* @__PURE__ */ z.lazy(
  kubeStatusCauseShape,
);

function kubeStatusDetailsShape() {
  return z.looseObject({
    name: z.string().exactOptional(),
    group: z.string().exactOptional(),
    kind: z.string().exactOptional(),
    uid: z.string().exactOptional(),
    causes: z.array(kubeStatusCauseSchema).exactOptional(),
    retryAfterSeconds: int64().exactOptional(),
  });
}

const listMetaSchema: z.ZodType<ListMeta, ListMeta> = /* @__PURE__ */ z.lazy(listMetaShape);
const kubeStatusDetailsSchema: z.ZodType<KubeStatusDetails, KubeStatusDetails> = /* @__PURE__ */ z.lazy(
  kubeStatusDetailsShape,
);

function kubeStatusShape() {
  return z.looseObject({
    kind: z.string().exactOptional(),
    apiVersion: z.string().exactOptional(),
    metadata: listMetaSchema.exactOptional(),
    status: knownString<KubeStatusValue>().exactOptional(),
    message: z.string().exactOptional(),
    reason: z.string().exactOptional(),
    details: kubeStatusDetailsSchema.nullable().exactOptional(),
    code: int64().exactOptional(),
  });
}

// Compile-time checks: each builder's output (and input) is exactly its interface.
export type MetaInSync = [
  Assert<InSync<ReturnType<typeof ownerReferenceShape>, OwnerReference>>,
  Assert<InSync<ReturnType<typeof managedFieldsEntryShape>, ManagedFieldsEntry>>,
  Assert<InSyncInput<ReturnType<typeof managedFieldsEntryShape>, ManagedFieldsEntryInput>>,
  Assert<InSync<ReturnType<typeof objectMetaShape>, ObjectMeta>>,
  Assert<InSyncInput<ReturnType<typeof objectMetaShape>, ObjectMetaInput>>,
  Assert<InSync<ReturnType<typeof objectReferenceShape>, ObjectReference>>,
  Assert<InSync<ReturnType<typeof localObjectReferenceShape>, LocalObjectReference>>,
  Assert<InSync<ReturnType<typeof listMetaShape>, ListMeta>>,
  Assert<InSync<ReturnType<typeof kubeStatusCauseShape>, KubeStatusCause>>,
  Assert<InSync<ReturnType<typeof kubeStatusDetailsShape>, KubeStatusDetails>>,
  Assert<InSync<ReturnType<typeof kubeStatusShape>, KubeStatus>>,
];

/**
 * Schema of Kubernetes `ObjectMeta` (unknown fields kept). `creationTimestamp` may be `null`, as
 * `oc create --dry-run` prints it, or a `Date`, written as RFC 3339 with seconds.
 *
 * @example
 * ```ts
 * ObjectMetaSchema.parse({ name: "ruby", namespace: "test", creationTimestamp: null });
 * ```
 * @public
 */
export const ObjectMetaSchema: z.ZodType<ObjectMeta, ObjectMetaInput> = /* @__PURE__ */ z.lazy(
  objectMetaShape,
);

/**
 * Schema of Kubernetes `ObjectReference` (`from` of an import). Every field is optional on the wire;
 * `kind` is checked by validation.
 *
 * @example
 * ```ts
 * ObjectReferenceSchema.parse({ kind: "DockerImage", name: "centos/ruby-22-centos7:latest" });
 * ```
 * @public
 */
export const ObjectReferenceSchema: z.ZodType<ObjectReference, ObjectReference> = /* @__PURE__ */ z.lazy(
  objectReferenceShape,
);

/**
 * Schema of Kubernetes `LocalObjectReference` (`{name}`), used by `ImageImportSpec.to`.
 *
 * @example
 * ```ts
 * LocalObjectReferenceSchema.parse({ name: "latest" });
 * ```
 * @public
 */
export const LocalObjectReferenceSchema: z.ZodType<LocalObjectReference, LocalObjectReference> =
  /* @__PURE__ */ z.lazy(localObjectReferenceShape);

/**
 * Schema of a Kubernetes `Status` object as embedded in import results (`ImageImportStatus.status`).
 *
 * @example
 * ```ts
 * KubeStatusSchema.parse({ status: "Success" });
 * ```
 * @public
 */
export const KubeStatusSchema: z.ZodType<KubeStatus, KubeStatus> = /* @__PURE__ */ z.lazy(kubeStatusShape);
