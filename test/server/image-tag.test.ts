import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/errors.js";
import type { Image, ImageStream } from "../../src/model/index.js";
import { getImageTag, listImageTags } from "../../src/server/index.js";
import { deepFreeze } from "../support/freeze.js";
import { digest, ev } from "./helpers.js";
import { SCHEMA2_CONFIG, SCHEMA2_MANIFEST } from "./upstream-manifests.js";

const A = digest("a");
const B = digest("b");

const stream: ImageStream = deepFreeze({
  metadata: { name: "ruby", namespace: "test", uid: "u-1", resourceVersion: "7", labels: { app: "ruby" } },
  spec: {
    lookupPolicy: { local: false },
    tags: [
      { name: "latest", from: { kind: "DockerImage", name: "docker.io/ruby:3" }, generation: 2 },
      { name: "spec-only", from: { kind: "ImageStreamTag", name: "latest" }, generation: 2 },
    ],
  },
  status: {
    dockerImageRepository: "172.30.1.1:5000/test/ruby",
    tags: [
      {
        tag: "latest",
        items: [ev(`docker.io/ruby@${A}`, A, 2), ev(`docker.io/ruby@${B}`, B, 1)],
        conditions: [{ type: "ImportSuccess", status: "False", reason: "NotFound", generation: 2 }],
      },
      { tag: "pushed", items: [ev(`172.30.1.1:5000/test/ruby@${B}`, B, 1)] },
    ],
  },
} as unknown as ImageStream);

const images: Record<string, Image> = {
  [A]: {
    metadata: { name: A },
    dockerImageReference: `docker.io/ruby@${A}`,
    dockerImageManifest: SCHEMA2_MANIFEST,
    dockerImageConfig: SCHEMA2_CONFIG,
  } as Image,
};
const getImage = (name: string) => images[name];

describe("R1.8.1 GET imagetags (newITag)", () => {
  it("R1.8.1 the stream's metadata named <stream>:<tag>, a copy of the spec tag, the status tag's conditions and items", () => {
    const itag = getImageTag(stream, "latest");
    expect(itag.kind).toBe("ImageTag");
    expect(itag.metadata).toEqual({
      name: "ruby:latest",
      namespace: "test",
      uid: "u-1",
      resourceVersion: "7",
      labels: { app: "ruby" },
    });
    expect(itag.spec).toEqual(stream.spec?.tags?.[0]);
    expect(itag.spec).not.toBe(stream.spec?.tags?.[0]);
    expect(itag.status?.tag).toBe("latest");
    expect(itag.status?.items).toEqual(stream.status?.tags?.[0]?.items);
    expect(itag.status?.conditions).toEqual(stream.status?.tags?.[0]?.conditions);
    expect(itag.image).toBeNull();
  });

  it("R1.8.1 with getImage: the image of items[0], manifest and config blanked, reference resolved for the event (R12.3)", () => {
    const itag = getImageTag(stream, "latest", { getImage });
    expect(itag.image?.metadata?.name).toBe(A);
    expect(itag.image?.dockerImageManifest).toBeUndefined();
    expect(itag.image?.dockerImageConfig).toBeUndefined();
    expect(itag.image?.dockerImageReference).toBe(`docker.io/ruby@${A}`);
    expect(images[A]?.dockerImageManifest).toBe(SCHEMA2_MANIFEST);
    // upstream newITag fills the metadata from the manifest before dropping it
    expect(itag.image?.dockerImageMetadata?.Id).toBe(
      "sha256:815d06b56f4138afacd0009b8e3799fcdce79f0507bf8d0588e219b93ab6fd4d",
    );
  });

  it("R1.8.1 an image the catalog does not know is left out (upstream ignores that NotFound)", () => {
    expect(getImageTag(stream, "pushed", { getImage }).image).toBeNull();
  });

  it("R1.8.1 a spec-only tag has status null; a status-only tag has spec null; empty tag means latest", () => {
    const specOnly = getImageTag(stream, "spec-only");
    expect(specOnly.status).toBeNull();
    expect(specOnly.spec?.from?.name).toBe("latest");
    expect(getImageTag(stream, "pushed").spec).toBeNull();
    expect(getImageTag(stream, "").metadata?.name).toBe("ruby:latest");
  });

  it("R1.8.1 NotFound (imagetags, <stream>:<tag>) when the tag has neither a spec nor a status entry", () => {
    expect(() => getImageTag(stream, "nope")).toThrow(NotFoundError);
    expect(() => getImageTag(stream, "nope")).toThrow('imagetags.image.openshift.io "ruby:nope" not found');
  });
});

describe("R1.8.1 LIST imagetags", () => {
  it("R1.8.1 one entry per tag with a spec or a status entry, in string order, image always null", () => {
    const list = listImageTags(stream);
    expect(list.map((t) => t.metadata?.name)).toEqual(["ruby:latest", "ruby:pushed", "ruby:spec-only"]);
    expect(list.every((t) => t.image === null)).toBe(true);
  });

  it("R1.8.1 streams in the given order; duplicated tags count once, the last one wins (R1.11.2)", () => {
    const other = deepFreeze({
      metadata: { name: "a" },
      spec: {
        tags: [
          { name: "x", generation: 1 },
          { name: "x", generation: 5 },
        ],
      },
      status: { tags: [] },
    } as unknown as ImageStream);
    const list = listImageTags([stream, other]);
    expect(list.map((t) => t.metadata?.name)).toEqual([
      "ruby:latest",
      "ruby:pushed",
      "ruby:spec-only",
      "a:x",
    ]);
    expect(list[3]?.spec?.generation).toBe(5);
  });
});
