import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { ImageStream, ImageStreamMapping } from "../../src/model/index.js";
import {
  applyImageStreamMapping,
  createCatalog,
  createImageStream,
  getImageStreamImage,
  getImageStreamTag,
  updateImageStream,
  updateImageStreamTag,
} from "../../src/server/index.js";
import { deepFreeze } from "../support/freeze.js";

const OLD = "sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d";
const NEW = "sha256:909de62d1f609a717ec433cc25ca5cf00941545c83a01fb31527771e1fab3fc5";
const REPO = "172.30.56.218:5000/test/origin-ruby-sample";
const registry = { internalRegistryHostname: "172.30.56.218:5000" };

/** The seed-000 mapping; the registry names the image after its digest (the doc leaves it out). */
function seedMapping(): ImageStreamMapping {
  const m = parse(readFileSync(new URL("../fixtures/server/seed-000-mapping.yaml", import.meta.url), "utf8"));
  return deepFreeze({ ...m, image: { ...m.image, metadata: { name: OLD } } });
}

describe("seeds 000–002: the origin-ruby-sample story", () => {
  const created = createImageStream(
    deepFreeze({
      apiVersion: "image.openshift.io/v1",
      kind: "ImageStream",
      metadata: {
        name: "origin-ruby-sample",
        namespace: "test",
        creationTimestamp: "2016-01-29T13:33:49Z",
        labels: { app: "ruby-sample-build", template: "application-template-stibuild" },
        annotations: { "openshift.io/generated-by": "OpenShiftNewApp" },
      },
      spec: {},
    } as ImageStream),
    { ...registry, now: "2016-01-29T13:33:49Z" },
  );

  it("R6.1 create: generation 1, repository from the internal registry (R5.1), no tags", () => {
    expect(created.metadata?.generation).toBe(1);
    expect(created.status).toEqual({ dockerImageRepository: REPO });
  });

  const first = applyImageStreamMapping(created, seedMapping(), { ...registry, now: "2016-01-29T13:40:11Z" });

  it("R10 the seed mapping tags latest → sha256:47463d… with the seed's pull spec (seed 002 example 1)", () => {
    expect(first.imageCreated).toBe(true);
    expect(first.image.metadata?.name).toBe(OLD);
    expect(first.stream.status?.tags).toEqual([
      {
        tag: "latest",
        items: [
          {
            created: "2016-01-29T13:40:11Z",
            dockerImageReference: `${REPO}@${OLD}`,
            generation: 1,
            image: OLD,
          },
        ],
      },
    ]);
    expect(first.stream.metadata?.generation).toBe(1);
    expect(first.stream.spec).toBe(created.spec);
  });

  // A spec edit between the two pushes (seed 002's second event has generation 2).
  const edited = updateImageStream(
    first.stream,
    { ...first.stream, spec: { ...first.stream.spec, lookupPolicy: { local: true } } },
    registry,
  );
  const second = applyImageStreamMapping(
    edited,
    deepFreeze({
      metadata: { name: "origin-ruby-sample", namespace: "test" },
      tag: "latest",
      image: { metadata: { name: NEW }, dockerImageReference: `${REPO}@${NEW}` },
    }),
    { ...registry, now: "2016-03-02T10:15:09Z", getImage: (n) => (n === OLD ? first.image : undefined) },
  );

  it("R10 a second push gives the two-item history of seed 002 example 2, newest first", () => {
    expect(edited.metadata?.generation).toBe(2);
    expect(second.stream.status?.tags).toEqual([
      {
        tag: "latest",
        items: [
          {
            created: "2016-03-02T10:15:09Z",
            dockerImageReference: `${REPO}@${NEW}`,
            generation: 2,
            image: NEW,
          },
          {
            created: "2016-01-29T13:40:11Z",
            dockerImageReference: `${REPO}@${OLD}`,
            generation: 1,
            image: OLD,
          },
        ],
      },
    ]);
  });

  it("R10.6 pushing the same image again changes nothing and returns the same stream", () => {
    const again = applyImageStreamMapping(
      second.stream,
      {
        metadata: { name: "origin-ruby-sample", namespace: "test" },
        tag: "latest",
        image: { metadata: { name: NEW }, dockerImageReference: `${REPO}@${NEW}` },
      },
      { ...registry, now: "2016-03-03T00:00:00Z", getImage: () => second.image },
    );
    expect(again.stream).toBe(second.stream);
    expect(again.imageCreated).toBe(false);
  });

  it("R13.6 the older image is still reachable as origin-ruby-sample@<id>", () => {
    const catalog = createCatalog({ imageStreams: [second.stream], images: [first.image, second.image] });
    const isimage = getImageStreamImage(second.stream, OLD.slice(0, 20), catalog);
    expect(isimage.metadata?.name).toBe(`origin-ruby-sample@${OLD.slice(0, 20)}`);
    expect(isimage.image?.metadata?.name).toBe(OLD);
  });

  it("rollback: tagging the older image back (ImageStreamImage source) puts it on top again", () => {
    const catalog = createCatalog({ imageStreams: [second.stream], images: [first.image, second.image] });
    const { stream, imageStreamTag, created } = updateImageStreamTag(
      second.stream,
      deepFreeze({
        metadata: { name: "origin-ruby-sample:latest", namespace: "test" },
        tag: { name: "latest", from: { kind: "ImageStreamImage", name: `origin-ruby-sample@${OLD}` } },
      }),
      { ...catalog, ...registry, now: "2016-03-04T08:00:00Z" },
    );
    expect(created).toBe(true);
    expect(stream.metadata?.generation).toBe(3);
    const items = stream.status?.tags?.[0]?.items ?? [];
    expect(items.map((i) => i.image)).toEqual([OLD, NEW, OLD]);
    expect(items[0]).toEqual({
      created: "2016-03-04T08:00:00Z",
      dockerImageReference: `${REPO}@${OLD}`,
      image: OLD,
      generation: 3,
    });
    expect(items[1]).toBe(second.stream.status?.tags?.[0]?.items[0]);
    expect(imageStreamTag.image?.metadata?.name).toBe(OLD);
    expect(getImageStreamTag(stream, "latest", catalog).generation).toBe(3);
  });
});
