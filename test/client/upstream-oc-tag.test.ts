/**
 * The test tables of oc `pkg/cli/tag/tag_test.go` (TestTag, TestRunTag_DeleteOld,
 * TestRunTag_AddNew, TestRunTag_AddRestricted, TestRunTag_AddImportMode, TestRunTag_DeleteNew),
 * transcribed as data and run against planTag / tag / untag / tagInCatalog.
 *
 * Upstream builds `TagOptions` by hand (a parsed SOURCE, its kind, the current project and the
 * destinations) and calls `Validate` and `Run`, skipping `Complete`; so a non-alias
 * ImageStreamTag SOURCE is never resolved there. `planTag` without `getImageStream` does the same
 * (it reports `needsResolution`), so the built ImageStreamTag and the printed message are checked
 * through `planTag`. The upstream write path (PUT, then POST, then GET+PUT of the stream against a
 * fake client that answers MethodNotSupported/Forbidden) is an HTTP sequence our pure functions do
 * not have; its end state (the spec tag written or removed) is checked with `tag`, `untag` and
 * `tagInCatalog`, which run `Complete` too and therefore need the source stream to exist.
 */
import { describe, expect, it } from "vitest";
import {
  BadRequestError,
  createCatalog,
  type Image,
  type ImageStream,
  planTag,
  type TagRequest,
  tag,
  tagInCatalog,
  untag,
} from "../support/all.js";
import { deepFreeze } from "../support/freeze.js";
import { thrown } from "../support/thrown.js";

const NOW = "2024-01-02T03:04:05Z";
const OPTS = { now: NOW };
const RUBY_20 = `sha256:${"2".repeat(64)}`;
const RUBY_LATEST = `sha256:${"1".repeat(64)}`;

/** testData() of tag_test.go, in v1 shape. */
function testData(): ImageStream[] {
  const stream = (namespace: string, name: string, rv: string, tags: object[]) =>
    deepFreeze({
      metadata: { name, namespace, resourceVersion: rv, creationTimestamp: "2024-01-01T00:00:00Z" },
      spec: { tags },
    }) as unknown as ImageStream;
  const ist = (name: string, from: string) => ({
    name,
    from: { kind: "ImageStreamTag", name: from, namespace: "openshift" },
  });
  return [
    stream("yourproject", "rails", "10", []),
    stream("yourproject", "rails", "11", [ist("tip", "ruby")]),
    stream("myproject", "rails", "10", [ist("latest", "ruby")]),
    stream("yourproject", "django", "11", [ist("tip", "python")]),
  ];
}

/**
 * The openshift/ruby stream the upstream SOURCE names: upstream never reads it (Complete is
 * skipped), our tag()/tagInCatalog() resolve the SOURCE through it (R15.5).
 */
function openshiftRuby(): ImageStream {
  const event = (image: string) => ({
    created: "2024-01-01T00:00:00Z",
    dockerImageReference: `registry.example.com/openshift/ruby@${image}`,
    image,
    generation: 1,
  });
  return deepFreeze({
    metadata: { name: "ruby", namespace: "openshift", creationTimestamp: "2024-01-01T00:00:00Z" },
    spec: { tags: [] },
    status: {
      dockerImageRepository: "",
      tags: [
        { tag: "2.0", items: [event(RUBY_20)] },
        { tag: "latest", items: [event(RUBY_LATEST)] },
      ],
    },
  }) as unknown as ImageStream;
}

const images: Image[] = [RUBY_20, RUBY_LATEST].map(
  (name) =>
    ({ metadata: { name }, dockerImageReference: `registry.example.com/openshift/ruby@${name}` }) as Image,
);

const specTag = (s: ImageStream | undefined, name: string) => s?.spec?.tags?.find((t) => t.name === name);

/** The TagReference `oc` sends for an ImageStreamTag source (R15.10), import mode as given. */
const istRequest = (tagName: string, from: object, importMode = "Legacy") => ({
  name: tagName,
  annotations: null,
  from,
  reference: false,
  generation: null,
  importPolicy: { insecure: false, scheduled: false, importMode },
  referencePolicy: { type: "Source" },
});

describe("R15.7 / R15.10 / R15.11 planTag — upstream TestTag", () => {
  type Case = {
    name: string;
    request: TagRequest;
    validateErr?: string;
    imageStreamTag?: object;
    message?: string;
  };
  const cases: Case[] = [
    {
      name: "tag across namespaces",
      request: {
        namespace: "myproject2",
        source: "openshift/ruby:latest",
        sourceKind: "ImageStreamTag",
        referencePolicy: "source",
        destinations: ["yourproject/rails:tip"],
      },
      imageStreamTag: {
        kind: "ImageStreamTag",
        apiVersion: "image.openshift.io/v1",
        metadata: { name: "rails:tip", namespace: "yourproject" },
        tag: istRequest("tip", { kind: "ImageStreamTag", name: "ruby:latest", namespace: "openshift" }),
      },
      message: "Tag yourproject/rails:tip set to openshift/ruby:latest.",
    },
    {
      name: "alias tag across namespaces",
      request: {
        namespace: "myproject2",
        source: "openshift/ruby:latest",
        sourceKind: "ImageStreamTag",
        alias: true,
        referencePolicy: "source",
        destinations: ["yourproject/rails:tip"],
      },
      validateErr: "cannot set alias across different Image Streams",
    },
    {
      name: "alias tag across image streams",
      request: {
        namespace: "myproject2",
        source: "yourproject/rails:latest",
        sourceKind: "ImageStreamTag",
        alias: true,
        referencePolicy: "source",
        destinations: ["yourproject/python:alias"],
      },
      validateErr: "cannot set alias across different Image Streams",
    },
    {
      name: "add old",
      request: {
        namespace: "",
        source: "openshift/ruby:2.0",
        sourceKind: "ImageStreamTag",
        referencePolicy: "source",
        destinations: ["yourproject/rails:tip"],
      },
      imageStreamTag: {
        kind: "ImageStreamTag",
        apiVersion: "image.openshift.io/v1",
        metadata: { name: "rails:tip", namespace: "yourproject" },
        tag: istRequest("tip", { kind: "ImageStreamTag", name: "ruby:2.0", namespace: "openshift" }),
      },
      message: "Tag yourproject/rails:tip set to openshift/ruby:2.0.",
    },
  ];

  it.each(cases)("TestTag $name", ({ request, validateErr, imageStreamTag, message }) => {
    if (validateErr !== undefined) {
      const err = thrown(() => planTag(deepFreeze(request)));
      expect(err).toBeInstanceOf(BadRequestError);
      expect((err as Error).message).toBe(validateErr);
      return;
    }
    const plan = planTag(deepFreeze(request));
    expect(plan.operation).toBe("tag");
    expect(plan.needsResolution).toBe(true);
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]?.imageStreamTag).toEqual(imageStreamTag);
    expect(plan.steps[0]?.message).toBe(message);
  });

  it("TestTag alias cases also fail in tagInCatalog, before any write", () => {
    const [s0, , s2, s3] = testData();
    const catalog = createCatalog({
      imageStreams: [s2 as ImageStream, s0 as ImageStream, s3 as ImageStream],
    });
    for (const [source, dest] of [
      ["openshift/ruby:latest", "yourproject/rails:tip"],
      ["yourproject/rails:latest", "yourproject/python:alias"],
    ] as const) {
      const err = thrown(() =>
        tagInCatalog(catalog, { namespace: "myproject2", source, alias: true, destinations: [dest] }, OPTS),
      );
      expect((err as Error).message).toBe("cannot set alias across different Image Streams");
    }
  });

  it("TestTag tag across namespaces / add old: the destination stream gets the spec tag (source resolved, R15.5)", () => {
    const [s0, , s2] = testData();
    const catalog = createCatalog({
      imageStreams: [s2 as ImageStream, s0 as ImageStream, openshiftRuby()],
      images,
    });
    for (const [namespace, source, id] of [
      ["myproject2", "openshift/ruby:latest", RUBY_LATEST],
      ["", "openshift/ruby:2.0", RUBY_20],
    ] as const) {
      const { catalog: next, messages } = tagInCatalog(
        catalog,
        { namespace, source, sourceKind: "ImageStreamTag", destinations: ["yourproject/rails:tip"] },
        OPTS,
      );
      expect(messages).toEqual([`Tag yourproject/rails:tip set to openshift/ruby@${id}.`]);
      const rails = next.getImageStream("yourproject", "rails");
      expect(specTag(rails, "tip")?.from).toEqual({
        kind: "ImageStreamImage",
        name: `ruby@${id}`,
        namespace: "openshift",
      });
      // the other rails stream (myproject) is untouched
      expect(next.getImageStream("myproject", "rails")).toBe(s2);
    }
  });
});

describe("R15.8 untag / tagInCatalog delete — upstream TestRunTag_DeleteOld / TestRunTag_DeleteNew", () => {
  it("TestRunTag_DeleteOld: the spec tag is removed from yourproject/rails (legacy stream update)", () => {
    const s1 = testData()[1] as ImageStream;
    const { stream, message } = untag(s1, { namespace: "", destinations: ["yourproject/rails:tip"] }, OPTS);
    expect(message).toBe("Deleted tag yourproject/rails:tip.");
    expect(specTag(stream, "tip")).toBeUndefined();
    expect(specTag(s1, "tip")).toBeDefined();

    const catalog = createCatalog({ imageStreams: [s1] });
    const { catalog: next, messages } = tagInCatalog(
      catalog,
      { namespace: "", delete: true, destinations: ["yourproject/rails:tip"] },
      OPTS,
    );
    expect(messages).toEqual(["Deleted tag yourproject/rails:tip."]);
    expect(specTag(next.getImageStream("yourproject", "rails"), "tip")).toBeUndefined();
  });

  it("TestRunTag_DeleteNew: an existing image stream tag rails:tip is deleted", () => {
    // The fake server only holds the ImageStreamTag rails:tip; here it is the stream holding it.
    const rails = deepFreeze({
      metadata: { name: "rails", namespace: "yourproject", resourceVersion: "11" },
      spec: { tags: [{ name: "tip", from: { kind: "DockerImage", name: "docker.io/library/ruby:2.0" } }] },
      status: {
        dockerImageRepository: "",
        tags: [
          {
            tag: "tip",
            items: [
              {
                created: "2024-01-01T00:00:00Z",
                dockerImageReference: `docker.io/library/ruby@${RUBY_20}`,
                image: RUBY_20,
                generation: 1,
              },
            ],
          },
        ],
      },
    }) as unknown as ImageStream;
    const { stream, message } = untag(
      rails,
      { namespace: "", destinations: ["yourproject/rails:tip"] },
      OPTS,
    );
    expect(message).toBe("Deleted tag yourproject/rails:tip.");
    expect(specTag(stream, "tip")).toBeUndefined();
    expect(stream.status?.tags?.find((t) => t.tag === "tip")).toBeUndefined();
  });
});

describe("R15.10 / R15.12 planTag + tag — upstream TestRunTag_AddNew / TestRunTag_AddRestricted", () => {
  const request: TagRequest = {
    namespace: "",
    source: "openshift/ruby:2.0",
    sourceKind: "ImageStreamTag",
    destinations: ["yourproject/rails:tip"],
  };

  it.each(["TestRunTag_AddNew", "TestRunTag_AddRestricted"])(
    "%s: one ImageStreamTag write for rails:tip",
    () => {
      const plan = planTag(deepFreeze(request));
      expect(plan.steps).toHaveLength(1);
      expect(plan.steps[0]?.imageStreamTag?.metadata).toEqual({
        name: "rails:tip",
        namespace: "yourproject",
      });
      expect(plan.steps[0]?.imageStreamTag?.tag).toEqual(
        istRequest("tip", { kind: "ImageStreamTag", name: "ruby:2.0", namespace: "openshift" }),
      );
      expect(plan.steps[0]?.message).toBe("Tag yourproject/rails:tip set to openshift/ruby:2.0.");
    },
  );

  it("TestRunTag_AddNew: writing creates/updates yourproject/rails:tip (source resolved, R15.5)", () => {
    const getImageStream = (ns: string, name: string) =>
      ns === "openshift" && name === "ruby" ? openshiftRuby() : undefined;
    const getImage = (name: string) => images.find((i) => i.metadata?.name === name);
    const { stream, message } = tag(undefined, request, { ...OPTS, getImageStream, getImage });
    expect(message).toBe(`Tag yourproject/rails:tip set to openshift/ruby@${RUBY_20}.`);
    expect(stream.metadata?.namespace).toBe("yourproject");
    expect(stream.metadata?.name).toBe("rails");
    expect(specTag(stream, "tip")?.from).toEqual({
      kind: "ImageStreamImage",
      name: `ruby@${RUBY_20}`,
      namespace: "openshift",
    });
  });
});

describe("R15.7 / R15.10 --import-mode — upstream TestRunTag_AddImportMode", () => {
  const base = {
    namespace: "myproject",
    source: "openshift/ruby:latest",
    sourceKind: "ImageStreamTag",
    referencePolicy: "source",
    destinations: ["yourproject2/rails:tip"],
  };
  const cases: Array<[string, string | undefined, string | undefined, string | undefined]> = [
    ["valid tag without specified import mode", undefined, "Legacy", undefined],
    ["valid tag with import mode PreserveOriginal", "PreserveOriginal", "PreserveOriginal", undefined],
    ["valid tag with import mode Legacy", "Legacy", "Legacy", undefined],
    [
      "invalid tag with import mode NoPreserveOriginal",
      "NoPreserveOriginal",
      undefined,
      "valid ImportMode values are Legacy or PreserveOriginal",
    ],
  ];
  it.each(cases)("TestRunTag_AddImportMode %s", (_name, importMode, sent, validateErr) => {
    const request: TagRequest = { ...base, ...(importMode === undefined ? {} : { importMode }) };
    if (validateErr !== undefined) {
      const err = thrown(() => planTag(deepFreeze(request)));
      expect(err).toBeInstanceOf(BadRequestError);
      expect((err as Error).message).toBe(validateErr);
      return;
    }
    const plan = planTag(deepFreeze(request));
    // upstream: update then create of the same ImageStreamTag, both carrying the import mode
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]?.imageStreamTag).toEqual({
      kind: "ImageStreamTag",
      apiVersion: "image.openshift.io/v1",
      metadata: { name: "rails:tip", namespace: "yourproject2" },
      tag: istRequest("tip", { kind: "ImageStreamTag", name: "ruby:latest", namespace: "openshift" }, sent),
    });
    expect(plan.steps[0]?.message).toBe("Tag yourproject2/rails:tip set to openshift/ruby:latest.");
  });
});
