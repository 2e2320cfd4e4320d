/**
 * Discovery documents (`/apis`, `/apis/image.openshift.io`, `/apis/image.openshift.io/v1`) and
 * the table of resources the fake serves, with the verbs it implements: what `oc api-resources`
 * would list for `image.openshift.io/v1`, less what the fake does not serve.
 */

/** A verb of the Kubernetes API. */
export type Verb = "get" | "list" | "watch" | "create" | "update" | "patch" | "delete";

/** One served resource or subresource. */
export interface ResourceInfo {
  readonly name: string;
  readonly singularName: string;
  readonly namespaced: boolean;
  readonly kind: string;
  readonly verbs: readonly Verb[];
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
}

const GROUP = "image.openshift.io";
const VERSION = "v1";

/** Every resource and subresource the fake serves, by name (`imagestreams/status` for a subresource). */
export const RESOURCES: ReadonlyMap<string, ResourceInfo> = new Map(
  (
    [
      {
        name: "images",
        singularName: "image",
        namespaced: false,
        kind: "Image",
        verbs: ["get", "list"],
      },
      {
        name: "imagestreamimages",
        singularName: "imagestreamimage",
        namespaced: true,
        kind: "ImageStreamImage",
        verbs: ["get"],
        shortNames: ["isimage"],
      },
      {
        name: "imagestreamimports",
        singularName: "imagestreamimport",
        namespaced: true,
        kind: "ImageStreamImport",
        verbs: ["create"],
      },
      {
        name: "imagestreammappings",
        singularName: "imagestreammapping",
        namespaced: true,
        kind: "ImageStreamMapping",
        verbs: ["create"],
      },
      {
        name: "imagestreams",
        singularName: "imagestream",
        namespaced: true,
        kind: "ImageStream",
        verbs: ["create", "delete", "get", "list", "patch", "update", "watch"],
        shortNames: ["is"],
        categories: ["all"],
      },
      {
        name: "imagestreams/status",
        singularName: "",
        namespaced: true,
        kind: "ImageStream",
        verbs: ["get", "patch", "update"],
      },
      {
        name: "imagestreamtags",
        singularName: "imagestreamtag",
        namespaced: true,
        kind: "ImageStreamTag",
        verbs: ["create", "delete", "get", "list", "update"],
        shortNames: ["istag"],
      },
    ] satisfies ResourceInfo[]
  ).map((r) => [r.name, r]),
);

const GROUP_VERSION = { groupVersion: `${GROUP}/${VERSION}`, version: VERSION };

/** `APIGroup` of image.openshift.io. */
export function apiGroup(): object {
  return {
    kind: "APIGroup",
    apiVersion: "v1",
    name: GROUP,
    versions: [GROUP_VERSION],
    preferredVersion: GROUP_VERSION,
  };
}

/** `APIGroupList` served at `/apis`. */
export function apiGroupList(): object {
  const { kind: _kind, apiVersion: _apiVersion, ...group } = apiGroup() as Record<string, unknown>;
  return { kind: "APIGroupList", apiVersion: "v1", groups: [group] };
}

/** `APIResourceList` served at `/apis/image.openshift.io/v1`. */
export function apiResourceList(): object {
  return {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: `${GROUP}/${VERSION}`,
    resources: [...RESOURCES.values()].map((r) => ({
      name: r.name,
      singularName: r.singularName,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames ? { shortNames: r.shortNames } : {}),
      ...(r.categories ? { categories: r.categories } : {}),
    })),
  };
}
