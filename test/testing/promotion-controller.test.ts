/**
 * The promotion controller of examples/promotion-controller, run with the real
 * `@kubernetes/client-node` against the fake image API: pushes arrive as ImageStreamMappings, and
 * `app:prod` follows `app:latest` through `oc tag` writes made with a resourceVersion-tested JSON
 * patch; a conflict forced between the controller's read and its patch is absorbed by
 * `retryOnConflict`, and one that never ends is reported after the bounded attempts.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  type Promotion,
  type PromotionController,
  startPromotionController,
} from "../../examples/promotion-controller/controller.js";
import type { FakeApiRequest, FakeImageApi, FakeImageApiOptions } from "../../src/testing/fake-api/index.js";
import { startFakeImageApi } from "../../src/testing/fake-api/index.js";
import { customObjects, GROUP, kubeConfigFor, VERSION } from "./fake-api-support.js";

const REGISTRY = "image-registry.openshift-image-registry.svc:5000";
const NS = "shop";
const IMAGE_1 = `sha256:${"1".repeat(64)}`;
const IMAGE_2 = `sha256:${"2".repeat(64)}`;

let api: FakeImageApi | undefined;
let controller: PromotionController | undefined;

afterEach(async () => {
  await controller?.stop();
  await api?.close();
  controller = undefined;
  api = undefined;
});

/** Promotions and errors as they come, with a way to wait for the next one. */
function recorder() {
  const promotions: Promotion[] = [];
  const errors: unknown[] = [];
  const waiting: Array<() => void> = [];
  const wake = () => {
    for (const w of waiting.splice(0)) w();
  };
  return {
    promotions,
    errors,
    onPromote: (p: Promotion) => {
      promotions.push(p);
      wake();
    },
    onError: (e: unknown) => {
      errors.push(e);
      wake();
    },
    /** Resolves once `ready()` holds (checked now and after each promotion or error). */
    async until(ready: () => boolean): Promise<void> {
      while (!ready()) await new Promise<void>((resolve) => waiting.push(resolve));
    },
  };
}

async function setUp(options: FakeImageApiOptions = {}) {
  api = await startFakeImageApi({ internalRegistryHostname: REGISTRY, ...options });
  const custom = customObjects(api.url);
  await custom.createNamespacedCustomObject({
    group: GROUP,
    version: VERSION,
    namespace: NS,
    plural: "imagestreams",
    body: { apiVersion: "image.openshift.io/v1", kind: "ImageStream", metadata: { name: "app" } },
  });
  const seen = recorder();
  controller = await startPromotionController({
    kubeConfig: kubeConfigFor(api.url),
    namespace: NS,
    onPromote: seen.onPromote,
    onError: seen.onError,
  });
  /** What the registry sends after a push of `image` to app:latest. */
  const push = (image: string) =>
    custom.createNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: NS,
      plural: "imagestreammappings",
      body: {
        metadata: { name: "app" },
        tag: "latest",
        image: { metadata: { name: image }, dockerImageReference: `${REGISTRY}/${NS}/app@${image}` },
      },
    });
  return { fake: api, seen, push };
}

function history(fake: FakeImageApi, tagName: string): string[] {
  const list = fake.imageStream(NS, "app")?.status?.tags?.find((t) => t.tag === tagName);
  return (list?.items ?? []).map((i) => i.image);
}

describe("promotion controller (examples/promotion-controller) against the fake image API", () => {
  it("each push to app:latest is promoted to app:prod; both histories list the images newest first", async () => {
    const { fake, seen, push } = await setUp();
    await push(IMAGE_1);
    await seen.until(() => seen.promotions.length >= 1);
    await push(IMAGE_2);
    await seen.until(() => seen.promotions.length >= 2);

    expect(seen.promotions.map((p) => p.image)).toEqual([IMAGE_1, IMAGE_2]);
    expect(seen.promotions[1]?.message).toBe(`Tag app:prod set to app@${IMAGE_2}.`);
    expect(history(fake, "latest")).toEqual([IMAGE_2, IMAGE_1]);
    expect(history(fake, "prod")).toEqual([IMAGE_2, IMAGE_1]);
    const prod = fake.imageStream(NS, "app")?.spec?.tags?.find((t) => t.name === "prod");
    expect(prod?.from).toMatchObject({ kind: "ImageStreamImage", name: `app@${IMAGE_2}` });
    expect(fake.imageStream(NS, "app")?.status?.tags?.find((t) => t.tag === "prod")?.items[0]).toMatchObject({
      image: IMAGE_2,
      dockerImageReference: `${REGISTRY}/${NS}/app@${IMAGE_2}`,
    });
    expect(seen.errors).toEqual([]);
  });

  it("a conflict forced between the controller's read and its patch is absorbed by retryOnConflict", async () => {
    const patches: FakeApiRequest[] = [];
    const { fake, seen, push } = await setUp({
      onRequest: (request, handle) => {
        if (request.verb !== "patch" || request.resource !== "imagestreams") return;
        patches.push(request);
        // Another writer gets in first, once: the controller's resourceVersion test now fails.
        if (patches.length === 1) handle.bumpResourceVersion(NS, "app");
      },
    });
    await push(IMAGE_1);
    await seen.until(() => seen.promotions.length >= 1);

    expect(seen.promotions[0]).toMatchObject({ image: IMAGE_1, attempts: 2 });
    expect(patches).toHaveLength(2);
    const [first, second] = patches.map(
      (p) => (p.body as Array<{ op: string; path: string; value?: unknown }>)[0],
    );
    expect(first).toEqual({ op: "test", path: "/metadata/resourceVersion", value: expect.any(String) });
    expect(Number(second?.value)).toBeGreaterThan(Number(first?.value));
    expect(history(fake, "prod")).toEqual([IMAGE_1]);
    expect(seen.errors).toEqual([]);
  });

  it("five conflicts in a row are reported after client-go's 5 attempts; the next event's check promotes", async () => {
    let patchCount = 0;
    const { fake, seen, push } = await setUp({
      onRequest: (request, handle) => {
        if (request.verb !== "patch" || request.resource !== "imagestreams") return;
        patchCount += 1;
        if (patchCount <= 5) handle.bumpResourceVersion(NS, "app");
      },
    });
    await push(IMAGE_1);
    await seen.until(() => seen.errors.length >= 1);
    expect(seen.errors[0]).toMatchObject({ reason: "Conflict", code: 409 });
    expect(seen.promotions).toEqual([]);

    // The bumps were MODIFIED events too: the controller checks again and promotes.
    await seen.until(() => seen.promotions.length >= 1);
    expect(patchCount).toBe(6);
    expect(seen.promotions[0]).toMatchObject({ image: IMAGE_1, attempts: 1 });
    expect(history(fake, "prod")).toEqual([IMAGE_1]);
    expect(seen.errors).toHaveLength(1);
  });
});
