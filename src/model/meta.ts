/**
 * Kubernetes building blocks shared by every image resource: ObjectMeta, ObjectReference,
 * LocalObjectReference and the `Status` object embedded in import results.
 */
import { z } from "zod";

/** An int64 on the wire: a safe integer in JavaScript. */
export const int64 = z.number().int();

/** A `metav1.Time`: an RFC 3339 string, or `null` for the zero time. */
export const timeOrNull = z.string().nullable();

/** `map[string]string`. */
export const stringMap = z.record(z.string(), z.string());

/**
 * Schema of Kubernetes `ObjectMeta` (unknown fields kept). `creationTimestamp` may be `null`, as
 * `oc create --dry-run` prints it.
 *
 * @example
 * ```ts
 * ObjectMetaSchema.parse({ name: "ruby", namespace: "test", creationTimestamp: null });
 * ```
 * @public
 */
export const ObjectMetaSchema = z.looseObject({
  name: z.string().optional(),
  generateName: z.string().optional(),
  namespace: z.string().optional(),
  selfLink: z.string().optional(),
  uid: z.string().optional(),
  resourceVersion: z.string().optional(),
  generation: int64.optional(),
  creationTimestamp: timeOrNull.optional(),
  deletionTimestamp: timeOrNull.optional(),
  deletionGracePeriodSeconds: int64.nullable().optional(),
  labels: stringMap.optional(),
  annotations: stringMap.optional(),
  ownerReferences: z.array(z.looseObject({})).optional(),
  finalizers: z.array(z.string()).optional(),
  managedFields: z.array(z.looseObject({})).optional(),
});

/**
 * Kubernetes `ObjectMeta` as found on image resources.
 *
 * @example
 * ```ts
 * const meta: ObjectMeta = { name: "ruby", namespace: "test", annotations: { a: "b" } };
 * ```
 * @public
 */
export type ObjectMeta = z.infer<typeof ObjectMetaSchema>;

/**
 * Schema of Kubernetes `ObjectReference` (`from` of a tag). Every field is optional on the wire;
 * `kind` is checked by {@link parseTagReference} and friends.
 *
 * @example
 * ```ts
 * ObjectReferenceSchema.parse({ kind: "DockerImage", name: "centos/ruby-22-centos7:latest" });
 * ```
 * @public
 */
export const ObjectReferenceSchema = z.looseObject({
  kind: z.string().optional(),
  namespace: z.string().optional(),
  name: z.string().optional(),
  uid: z.string().optional(),
  apiVersion: z.string().optional(),
  resourceVersion: z.string().optional(),
  fieldPath: z.string().optional(),
});

/**
 * Kubernetes `ObjectReference`: `{kind, namespace, name}` of a tag source.
 *
 * @example
 * ```ts
 * const from: ObjectReference = { kind: "ImageStreamTag", name: "python:3.5" };
 * ```
 * @public
 */
export type ObjectReference = z.infer<typeof ObjectReferenceSchema>;

/**
 * Schema of Kubernetes `LocalObjectReference` (`{name}`), used by `ImageImportSpec.to`.
 *
 * @example
 * ```ts
 * LocalObjectReferenceSchema.parse({ name: "latest" });
 * ```
 * @public
 */
export const LocalObjectReferenceSchema = z.looseObject({
  name: z.string().optional(),
});

/**
 * Kubernetes `LocalObjectReference`.
 *
 * @example
 * ```ts
 * const to: LocalObjectReference = { name: "3.6" };
 * ```
 * @public
 */
export type LocalObjectReference = z.infer<typeof LocalObjectReferenceSchema>;

/**
 * Schema of a Kubernetes `Status` object as embedded in import results
 * (`ImageImportStatus.status`).
 *
 * @example
 * ```ts
 * KubeStatusSchema.parse({ status: "Success" });
 * ```
 * @public
 */
export const KubeStatusSchema = z.looseObject({
  kind: z.string().optional(),
  apiVersion: z.string().optional(),
  metadata: z.looseObject({}).optional(),
  status: z.string().optional(),
  message: z.string().optional(),
  reason: z.string().optional(),
  details: z.looseObject({}).nullable().optional(),
  code: int64.optional(),
});

/**
 * A Kubernetes `Status` object as found in import results (not to be confused with the
 * {@link Status} built by `toStatus()`).
 *
 * @example
 * ```ts
 * const s: KubeStatus = { status: "Failure", reason: "NotFound", message: "not found", code: 404 };
 * ```
 * @public
 */
export type KubeStatus = z.infer<typeof KubeStatusSchema>;
