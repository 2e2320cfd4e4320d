/**
 * The fake image API through a real client (`@kubernetes/client-node` 1.4): discovery, image
 * stream CRUD with resourceVersions and conflicts, patches, the tag, image and mapping
 * resources, and the server's `Status` answers to bad requests.
 */

import { fc } from "@fast-check/vitest";
import {
  type KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
} from "@kubernetes/client-node";
import { afterEach, describe, expect, it } from "vitest";
import { ConflictError } from "../../src/errors.js";
import type { FakeImageApi, FakeImageApiOptions } from "../../src/testing/fake-api/index.js";
import { startFakeImageApi } from "../../src/testing/fake-api/index.js";
import { customObjects, failureOf, GROUP, kubeConfigFor, VERSION } from "./fake-api-support.js";

const NOW = "2024-01-01T00:00:00Z";
const REGISTRY = "image-registry.openshift-image-registry.svc:5000";
const IMAGE_A = `sha256:${"a".repeat(64)}`;
const IMAGE_B = `sha256:${"b".repeat(64)}`;

let api: FakeImageApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function start(options: FakeImageApiOptions = {}): Promise<FakeImageApi> {
  api = await startFakeImageApi({ now: NOW, internalRegistryHostname: REGISTRY, ...options });
  return api;
}

/** Creates `test/<name>` through the API (so that it went through createImageStream) and returns it. */
async function created(fake: FakeImageApi, name: string, metadata: Record<string, unknown> = {}) {
  return customObjects(fake.url).createNamespacedCustomObject({
    ...streams(),
    body: { metadata: { name, ...metadata } },
  });
}

function streams(ns = "test") {
  return { group: GROUP, version: VERSION, namespace: ns, plural: "imagestreams" };
}

function mapping(name: string, tag: string, image: string) {
  return {
    apiVersion: "image.openshift.io/v1",
    kind: "ImageStreamMapping",
    metadata: { name },
    tag,
    image: { metadata: { name: image }, dockerImageReference: `${REGISTRY}/test/${name}@${image}` },
  };
}

/** A raw request, for what a typed client cannot send (bad JSON, odd content types, huge bodies). */
async function raw(
  path: string,
  init: RequestInit = {},
): Promise<{ code: number; body: Record<string, unknown> }> {
  const res = await fetch(`${(api as FakeImageApi).url}${path}`, init);
  return { code: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("startFakeImageApi: discovery", () => {
  it("serves /apis, the group and the APIResourceList with the verbs it implements", async () => {
    await start();
    const groups = await raw("/apis");
    expect(groups.body).toMatchObject({
      kind: "APIGroupList",
      groups: [{ name: GROUP, preferredVersion: { groupVersion: `${GROUP}/${VERSION}` } }],
    });
    expect((await raw(`/apis/${GROUP}`)).body).toMatchObject({ kind: "APIGroup", name: GROUP });
    const list = (await raw(`/apis/${GROUP}/${VERSION}`)).body as {
      resources: Array<{ name: string; namespaced: boolean; verbs: string[] }>;
    };
    const byName = Object.fromEntries(list.resources.map((r) => [r.name, r]));
    expect(byName.imagestreams).toMatchObject({
      namespaced: true,
      kind: "ImageStream",
      verbs: ["create", "delete", "get", "list", "patch", "update", "watch"],
    });
    expect(byName["imagestreams/status"]?.verbs).toEqual(["get", "patch", "update"]);
    expect(byName.images).toMatchObject({ namespaced: false, verbs: ["get", "list"] });
    expect(byName.imagestreammappings?.verbs).toEqual(["create"]);
  });

  it("a discovery-based client (KubernetesObjectApi) creates and reads an ImageStream", async () => {
    const fake = await start();
    const client = KubernetesObjectApi.makeApiClient(kubeConfigFor(fake.url));
    const created = await client.create<KubernetesObject>({
      apiVersion: "image.openshift.io/v1",
      kind: "ImageStream",
      metadata: { name: "app", namespace: "test" },
    });
    expect(created.metadata?.uid).toBeTruthy();
    const read = await client.read({
      apiVersion: "image.openshift.io/v1",
      kind: "ImageStream",
      metadata: { name: "app", namespace: "test" },
    });
    expect(read.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);
  });
});

describe("startFakeImageApi: imagestreams", () => {
  it("POST creates through createImageStream: uid, creationTimestamp, resourceVersion, generation 1, repository", async () => {
    const fake = await start();
    const custom = customObjects(fake.url);
    const created = await custom.createNamespacedCustomObject({
      ...streams(),
      body: { apiVersion: "image.openshift.io/v1", kind: "ImageStream", metadata: { name: "app" } },
    });
    expect(created).toMatchObject({
      kind: "ImageStream",
      metadata: {
        name: "app",
        namespace: "test",
        generation: 1,
        creationTimestamp: NOW,
        resourceVersion: "1",
      },
      status: { dockerImageRepository: `${REGISTRY}/test/app` },
    });
    expect(created.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.imageStream("test", "app")).toEqual(created);
    expect(Object.isFrozen(fake.imageStream("test", "app")?.metadata)).toBe(true);
  });

  it("POST of an existing name is 409 AlreadyExists", async () => {
    const fake = await start({ imageStreams: [{ metadata: { name: "app", namespace: "test" } }] });
    const { code, status } = await failureOf(
      customObjects(fake.url).createNamespacedCustomObject({
        ...streams(),
        body: { metadata: { name: "app" } },
      }),
    );
    expect(code).toBe(409);
    expect(status).toMatchObject({
      kind: "Status",
      reason: "AlreadyExists",
      message: 'imagestreams.image.openshift.io "app" already exists',
    });
  });

  it("GET and LIST return the stored objects; LIST carries the current resourceVersion", async () => {
    const fake = await start({
      imageStreams: [
        { metadata: { name: "b", namespace: "test" } },
        { metadata: { name: "a", namespace: "test" } },
      ],
    });
    const custom = customObjects(fake.url);
    const list = await custom.listNamespacedCustomObject(streams());
    expect(list.kind).toBe("ImageStreamList");
    expect(list.metadata.resourceVersion).toBe(fake.resourceVersion);
    expect(list.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(["a", "b"]);
    const got = await custom.getNamespacedCustomObject({ ...streams(), name: "a" });
    expect(got).toEqual(fake.imageStream("test", "a"));
  });

  it("PUT with the current resourceVersion updates (generation +1 on a spec change) and bumps the resourceVersion", async () => {
    const fake = await start();
    await created(fake, "app");
    const custom = customObjects(fake.url);
    const before = await custom.getNamespacedCustomObject({ ...streams(), name: "app" });
    const after = await custom.replaceNamespacedCustomObject({
      ...streams(),
      name: "app",
      body: { ...before, spec: { lookupPolicy: { local: true } } },
    });
    expect(after.spec.lookupPolicy).toEqual({ local: true });
    expect(after.metadata.generation).toBe(before.metadata.generation + 1);
    expect(Number(after.metadata.resourceVersion)).toBeGreaterThan(Number(before.metadata.resourceVersion));
    expect(after.metadata.uid).toBe(before.metadata.uid);
  });

  it("PUT that changes nothing writes nothing: same resourceVersion", async () => {
    const fake = await start();
    await created(fake, "app");
    const custom = customObjects(fake.url);
    const before = await custom.getNamespacedCustomObject({ ...streams(), name: "app" });
    const after = await custom.replaceNamespacedCustomObject({ ...streams(), name: "app", body: before });
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it.each([
    ["a stale resourceVersion", "1"],
    ["no resourceVersion (unconditional updates are not allowed for image streams)", undefined],
  ])("PUT with %s is 409 Conflict and changes nothing", async (_name, rv) => {
    const fake = await start({ imageStreams: [{ metadata: { name: "app", namespace: "test" } }] });
    fake.bumpResourceVersion("test", "app");
    const stored = fake.imageStream("test", "app");
    const { code, status } = await failureOf(
      customObjects(fake.url).replaceNamespacedCustomObject({
        ...streams(),
        name: "app",
        body: {
          metadata: { name: "app", ...(rv ? { resourceVersion: rv } : {}) },
          spec: { lookupPolicy: { local: true } },
        },
      }),
    );
    expect(code).toBe(409);
    expect(status).toMatchObject({
      reason: "Conflict",
      code: 409,
      message:
        'Operation cannot be fulfilled on imagestreams.image.openshift.io "app": the object has been modified; please apply your changes to the latest version and try again',
    });
    expect(fake.imageStream("test", "app")).toBe(stored);
  });

  it("PUT of an invalid stream is 422 with the library's field errors, and nothing is stored", async () => {
    const fake = await start({ imageStreams: [{ metadata: { name: "app", namespace: "test" } }] });
    const stored = fake.imageStream("test", "app");
    const { code, status } = await failureOf(
      customObjects(fake.url).replaceNamespacedCustomObject({
        ...streams(),
        name: "app",
        body: {
          ...stored,
          spec: { tags: [{ name: "bad", from: { kind: "ImageStreamTag", name: "a:b:c" } }] },
        },
      }),
    );
    expect(code).toBe(422);
    expect(status).toMatchObject({ reason: "Invalid", details: { kind: "ImageStream", name: "app" } });
    expect(fake.imageStream("test", "app")).toBe(stored);
  });

  it("PATCH merge-patch+json applies RFC 7386 and runs the update path", async () => {
    const fake = await start();
    await created(fake, "app", { labels: { a: "1" } });
    const patched = await customObjects(fake.url).patchNamespacedCustomObject(
      {
        ...streams(),
        name: "app",
        body: { metadata: { labels: { a: null, b: "2" } }, spec: { lookupPolicy: { local: true } } },
      },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
    expect(patched.metadata.labels).toEqual({ b: "2" });
    expect(patched.metadata.generation).toBe(2);
  });

  it("PATCH json-patch+json with a resourceVersion replace: the current one passes, a stale one is 409", async () => {
    const fake = await start();
    await created(fake, "app");
    const custom = customObjects(fake.url);
    const rv = fake.imageStream("test", "app")?.metadata?.resourceVersion as string;
    const ops = (value: string) => [
      { op: "replace", path: "/metadata/resourceVersion", value },
      { op: "add", path: "/spec", value: { lookupPolicy: { local: true } } },
    ];
    const patched = await custom.patchNamespacedCustomObject({ ...streams(), name: "app", body: ops(rv) });
    expect(patched.spec.lookupPolicy).toEqual({ local: true });
    const { code, status } = await failureOf(
      custom.patchNamespacedCustomObject({ ...streams(), name: "app", body: ops(rv) }),
    );
    expect(code).toBe(409);
    expect(status.reason).toBe("Conflict");
  });

  it("PATCH json-patch+json whose test op fails is 422 Invalid, as upstream applyJSPatch answers (not 409)", async () => {
    const fake = await start({ imageStreams: [{ metadata: { name: "app", namespace: "test" } }] });
    const stored = fake.imageStream("test", "app");
    const { code, status } = await failureOf(
      customObjects(fake.url).patchNamespacedCustomObject({
        ...streams(),
        name: "app",
        body: [
          { op: "test", path: "/metadata/resourceVersion", value: "999" },
          { op: "add", path: "/spec/lookupPolicy", value: { local: true } },
        ],
      }),
    );
    expect(code).toBe(422);
    expect(status).toMatchObject({
      reason: "Invalid",
      message: "the server rejected our request due to an error in our request",
      details: { causes: [{ message: "testing value /metadata/resourceVersion failed: test failed" }] },
    });
    expect(fake.imageStream("test", "app")).toBe(stored);
  });

  it("PATCH that renames the object is 400 (the name must match the URL)", async () => {
    const fake = await start({ imageStreams: [{ metadata: { name: "app", namespace: "test" } }] });
    const { code, status } = await failureOf(
      customObjects(fake.url).patchNamespacedCustomObject({
        ...streams(),
        name: "app",
        body: [{ op: "replace", path: "/metadata/name", value: "other" }],
      }),
    );
    expect(code).toBe(400);
    expect(status.message).toBe("the name of the object (other) does not match the name on the URL (app)");
  });

  it("PUT /status goes through updateImageStreamStatus: spec tags are kept, the status is taken", async () => {
    const fake = await start();
    await created(fake, "app");
    const custom = customObjects(fake.url);
    const before = await custom.getNamespacedCustomObjectStatus({ ...streams(), name: "app" });
    const after = await custom.replaceNamespacedCustomObjectStatus({
      ...streams(),
      name: "app",
      body: {
        ...before,
        spec: { tags: [{ name: "x", from: { kind: "DockerImage", name: "quay.io/x:1" } }] },
        status: {
          tags: [
            {
              tag: "latest",
              items: [{ created: NOW, dockerImageReference: `x@${IMAGE_A}`, image: IMAGE_A, generation: 0 }],
            },
          ],
        },
      },
    });
    expect(after.spec?.tags).toEqual(before.spec?.tags);
    expect(after.metadata.generation).toBe(before.metadata.generation);
    expect(after.status.tags[0].items[0]).toMatchObject({ image: IMAGE_A, generation: 1 });
  });

  it("DELETE answers a Success status, honours preconditions, and the stream is gone", async () => {
    const fake = await start({ imageStreams: [{ metadata: { name: "app", namespace: "test" } }] });
    const custom = customObjects(fake.url);
    const uid = fake.imageStream("test", "app")?.metadata?.uid;
    const wrong = await failureOf(
      custom.deleteNamespacedCustomObject({
        ...streams(),
        name: "app",
        body: { preconditions: { uid: "nope" } },
      }),
    );
    expect(wrong.code).toBe(409);
    const done = await custom.deleteNamespacedCustomObject({ ...streams(), name: "app" });
    expect(done).toMatchObject({
      kind: "Status",
      status: "Success",
      details: { name: "app", kind: "imagestreams", uid },
    });
    const { code, status } = await failureOf(custom.getNamespacedCustomObject({ ...streams(), name: "app" }));
    expect(code).toBe(404);
    expect(status.message).toBe('imagestreams.image.openshift.io "app" not found');
  });

  it("metadata.generateName gets a five-character suffix; a PUT that changes the uid is 422 (field is immutable)", async () => {
    const fake = await start();
    const custom = customObjects(fake.url);
    const made = await custom.createNamespacedCustomObject({
      ...streams(),
      body: { metadata: { generateName: "build" } },
    });
    expect(made.metadata.name).toMatch(/^build[0-9a-z]{5}$/);
    const { code, status } = await failureOf(
      custom.replaceNamespacedCustomObject({
        ...streams(),
        name: made.metadata.name,
        body: { ...made, metadata: { ...made.metadata, uid: "00000000-0000-4000-8000-0000000000ff" } },
      }),
    );
    expect(code).toBe(422);
    expect(status.message).toMatch(/metadata\.uid: Invalid value: .*: field is immutable/);
  });

  it("DELETE with a stale resourceVersion precondition is 409 and deletes nothing", async () => {
    const fake = await start();
    await created(fake, "app");
    const { code, status } = await failureOf(
      customObjects(fake.url).deleteNamespacedCustomObject({
        ...streams(),
        name: "app",
        body: { preconditions: { resourceVersion: "0" } },
      }),
    );
    expect(code).toBe(409);
    expect(status.message).toMatch(/Precondition failed: ResourceVersion in precondition: 0/);
    expect(fake.imageStream("test", "app")).toBeDefined();
  });

  it("dryRun=All answers as a write would and stores nothing", async () => {
    const fake = await start();
    const created = await customObjects(fake.url).createNamespacedCustomObject({
      ...streams(),
      body: { metadata: { name: "app" } },
      dryRun: "All",
    });
    expect(created.metadata.generation).toBe(1);
    expect(fake.imageStream("test", "app")).toBeUndefined();
  });
});

describe("startFakeImageApi: tags, images and mappings", () => {
  it("a mapping creates the Image and tags it; the ImageStreamTag is read by its URL-encoded name", async () => {
    const fake = await start({ imageStreams: [{ metadata: { name: "app", namespace: "test" } }] });
    const custom = customObjects(fake.url);
    const answer = await custom.createNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: "test",
      plural: "imagestreammappings",
      body: mapping("app", "latest", IMAGE_A),
    });
    expect(answer).toMatchObject({ kind: "Status", status: "Success" });
    expect(fake.image(IMAGE_A)?.metadata).toMatchObject({ name: IMAGE_A, creationTimestamp: NOW });
    const istag = await custom.getNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: "test",
      plural: "imagestreamtags",
      name: "app:latest",
    });
    expect(istag).toMatchObject({
      kind: "ImageStreamTag",
      metadata: {
        name: "app:latest",
        resourceVersion: fake.imageStream("test", "app")?.metadata?.resourceVersion,
      },
      image: { metadata: { name: IMAGE_A } },
    });
    const image = await custom.getClusterCustomObject({
      group: GROUP,
      version: VERSION,
      plural: "images",
      name: IMAGE_A,
    });
    expect(image).toEqual(fake.image(IMAGE_A));
  });

  it("a mapping to a missing stream is 404 and creates no Image", async () => {
    const fake = await start();
    const { code, status } = await failureOf(
      customObjects(fake.url).createNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace: "test",
        plural: "imagestreammappings",
        body: mapping("app", "latest", IMAGE_A),
      }),
    );
    expect(code).toBe(404);
    expect(status.message).toBe('imagestreams.image.openshift.io "app" not found');
    expect(fake.image(IMAGE_A)).toBeUndefined();
  });

  it("ImageStreamTag PUT creates a spec tag (201), a second PUT with a stale resourceVersion is 409", async () => {
    const fake = await start({ imageStreams: [{ metadata: { name: "app", namespace: "test" } }] });
    const custom = customObjects(fake.url);
    const target = {
      group: GROUP,
      version: VERSION,
      namespace: "test",
      plural: "imagestreamtags",
      name: "app:v1",
    };
    const body = {
      apiVersion: "image.openshift.io/v1",
      kind: "ImageStreamTag",
      metadata: { name: "app:v1" },
      tag: { name: "v1", from: { kind: "DockerImage", name: "quay.io/org/app:v1" }, reference: true },
    };
    const first = await custom.replaceNamespacedCustomObjectWithHttpInfo({ ...target, body });
    expect(first.httpStatusCode).toBe(201);
    expect(fake.imageStream("test", "app")?.spec?.tags?.[0]?.name).toBe("v1");
    const { code, status } = await failureOf(
      custom.replaceNamespacedCustomObject({
        ...target,
        body: { ...body, metadata: { name: "app:v1", resourceVersion: "1" } },
      }),
    );
    expect(code).toBe(409);
    expect(status.reason).toBe("Conflict");
  });

  it("a spec tag from another stream resolves through the store (the cross-stream look-up of the server functions)", async () => {
    const fake = await start();
    const custom = customObjects(fake.url);
    await created(fake, "base");
    await custom.createNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: "test",
      plural: "imagestreammappings",
      body: mapping("base", "latest", IMAGE_A),
    });
    const app = await custom.createNamespacedCustomObject({
      ...streams(),
      body: {
        metadata: { name: "app" },
        spec: { tags: [{ name: "base", from: { kind: "ImageStreamTag", name: "base:latest" } }] },
      },
    });
    expect(app.status.tags[0]).toMatchObject({ tag: "base", items: [{ image: IMAGE_A }] });
  });

  it("ImageStreamTag DELETE removes spec tag and history; LIST lists tags with images", async () => {
    const fake = await start({ imageStreams: [{ metadata: { name: "app", namespace: "test" } }] });
    const custom = customObjects(fake.url);
    for (const [tag, image] of [
      ["latest", IMAGE_A],
      ["v2", IMAGE_B],
    ] as const) {
      await custom.createNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace: "test",
        plural: "imagestreammappings",
        body: mapping("app", tag, image),
      });
    }
    const istags = { group: GROUP, version: VERSION, namespace: "test", plural: "imagestreamtags" };
    const listed = await custom.listNamespacedCustomObject(istags);
    expect(listed.items.map((t: { metadata: { name: string } }) => t.metadata.name)).toEqual([
      "app:latest",
      "app:v2",
    ]);
    await custom.deleteNamespacedCustomObject({ ...istags, name: "app:v2" });
    expect(fake.imageStream("test", "app")?.status?.tags?.map((t) => t.tag)).toEqual(["latest"]);
    const { code } = await failureOf(custom.deleteNamespacedCustomObject({ ...istags, name: "app:v2" }));
    expect(code).toBe(404);
  });

  it("ImageStreamImage GET finds an image of the history by id prefix; a name without @ is 400", async () => {
    const fake = await start({ imageStreams: [{ metadata: { name: "app", namespace: "test" } }] });
    const custom = customObjects(fake.url);
    await custom.createNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: "test",
      plural: "imagestreammappings",
      body: mapping("app", "latest", IMAGE_A),
    });
    const isimages = { group: GROUP, version: VERSION, namespace: "test", plural: "imagestreamimages" };
    const isimage = await custom.getNamespacedCustomObject({
      ...isimages,
      name: `app@${IMAGE_A.slice(0, 20)}`,
    });
    expect(isimage).toMatchObject({ kind: "ImageStreamImage", image: { metadata: { name: IMAGE_A } } });
    const { code, status } = await failureOf(custom.getNamespacedCustomObject({ ...isimages, name: "app" }));
    expect(code).toBe(400);
    expect(status.message).toBe("ImageStreamImages must be retrieved with <name>@<id>");
  });

  it("ImageStreamImport goes through the importer and applyImportResult; without an importer the import fails", async () => {
    const fake = await start({
      importer: (request) => ({
        images: (request.spec?.images ?? []).map(() => ({
          status: { status: "Success" },
          image: { metadata: { name: IMAGE_A }, dockerImageReference: `docker.io/library/python@${IMAGE_A}` },
        })),
      }),
    });
    const answer = await customObjects(fake.url).createNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: "test",
      plural: "imagestreamimports",
      body: {
        metadata: { name: "python" },
        spec: {
          import: true,
          images: [{ from: { kind: "DockerImage", name: "docker.io/library/python:3" }, to: { name: "3" } }],
        },
      },
    });
    expect(answer.status.import.metadata.name).toBe("python");
    expect(fake.imageStream("test", "python")?.status?.tags?.[0]).toMatchObject({
      tag: "3",
      items: [{ image: IMAGE_A }],
    });
    expect(fake.image(IMAGE_A)).toBeDefined();

    const bare = await startFakeImageApi({ now: NOW });
    try {
      const failed = await customObjects(bare.url).createNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace: "test",
        plural: "imagestreamimports",
        body: {
          metadata: { name: "python" },
          spec: { import: false, images: [{ from: { kind: "DockerImage", name: "python:3" } }] },
        },
      });
      expect(failed.status.images[0].status).toMatchObject({ status: "Failure", reason: "InternalError" });
      expect(bare.imageStream("test", "python")).toBeUndefined();
    } finally {
      await bare.close();
    }
  });
});

describe("startFakeImageApi: bad requests are Status answers and change nothing", () => {
  const json = { "Content-Type": "application/json" };
  const ISP = "/apis/image.openshift.io/v1/namespaces/test/imagestreams";

  it.each([
    ["bad JSON", ISP, "POST", json, "{not json", 400, "BadRequest"],
    [
      "an unknown kind",
      ISP,
      "POST",
      json,
      JSON.stringify({ kind: "Pod", apiVersion: "v1", metadata: { name: "x" } }),
      400,
      "BadRequest",
    ],
    [
      "another API version",
      ISP,
      "POST",
      json,
      JSON.stringify({ apiVersion: "apps/v1", metadata: { name: "x" } }),
      400,
      "BadRequest",
    ],
    [
      "a wrong namespace",
      ISP,
      "POST",
      json,
      JSON.stringify({ metadata: { name: "x", namespace: "other" } }),
      400,
      "BadRequest",
    ],
    ["a body that is not an object", ISP, "POST", json, "[1,2]", 400, "BadRequest"],
    [
      "an invalid name",
      ISP,
      "POST",
      json,
      JSON.stringify({ metadata: { name: "Not_Valid" } }),
      422,
      "Invalid",
    ],
    [
      "YAML",
      ISP,
      "POST",
      { "Content-Type": "application/yaml" },
      "metadata: {}",
      415,
      "UnsupportedMediaType",
    ],
    [
      "a strategic merge patch",
      `${ISP}/app`,
      "PATCH",
      { "Content-Type": "application/strategic-merge-patch+json" },
      "{}",
      415,
      "UnsupportedMediaType",
    ],
    [
      "a JSON patch that is not an array",
      `${ISP}/app`,
      "PATCH",
      { "Content-Type": "application/json-patch+json" },
      "{}",
      400,
      "BadRequest",
    ],
    [
      "a JSON patch on a missing path",
      `${ISP}/app`,
      "PATCH",
      { "Content-Type": "application/json-patch+json" },
      '[{"op":"remove","path":"/spec/nope"}]',
      422,
      "Invalid",
    ],
    [
      "a merge patch that is not an object",
      `${ISP}/app`,
      "PATCH",
      { "Content-Type": "application/merge-patch+json" },
      "[]",
      400,
      "BadRequest",
    ],
    [
      "an unknown resource",
      "/apis/image.openshift.io/v1/namespaces/test/pods",
      "GET",
      {},
      undefined,
      404,
      "NotFound",
    ],
    ["a path outside the API", "/api/v1/pods", "GET", {}, undefined, 404, "NotFound"],
    ["POST on an object", `${ISP}/app`, "POST", json, "{}", 405, "MethodNotAllowed"],
    ["DELETE of a collection", ISP, "DELETE", {}, undefined, 405, "MethodNotAllowed"],
    [
      "a verb the resource lacks",
      "/apis/image.openshift.io/v1/namespaces/test/imagestreamimages/a@b",
      "DELETE",
      {},
      undefined,
      405,
      "MethodNotAllowed",
    ],
    ["a malformed escape in the path", `${ISP}/%E0%A4%A`, "GET", {}, undefined, 400, "BadRequest"],
    ["an unsupported dryRun", `${ISP}?dryRun=Some`, "POST", json, "{}", 400, "BadRequest"],
  ])("%s", async (_name, path, method, headers, body, code, reason) => {
    const fake = await start({ imageStreams: [{ metadata: { name: "app", namespace: "test" } }] });
    const rv = fake.resourceVersion;
    const stored = fake.imageStream("test", "app");
    const res = await raw(path, { method, headers, ...(body === undefined ? {} : { body }) });
    expect(res.code).toBe(code);
    expect(res.body).toMatchObject({ kind: "Status", apiVersion: "v1", status: "Failure", reason, code });
    expect(fake.resourceVersion).toBe(rv);
    expect(fake.imageStream("test", "app")).toBe(stored);
  });

  it("a body over maxBodyBytes is 413 RequestEntityTooLarge", async () => {
    const fake = await start({ maxBodyBytes: 1024 });
    const res = await raw("/apis/image.openshift.io/v1/namespaces/test/imagestreams", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ metadata: { name: "app", annotations: { big: "x".repeat(4096) } } }),
    });
    expect(res.code).toBe(413);
    expect(res.body).toMatchObject({
      reason: "RequestEntityTooLarge",
      message: "Request entity too large: limit is 1024",
    });
    expect(fake.imageStream("test", "app")).toBeUndefined();
  });

  it("a JSON patch cannot reach a prototype through __proto__", async () => {
    await start({ imageStreams: [{ metadata: { name: "app", namespace: "test" } }] });
    const res = await raw(`${ISP}/app`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json-patch+json" },
      body: '[{"op":"add","path":"/metadata/annotations","value":{}},{"op":"add","path":"/metadata/annotations/__proto__","value":{"polluted":"yes"}}]',
    });
    expect(res.code).toBe(422);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("startFakeImageApi: hooks and handle", () => {
  it("onRequest sees the routed request with its URL-decoded name; throwing a ConflictError answers 409", async () => {
    const seen: string[] = [];
    const fake = await start({
      imageStreams: [{ metadata: { name: "app", namespace: "test" } }],
      onRequest: (r) => {
        seen.push(`${r.verb} ${r.resource} ${r.name ?? ""}`);
        if (r.verb === "update")
          throw new ConflictError({ resource: "imagestreams", name: r.name ?? "" }, "forced");
      },
    });
    const custom = customObjects(fake.url);
    await custom.getNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: "test",
      plural: "imagestreams",
      name: "app",
    });
    await failureOf(
      custom.getNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace: "test",
        plural: "imagestreamtags",
        name: "app:latest",
      }),
    );
    const stored = fake.imageStream("test", "app");
    const { code } = await failureOf(
      custom.replaceNamespacedCustomObject({ ...streams(), name: "app", body: stored }),
    );
    expect(code).toBe(409);
    expect(seen).toEqual([
      "get imagestreams app",
      "get imagestreamtags app:latest",
      "update imagestreams app",
    ]);
  });

  it("bumpResourceVersion writes the stream again: a new resourceVersion, nothing else", async () => {
    const fake = await start({ imageStreams: [{ metadata: { name: "app", namespace: "test" } }] });
    const before = fake.imageStream("test", "app");
    const rv = fake.bumpResourceVersion("test", "app");
    expect(rv).toBe(String(Number(before?.metadata?.resourceVersion) + 1));
    const { metadata: m1, ...rest1 } = before as Record<string, unknown>;
    const { metadata: m2, ...rest2 } = fake.imageStream("test", "app") as Record<string, unknown>;
    expect(rest2).toEqual(rest1);
    expect({ ...(m2 as object), resourceVersion: "" }).toEqual({ ...(m1 as object), resourceVersion: "" });
    expect(() => fake.bumpResourceVersion("test", "missing")).toThrow(/not found/);
  });

  it("catalog() gives the store to the library's look-ups; close() twice is fine", async () => {
    const fake = await start({
      imageStreams: [{ metadata: { name: "app", namespace: "test" } }],
      images: [{ metadata: { name: IMAGE_A } }],
    });
    const catalog = fake.catalog();
    expect(catalog.getImageStream("test", "app")).toBe(fake.imageStream("test", "app"));
    expect(catalog.getImage(IMAGE_A)?.metadata?.resourceVersion).toBe("2");
    await fake.close();
    await fake.close();
  });
});

describe("startFakeImageApi: hostile bodies", () => {
  const paths = [
    ["POST", "/apis/image.openshift.io/v1/namespaces/test/imagestreams", "application/json"],
    ["PUT", "/apis/image.openshift.io/v1/namespaces/test/imagestreams/app", "application/json"],
    ["PUT", "/apis/image.openshift.io/v1/namespaces/test/imagestreams/app/status", "application/json"],
    ["PATCH", "/apis/image.openshift.io/v1/namespaces/test/imagestreams/app", "application/merge-patch+json"],
    ["PATCH", "/apis/image.openshift.io/v1/namespaces/test/imagestreams/app", "application/json-patch+json"],
    ["POST", "/apis/image.openshift.io/v1/namespaces/test/imagestreamtags", "application/json"],
    ["PUT", "/apis/image.openshift.io/v1/namespaces/test/imagestreamtags/app:latest", "application/json"],
    ["POST", "/apis/image.openshift.io/v1/namespaces/test/imagestreammappings", "application/json"],
    ["POST", "/apis/image.openshift.io/v1/namespaces/test/imagestreamimports", "application/json"],
    ["DELETE", "/apis/image.openshift.io/v1/namespaces/test/imagestreamtags/app:latest", "application/json"],
  ] as const;
  /** Objects shaped like the API's, with any JSON where a value goes. */
  const body = fc.oneof(
    fc.jsonValue(),
    fc.record(
      {
        metadata: fc.oneof(
          fc.jsonValue(),
          fc.record(
            { name: fc.oneof(fc.constant("app"), fc.string()), resourceVersion: fc.jsonValue() },
            { requiredKeys: [] },
          ),
        ),
        spec: fc.jsonValue(),
        status: fc.jsonValue(),
        tag: fc.jsonValue(),
        image: fc.jsonValue(),
      },
      { requiredKeys: [] },
    ),
    fc.array(
      fc.record(
        {
          op: fc.constantFrom("add", "remove", "replace", "move", "copy", "test", "x"),
          path: fc.constantFrom("", "/spec", "/metadata/name", "/status/tags/0", "/x/~2"),
          value: fc.jsonValue(),
          from: fc.constantFrom("/spec", "/metadata"),
        },
        { requiredKeys: ["op"] },
      ),
    ),
  );

  it("never a 5xx: a Status answer for every failure, and a failed write changes nothing", async () => {
    const fake = await start();
    await created(fake, "app");
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), body, async ([method, path, contentType], value) => {
        const rv = fake.resourceVersion;
        const res = await fetch(`${fake.url}${path}`, {
          method,
          headers: { "Content-Type": contentType },
          body: JSON.stringify(value),
        });
        const answer = (await res.json()) as Record<string, unknown>;
        expect(res.status, JSON.stringify(answer)).toBeLessThan(500);
        if (res.status >= 400) {
          expect(answer).toMatchObject({ kind: "Status", status: "Failure", code: res.status });
          expect(fake.resourceVersion).toBe(rv);
        }
      }),
      { numRuns: 150 },
    );
  });
});
