/**
 * Every case of library-go `pkg/image/imageutil/helpers_test.go`: `TestJoinImageStreamTag`,
 * `TestParseImageStreamTagName`, `TestParseImageStreamImageName`, `TestPrioritizeTags` and
 * `TestResolvePullSpecForTag`, checked against our public functions.
 *
 * Upstream only asserts "an error" for the failing stream names; the expected messages here are
 * the ones docs/behaviour.md R2.4 / R2.5 give (library-go's `fmt.Errorf` texts for those inputs).
 */
import { describe, expect, it } from "vitest";
import {
  BadRequestError,
  ImageReferenceError,
  type ImageStream,
  joinImageStreamTag,
  type PullSpecResolution,
  parseImageStreamImageName,
  parseImageStreamTagName,
  resolvePullSpecForTag,
  type TagEvent,
  type TagReference,
} from "../support/all.js";
import { thrown } from "../support/thrown.js";

describe("R2.3 joinImageStreamTag: library-go TestJoinImageStreamTag", () => {
  it.each([
    ["foo", "bar", "foo:bar"],
    ["foo", "", "foo:latest"],
  ])("R2.3 TestJoinImageStreamTag (%j, %j) → %j", (name, tag, want) => {
    expect(joinImageStreamTag(name, tag)).toBe(want);
  });
});

describe("R2.4 parseImageStreamTagName: library-go TestParseImageStreamTagName", () => {
  const oneColon = (s: string) => `expected exactly one : delimiter in the istag ${JSON.stringify(s)}`;
  it.each([
    ["empty id", "", oneColon("")],
    ["missing semicolon", "hello", oneColon("hello")],
    ["too many semicolons", "a:b:c", oneColon("a:b:c")],
    ["empty name", ":tag", 'image stream tag name ":tag" must have a name and a tag'],
    ["empty tag", "name", oneColon("name")],
  ])("R2.4 TestParseImageStreamTagName %s (%j) is an error", (_desc, input, message) => {
    const err = thrown(() => parseImageStreamTagName(input));
    expect(err).toBeInstanceOf(ImageReferenceError);
    expect((err as ImageReferenceError).kind).toBe("ImageStreamTagName");
    expect((err as ImageReferenceError).message).toBe(message);
  });
  it("R2.4 TestParseImageStreamTagName happy path", () => {
    expect(parseImageStreamTagName("name:tag")).toEqual({ name: "name", tag: "tag" });
  });
});

describe("R2.5 parseImageStreamImageName: library-go TestParseImageStreamImageName", () => {
  const oneAt = (s: string) => `expected exactly one @ in the isimage name ${JSON.stringify(s)}`;
  it.each([
    ["empty string", "", oneAt("")],
    ["one part", "a", oneAt("a")],
    ["more than 2 parts", "a@b@c", oneAt("a@b@c")],
    ["empty name part", "@id", 'image stream image name "@id" must have a name and ID'],
    ["empty id part", "name@", 'image stream image name "name@" must have a name and ID'],
  ])("R2.5 TestParseImageStreamImageName %s (%j) is an error", (_desc, input, message) => {
    const err = thrown(() => parseImageStreamImageName(input));
    expect(err).toBeInstanceOf(ImageReferenceError);
    expect((err as ImageReferenceError).kind).toBe("ImageStreamImageName");
    expect((err as ImageReferenceError).message).toBe(message);
  });
  it("R2.5 TestParseImageStreamImageName valid input", () => {
    expect(parseImageStreamImageName("repo@id")).toEqual({ name: "repo", id: "id" });
  });
});

// library-go TestPrioritizeTags (R2.9) is transcribed in test/resolve/prioritize.test.ts.

describe("R12.4 resolvePullSpecForTag: library-go TestResolvePullSpecForTag", () => {
  const meta = { name: "stream1", namespace: "test" };
  const INTERNAL = "registry.test.svc/test/stream1";
  const PUBLIC = "registry.test.public/test/stream1";
  const SHA = "sha256:13897c84ca5715a68feafcce9acf779f35806f42d1fcd37e8a2a5706c075252d";
  const FIRST = "quay.io/test/first:tag";

  const specTag = (
    policy: "Source" | "Local",
    from: TagReference["from"] | undefined,
    generation?: number,
  ): TagReference => ({
    name: "1",
    referencePolicy: { type: policy },
    ...(from === undefined ? {} : { from }),
    ...(generation === undefined ? {} : { generation }),
  });
  const event = (dockerImageReference: string, generation: number, image = ""): TagEvent => ({
    created: "2019-01-01T00:00:00Z",
    dockerImageReference,
    image,
    generation,
  });
  const stream = (spec: TagReference | undefined, items: TagEvent[] = []): ImageStream => ({
    metadata: meta,
    spec: { tags: spec === undefined ? [] : [spec] },
    status: {
      dockerImageRepository: INTERNAL,
      tags: items.length === 0 ? [] : [{ tag: "1", items }],
    },
  });
  const result = (r: Partial<PullSpecResolution>): PullSpecResolution => ({
    pullSpec: "",
    hasNewer: false,
    hasStatus: false,
    isTagEmpty: false,
    ...r,
  });

  it("R12.4 TestResolvePullSpecForTag: empty tag, no repository → ErrNoStreamRepository", () => {
    const err = thrown(() => resolvePullSpecForTag({ metadata: meta }, "empty", {}));
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as Error).message).toBe("no image repository has been set on the image stream status");
  });

  const cases: ReadonlyArray<{
    name: string;
    stream: ImageStream;
    tag: string;
    defaultExternal?: boolean;
    requireLatest?: boolean;
    want: PullSpecResolution;
  }> = [
    {
      name: "empty tag → internal repository",
      stream: { metadata: meta, status: { dockerImageRepository: INTERNAL } },
      tag: "empty",
      want: result({ isTagEmpty: true, pullSpec: `${INTERNAL}:empty` }),
    },
    {
      name: "empty tag, defaultExternal without public repository → internal repository",
      stream: { metadata: meta, status: { dockerImageRepository: INTERNAL } },
      tag: "empty",
      defaultExternal: true,
      want: result({ isTagEmpty: true, pullSpec: `${INTERNAL}:empty` }),
    },
    {
      name: "empty tag, defaultExternal → public repository",
      stream: {
        metadata: meta,
        status: { dockerImageRepository: INTERNAL, publicDockerImageRepository: PUBLIC },
      },
      tag: "empty",
      defaultExternal: true,
      want: result({ isTagEmpty: true, pullSpec: `${PUBLIC}:empty` }),
    },
    {
      name: "empty tag, defaultExternal → public repository (repeated upstream case)",
      stream: {
        metadata: meta,
        status: { dockerImageRepository: INTERNAL, publicDockerImageRepository: PUBLIC },
      },
      tag: "empty",
      defaultExternal: true,
      want: result({ isTagEmpty: true, pullSpec: `${PUBLIC}:empty` }),
    },
    {
      name: "Source spec tag without from",
      stream: stream(specTag("Source", undefined)),
      tag: "1",
      want: result({ isTagEmpty: true, pullSpec: `${INTERNAL}:1` }),
    },
    {
      name: "Source spec tag from an ImageStreamTag",
      stream: stream(specTag("Source", { kind: "ImageStreamTag", name: "other" })),
      tag: "1",
      want: result({ isTagEmpty: true, pullSpec: `${INTERNAL}:1` }),
    },
    {
      name: "image hasn't been imported yet and isn't source policy, must wait for status (ImageStreamTag)",
      stream: stream(specTag("Local", { kind: "ImageStreamTag", name: "test" })),
      tag: "1",
      want: result({ isTagEmpty: true, pullSpec: `${INTERNAL}:1` }),
    },
    {
      name: "image hasn't been imported yet and isn't source policy, must wait for status (DockerImage)",
      stream: stream(specTag("Local", { kind: "DockerImage", name: FIRST })),
      tag: "1",
      want: result({ isTagEmpty: true, pullSpec: `${INTERNAL}:1` }),
    },
    {
      name: "Source DockerImage spec tag without status → from.name",
      stream: stream(specTag("Source", { kind: "DockerImage", name: FIRST })),
      tag: "1",
      want: result({ pullSpec: FIRST }),
    },
    {
      name: "newer spec tag returning older",
      stream: stream(specTag("Source", { kind: "DockerImage", name: FIRST }, 5), [
        event("quay.io/test/first:older", 4),
      ]),
      tag: "1",
      want: result({ hasStatus: true, hasNewer: true, pullSpec: "quay.io/test/first:older" }),
    },
    {
      name: "newer spec tag requiring latest",
      stream: stream(specTag("Source", { kind: "DockerImage", name: FIRST }, 5), [
        event("quay.io/test/first:older", 4),
      ]),
      tag: "1",
      requireLatest: true,
      want: result({ hasStatus: false, pullSpec: FIRST }),
    },
    {
      name: "spec tag is same generation",
      stream: stream(specTag("Source", { kind: "DockerImage", name: FIRST }, 4), [
        event("quay.io/test/first:older", 4),
      ]),
      tag: "1",
      want: result({ hasStatus: true, hasNewer: false, pullSpec: "quay.io/test/first:older" }),
    },
    {
      name: "spec tag is older generation (pushed image)",
      stream: stream(specTag("Source", { kind: "DockerImage", name: FIRST }, 4), [
        event("quay.io/test/first:newer", 5),
      ]),
      tag: "1",
      want: result({ hasStatus: true, pullSpec: "quay.io/test/first:newer" }),
    },
    {
      name: "local lookup to sha",
      stream: stream(specTag("Local", { kind: "DockerImage", name: FIRST }, 4), [
        event("quay.io/test/first:newer", 5, SHA),
      ]),
      tag: "1",
      want: result({ hasStatus: true, pullSpec: `${INTERNAL}@${SHA}` }),
    },
  ];

  it.each(cases)("R12.4 TestResolvePullSpecForTag: $name", (c) => {
    const opts = { defaultExternal: c.defaultExternal === true, requireLatest: c.requireLatest === true };
    expect(resolvePullSpecForTag(c.stream, c.tag, opts)).toEqual(c.want);
  });
});
