import { fc } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { isValidTagName, planTag } from "../../src/client/tag-plan.js";
import { BadRequestError, NotFoundError } from "../../src/errors.js";
import type { ImageStream } from "../../src/model/index.js";
import { deepFreeze } from "../support/freeze.js";

const D1 = "sha256:49c18358df82f4577386404991c51a9559f243e0b1bdc366df25ab0ff1c0a1b1";

const python = deepFreeze({
  metadata: { name: "python", namespace: "default" },
  spec: { lookupPolicy: { local: false }, tags: [] },
  status: {
    dockerImageRepository: "",
    tags: [
      {
        tag: "3.5",
        items: [
          {
            created: "2017-10-02T17:05:11Z",
            dockerImageReference: `centos/python-35-centos7@${D1}`,
            image: D1,
            generation: 2,
          },
        ],
      },
      {
        tag: "ref",
        items: [
          {
            created: "2017-10-02T17:05:11Z",
            dockerImageReference: "quay.io/a/b:1",
            image: "",
            generation: 2,
          },
        ],
      },
      {
        tag: "bad",
        items: [
          { created: "2017-10-02T17:05:11Z", dockerImageReference: "Not A Ref", image: "", generation: 2 },
        ],
      },
      { tag: "empty", items: [] },
    ],
  },
}) as unknown as ImageStream;

const getImageStream = (ns: string, name: string) =>
  ns === "default" && name === "python" ? python : undefined;

function msg(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestError);
    return (e as Error).message;
  }
  throw new Error("expected an error");
}

const base = { namespace: "default" } as const;

describe("planTag — arguments (R15.1, R15.2)", () => {
  it("R15.1 no source and no destination is a usage error", () => {
    expect(msg(() => planTag({ ...base, destinations: [] }))).toBe(
      "you must specify a source and at least one destination or one or more tags to delete",
    );
  });

  it("R15.1 a source without destination: at least a destination is required", () => {
    expect(msg(() => planTag({ ...base, source: "ruby", destinations: [] }))).toBe(
      "at least a destination is required",
    );
    expect(msg(() => planTag({ ...base, delete: true, destinations: [] }))).toBe(
      "at least a destination is required",
    );
  });

  it("R15.2 invalid --source value lists the valid ones", () => {
    expect(msg(() => planTag({ ...base, sourceKind: "image", source: "ruby", destinations: ["a:b"] }))).toBe(
      'invalid source "image"; valid values are docker, dockerimage, imagestreamimage, imagestreamtag, isimage, istag',
    );
  });

  it("R15.2 --source values map to kinds, case-insensitively", () => {
    const k = (sourceKind: string, source: string) =>
      planTag({ ...base, sourceKind, source, destinations: ["a:b"], alias: false }, { getImageStream }).source
        ?.kind;
    expect(k("docker", "ruby:2.0")).toBe("DockerImage");
    expect(k("DockerImage", "ruby:2.0")).toBe("DockerImage");
    expect(k("isimage", `ruby@${D1}`)).toBe("ImageStreamImage");
    expect(k("ImageStreamImage", `ruby@${D1}`)).toBe("ImageStreamImage");
    expect(
      planTag({ ...base, sourceKind: "istag", source: "ruby:2.0", destinations: ["ruby:b"], alias: true })
        .source?.kind,
    ).toBe("ImageStreamTag");
    expect(
      planTag({ ...base, sourceKind: "imagestreamtag", source: "ruby:2.0", destinations: ["x:b"] })
        .needsResolution,
    ).toBe(true);
  });
});

describe("planTag — SOURCE (R15.3, R15.4, R15.5)", () => {
  it("R15.3 an unparseable SOURCE is reported with the parser's message", () => {
    expect(msg(() => planTag({ ...base, source: "Foo", destinations: ["a:b"] }))).toMatch(
      /^invalid SOURCE: /,
    );
  });

  it("R15.3 a registry is only allowed for container images", () => {
    expect(
      msg(() => planTag({ ...base, sourceKind: "istag", source: "quay.io/a/b:1", destinations: ["a:b"] })),
    ).toBe("server in SOURCE is only allowed when providing a container image");
  });

  it("R15.3 --source=ImageStreamTag needs a tag, --source=ImageStreamImage an ID", () => {
    expect(msg(() => planTag({ ...base, sourceKind: "istag", source: "ruby", destinations: ["a:b"] }))).toBe(
      "--source=ImageStreamTag requires a valid <name>:<tag> in SOURCE",
    );
    expect(
      msg(() => planTag({ ...base, sourceKind: "isimage", source: "ruby:1", destinations: ["a:b"] })),
    ).toBe("--source=ImageStreamImage requires a valid <name>@<id> in SOURCE");
  });

  it("R15.3 namespace library is replaced by the current project for explicit stream kinds", () => {
    const plan = planTag({
      ...base,
      sourceKind: "isimage",
      source: `library/ruby@${D1}`,
      destinations: ["x:y"],
    });
    expect(plan.source?.ref.namespace).toBe("default");
    expect(plan.steps[0]?.imageStreamTag?.tag.from).toEqual({
      kind: "ImageStreamImage",
      name: `ruby@${D1}`,
      namespace: "default",
    });
  });

  it("R15.4 kind inference: registry → DockerImage, ID → ImageStreamImage, tag → ImageStreamTag, else DockerImage", () => {
    const kind = (source: string) => planTag({ ...base, source, destinations: ["x:y"] }).source?.kind;
    expect(kind("docker.io/ruby:2.0")).toBe("DockerImage");
    expect(kind(`ruby@${D1}`)).toBe("ImageStreamImage");
    expect(kind("ruby:2.0")).toBe("ImageStreamTag");
    expect(kind("ruby")).toBe("DockerImage");
    expect(kind("openshift/ruby")).toBe("DockerImage");
  });

  it("R15.5 a non-alias ImageStreamTag source becomes the ImageStreamImage it points to", () => {
    const plan = planTag(
      { ...base, source: "python:3.5", destinations: ["python:latest"] },
      { getImageStream },
    );
    expect(plan.needsResolution).toBe(false);
    expect(plan.source?.kind).toBe("ImageStreamImage");
    expect(plan.steps[0]?.imageStreamTag?.tag.from).toEqual({
      kind: "ImageStreamImage",
      name: `python@${D1}`,
    });
    expect(plan.steps[0]?.message).toBe(`Tag python:latest set to python@${D1}.`);
  });

  it("R15.5 a source tag whose event has no image becomes its DockerImage pull spec", () => {
    const plan = planTag({ ...base, source: "python:ref", destinations: ["python:x"] }, { getImageStream });
    expect(plan.source?.kind).toBe("DockerImage");
    expect(plan.steps[0]?.imageStreamTag?.tag.from).toEqual({ kind: "DockerImage", name: "quay.io/a/b:1" });
    expect(plan.steps[0]?.imageStreamTag?.tag.generation).toBe(0);
  });

  it("R15.5 errors: no image, invalid pull spec, missing stream", () => {
    expect(
      msg(() => planTag({ ...base, source: "python:empty", destinations: ["python:x"] }, { getImageStream })),
    ).toBe('"python:empty" is not currently pointing to an image, cannot use it as the source of a tag');
    expect(
      msg(() => planTag({ ...base, source: "python:nope", destinations: ["python:x"] }, { getImageStream })),
    ).toBe('"python:nope" is not currently pointing to an image, cannot use it as the source of a tag');
    expect(
      msg(() => planTag({ ...base, source: "python:bad", destinations: ["python:x"] }, { getImageStream })),
    ).toMatch(/^the image stream tag "python:bad" has an invalid pull spec and cannot be used to tag: /);
    expect(() =>
      planTag({ ...base, source: "other:1", destinations: ["python:x"] }, { getImageStream }),
    ).toThrow(NotFoundError);
  });

  it("R15.5 --alias keeps the ImageStreamTag source", () => {
    const plan = planTag(
      { ...base, source: "python:3.5", destinations: ["python:latest"], alias: true },
      { getImageStream },
    );
    expect(plan.source?.kind).toBe("ImageStreamTag");
    expect(plan.steps[0]?.imageStreamTag?.tag.from).toEqual({ kind: "ImageStreamTag", name: "python:3.5" });
    expect(plan.steps[0]?.message).toBe("Tag python:latest set up to track python:3.5.");
  });
});

describe("planTag — DEST (R15.6, R15.9)", () => {
  it("R15.6 DEST namespace/stream errors", () => {
    const src = { ...base, source: "docker.io/ruby:1" };
    expect(msg(() => planTag({ ...src, destinations: ["a/b/c:1"] }))).toBe('invalid image stream "a/b/c:1"');
    expect(msg(() => planTag({ ...src, destinations: ["/c:1"] }))).toBe(
      'invalid namespace "" for image stream "/c:1"',
    );
    expect(msg(() => planTag({ ...src, destinations: ["a/"] }))).toBe(
      'invalid name "" for image stream "a/"',
    );
    expect(msg(() => planTag({ ...src, destinations: ["ruby"] }))).toBe(
      '"ruby" must be of the form <stream_name>:<tag>',
    );
    expect(msg(() => planTag({ ...base, delete: true, destinations: ["ruby"] }))).toBe(
      '"ruby" must be of the form <stream_name>:<tag>',
    );
  });

  it("R15.6 `stream:` means tag latest; namespace/ prefix sets the destination namespace", () => {
    const plan = planTag({ ...base, source: "docker.io/ruby:1", destinations: ["ruby:", "other/ruby:2"] });
    expect(plan.steps[0]?.destination).toEqual({
      namespace: "default",
      name: "ruby",
      tag: "latest",
      nameAndTag: "ruby:",
      sameNamespace: true,
    });
    expect(plan.steps[0]?.imageStreamTag?.metadata).toEqual({ name: "ruby:latest", namespace: "default" });
    expect(plan.steps[1]?.destination.namespace).toBe("other");
    expect(plan.steps[1]?.destination.sameNamespace).toBe(false);
  });

  it("R15.9 tag names must match ^[\\w][\\w.-]{0,127}$", () => {
    const tagMsg = (t: string) =>
      `invalid tag "${t}" format, tags must start with an alphanumeric character followed by alphanumeric, '.' or '-' characters, and have a maximum of 128 characters`;
    const src = { ...base, source: "docker.io/ruby:1" };
    expect(msg(() => planTag({ ...src, destinations: ["ruby:.x"] }))).toBe(tagMsg(".x"));
    expect(msg(() => planTag({ ...src, destinations: ["ruby:a+b"] }))).toBe(tagMsg("a+b"));
    expect(msg(() => planTag({ ...src, destinations: [`ruby:${"a".repeat(129)}`] }))).toBe(
      tagMsg("a".repeat(129)),
    );
    expect(planTag({ ...src, destinations: [`ruby:_${"a".repeat(127)}`] }).steps).toHaveLength(1);
    expect(planTag({ ...src, destinations: ["ruby:1.0-rc_1"] }).steps[0]?.destination.tag).toBe("1.0-rc_1");
  });

  it("R15.8 tag names are not validated for deletion", () => {
    const plan = planTag({ ...base, delete: true, destinations: ["ruby:.x"] });
    expect(plan.steps[0]?.message).toBe("Deleted tag default/ruby:.x.");
    expect(plan.steps[0]?.imageStreamTag).toBeUndefined();
  });
});

describe("planTag — validation order and messages (R15.7)", () => {
  const dests = { destinations: ["ruby:tip"] };
  it("R15.7 --alias with --delete", () => {
    expect(msg(() => planTag({ ...base, ...dests, delete: true, alias: true }))).toBe(
      "--alias and --delete may not be both specified",
    );
  });
  it("R15.7 reference policy must be exactly source or local", () => {
    expect(msg(() => planTag({ ...base, ...dests, source: "ruby", referencePolicy: "Local" }))).toBe(
      "reference policy must be set to 'source' or 'local'",
    );
    expect(msg(() => planTag({ ...base, ...dests, delete: true, referencePolicy: "" }))).toBe(
      "reference policy must be set to 'source' or 'local'",
    );
  });
  it("R15.7 delete-mode checks in order", () => {
    expect(msg(() => planTag({ ...base, ...dests, delete: true, sourceKind: "docker", source: "x" }))).toBe(
      "cannot specify a source kind when deleting",
    );
    expect(msg(() => planTag({ ...base, ...dests, delete: true, source: "x", scheduled: true }))).toBe(
      "cannot specify a source when deleting",
    );
    expect(msg(() => planTag({ ...base, ...dests, delete: true, insecure: true }))).toBe(
      "cannot set flags for importing images when deleting a tag",
    );
    expect(msg(() => planTag({ ...base, ...dests, delete: true, importMode: "Legacy" }))).toBe(
      "cannot specify an import mode when deleting",
    );
  });
  it("R15.7 a source kind and a source are required", () => {
    expect(msg(() => planTag({ ...base, ...dests }))).toBe("a source kind is required");
    expect(msg(() => planTag({ ...base, ...dests, sourceKind: "docker" }))).toBe("a source is required");
  });
  it("R15.7 importing flags only for container images", () => {
    expect(msg(() => planTag({ ...base, ...dests, source: `ruby@${D1}`, scheduled: true }))).toBe(
      "only container images can have importing flags set",
    );
    expect(msg(() => planTag({ ...base, ...dests, source: "ruby:1", alias: true, insecure: true }))).toBe(
      "only container images can have importing flags set",
    );
  });
  it("R15.7 alias with import flags, alias across streams", () => {
    expect(
      msg(() =>
        planTag({ ...base, ...dests, sourceKind: "docker", source: "ruby:1", alias: true, scheduled: true }),
      ),
    ).toBe("cannot set a container image tag as an alias and also set import flags");
    expect(msg(() => planTag({ ...base, source: "ruby:1", alias: true, destinations: ["other:tip"] }))).toBe(
      "cannot set alias across different Image Streams",
    );
    expect(
      msg(() => planTag({ ...base, source: "ruby:1", alias: true, destinations: ["ns2/ruby:tip"] })),
    ).toBe("cannot set alias across different Image Streams");
    expect(msg(() => planTag({ ...base, source: "ruby:1", alias: true, destinations: ["ruby"] }))).toBe(
      '"ruby" must be of the form <stream_name>:<tag>',
    );
  });
  it("R15.7 upstream TestTag cases: alias across namespaces / across image streams", () => {
    expect(
      msg(() =>
        planTag({
          namespace: "myproject2",
          source: "openshift/ruby:latest",
          alias: true,
          destinations: ["yourproject/rails:tip"],
        }),
      ),
    ).toBe("cannot set alias across different Image Streams");
    expect(
      msg(() =>
        planTag({
          namespace: "myproject2",
          source: "yourproject/rails:latest",
          alias: true,
          destinations: ["yourproject/python:alias"],
        }),
      ),
    ).toBe("cannot set alias across different Image Streams");
    expect(
      msg(() =>
        planTag({
          namespace: "myproject",
          source: "openshift/ruby:latest",
          sourceKind: "istag",
          importMode: "NoPreserveOriginal",
          destinations: ["yourproject2/rails:tip"],
        }),
      ),
    ).toBe("valid ImportMode values are Legacy or PreserveOriginal");
  });

  it("R15.10 upstream 'tag across namespaces': from keeps the SOURCE namespace", () => {
    const plan = planTag({
      namespace: "myproject2",
      source: "openshift/ruby:latest",
      destinations: ["yourproject/rails:tip"],
    });
    expect(plan.needsResolution).toBe(true);
    expect(plan.steps[0]?.imageStreamTag?.tag.from).toEqual({
      kind: "ImageStreamTag",
      name: "ruby:latest",
      namespace: "openshift",
    });
    expect(plan.steps[0]?.imageStreamTag?.tag.importPolicy?.importMode).toBe("Legacy");
    expect(plan.steps[0]?.message).toBe("Tag yourproject/rails:tip set to openshift/ruby:latest.");
  });

  it("R15.7 the SOURCE namespace is not compared for aliases", () => {
    const plan = planTag({ ...base, source: "ns2/ruby:1", alias: true, destinations: ["ruby:tip"] });
    expect(plan.steps[0]?.imageStreamTag?.tag.from).toEqual({
      kind: "ImageStreamTag",
      name: "ruby:1",
      namespace: "ns2",
    });
  });
  it("R15.7 import mode: empty is Legacy, only Legacy/PreserveOriginal accepted", () => {
    const mode = (importMode?: string) =>
      planTag({
        ...base,
        ...dests,
        source: "docker.io/ruby:1",
        ...(importMode === undefined ? {} : { importMode }),
      }).steps[0]?.imageStreamTag?.tag.importPolicy?.importMode;
    expect(mode()).toBe("Legacy");
    expect(mode("")).toBe("Legacy");
    expect(mode("PreserveOriginal")).toBe("PreserveOriginal");
    expect(msg(() => mode("legacy"))).toBe("valid ImportMode values are Legacy or PreserveOriginal");
  });
  it("R15.7 malformed input never escapes as a TypeError", () => {
    expect(msg(() => planTag(null as never))).toBe("a tag request object is required");
    expect(msg(() => planTag({ namespace: "default", source: "ruby", destinations: [42 as never] }))).toBe(
      'invalid image stream "42"',
    );
    expect(
      msg(() => planTag({ namespace: "default", source: "ruby", destinations: [Object.create(null)] })),
    ).toBe('invalid image stream "{}"');
    expect(isValidTagName(null as never)).toBe(false);
    expect(msg(() => planTag({ namespace: "default", source: "ruby", destinations: "x" as never }))).toBe(
      "at least a destination is required",
    );
  });
});

describe("planTag — request and messages (R15.10, R15.11)", () => {
  it("R15.10 DockerImage: from.name = Exact(SOURCE), generation 0, flags copied", () => {
    const plan = planTag({
      ...base,
      source: "docker.io/python:3.6.0",
      destinations: ["python:3.6"],
      insecure: true,
      reference: true,
      referencePolicy: "local",
      importMode: "PreserveOriginal",
    });
    expect(plan.steps[0]?.imageStreamTag).toEqual({
      kind: "ImageStreamTag",
      apiVersion: "image.openshift.io/v1",
      metadata: { name: "python:3.6", namespace: "default" },
      tag: {
        name: "3.6",
        annotations: null,
        from: { kind: "DockerImage", name: "docker.io/python:3.6.0" },
        reference: true,
        generation: 0,
        importPolicy: { insecure: true, scheduled: false, importMode: "PreserveOriginal" },
        referencePolicy: { type: "Local" },
      },
    });
  });

  it("R15.10 stream kinds: NameString without namespace, from.namespace only when needed", () => {
    const same = planTag({ ...base, source: `ruby@${D1}`, destinations: ["x:y", "other/x:y"] });
    expect(same.steps[0]?.imageStreamTag?.tag.from).toEqual({ kind: "ImageStreamImage", name: `ruby@${D1}` });
    expect(same.steps[0]?.imageStreamTag?.tag.generation).toBeNull();
    expect(same.steps[1]?.imageStreamTag?.tag.from).toEqual({
      kind: "ImageStreamImage",
      name: `ruby@${D1}`,
      namespace: "default",
    });
    const ns = planTag({ ...base, source: `openshift/ruby@${D1}`, destinations: ["x:y"] });
    expect(ns.steps[0]?.imageStreamTag?.tag.from).toEqual({
      kind: "ImageStreamImage",
      name: `ruby@${D1}`,
      namespace: "openshift",
    });
    expect(ns.steps[0]?.message).toBe(`Tag x:y set to openshift/ruby@${D1}.`);
  });

  it("R15.11 seed 003: oc tag docker.io/python:3.6.0 python:3.6 [--scheduled]", () => {
    expect(
      planTag({ ...base, source: "docker.io/python:3.6.0", destinations: ["python:3.6"] }).steps[0]?.message,
    ).toBe("Tag python:3.6 set to docker.io/python:3.6.0.");
    expect(
      planTag({ ...base, source: "docker.io/python:3.6.0", destinations: ["python:3.6"], scheduled: true })
        .steps[0]?.message,
    ).toBe("Tag python:3.6 set to import docker.io/python:3.6.0 periodically.");
  });

  it("R15.11 cross-namespace variants (scheduled lacks 'import', §18.9)", () => {
    const plan = planTag({
      ...base,
      source: "docker.io/python:3.6.0",
      destinations: ["ns2/python:3.6"],
      scheduled: true,
    });
    expect(plan.steps[0]?.message).toBe("Tag ns2/python:3.6 set to docker.io/python:3.6.0 periodically.");
    expect(
      planTag({ ...base, source: "docker.io/python:3.6.0", destinations: ["ns2/python:3.6"] }).steps[0]
        ?.message,
    ).toBe("Tag ns2/python:3.6 set to docker.io/python:3.6.0.");
  });

  it("R15.11 alias messages", () => {
    const plan = planTag({ ...base, source: "python:3.5", destinations: ["python:latest"], alias: true });
    expect(plan.steps[0]?.message).toBe("Tag python:latest set up to track python:3.5.");
    const other = planTag({
      namespace: "ns2",
      source: "python:3.5",
      destinations: ["ns2/python:latest"],
      alias: true,
    });
    expect(other.steps[0]?.message).toBe("Tag python:latest set up to track python:3.5.");
  });

  it("R15.8 delete plan: one step per destination with the Deleted message", () => {
    const plan = planTag({ ...base, delete: true, destinations: ["python:3.5", "ns2/ruby:1"] });
    expect(plan.operation).toBe("delete");
    expect(plan.steps.map((s) => s.message)).toEqual([
      "Deleted tag default/python:3.5.",
      "Deleted tag ns2/ruby:1.",
    ]);
  });

  it("planTag does not mutate a frozen request", () => {
    const request = deepFreeze({ ...base, source: "docker.io/ruby:1", destinations: ["ruby:1"] });
    expect(planTag(request).steps).toHaveLength(1);
  });
});

describe("planTag — properties", () => {
  const arbFlags = fc.record(
    {
      alias: fc.boolean(),
      delete: fc.boolean(),
      reference: fc.boolean(),
      scheduled: fc.boolean(),
      insecure: fc.boolean(),
      sourceKind: fc.constantFrom("docker", "istag", "isimage", "image", ""),
      referencePolicy: fc.constantFrom("source", "local", "Local"),
      importMode: fc.constantFrom("", "Legacy", "PreserveOriginal", "legacy"),
    },
    { requiredKeys: [] },
  );
  const arbArg = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      "python:3.5",
      "ns/python:latest",
      "docker.io/python:3.6.0",
      `ruby@${D1}`,
      "a/b/c",
      "x:",
      ":",
    ),
  );

  it("R15.1–R15.9 any arguments: a plan or a BadRequest/NotFound error, never anything else", () => {
    fc.assert(
      fc.property(
        fc.option(arbArg, { nil: undefined }),
        fc.array(arbArg, { maxLength: 3 }),
        arbFlags,
        (source, destinations, flags) => {
          try {
            const plan = planTag(
              { namespace: "default", source, destinations, ...flags },
              { getImageStream },
            );
            expect(plan.steps).toHaveLength(destinations.length);
            for (const step of plan.steps) {
              expect(step.message.startsWith(plan.operation === "delete" ? "Deleted tag " : "Tag ")).toBe(
                true,
              );
            }
          } catch (e) {
            expect(e instanceof BadRequestError || e instanceof NotFoundError).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("R15.10/R15.11 a container image source always yields generation 0 and `Tag <dest> set to <exact>.`", () => {
    const arbTagName = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/);
    fc.assert(
      fc.property(arbTagName, arbTagName, (srcTag, destTag) => {
        const plan = planTag({
          namespace: "default",
          source: `quay.io/org/app:${srcTag}`,
          destinations: [`app:${destTag}`],
        });
        const step = plan.steps[0];
        expect(step?.imageStreamTag?.tag.generation).toBe(0);
        expect(step?.imageStreamTag?.tag.from).toEqual({
          kind: "DockerImage",
          name: `quay.io/org/app:${srcTag}`,
        });
        expect(step?.message).toBe(`Tag app:${destTag} set to quay.io/org/app:${srcTag}.`);
      }),
      { numRuns: 100 },
    );
  });
});
