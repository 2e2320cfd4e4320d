import { test as fcTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  describeImage,
  describeImageStream,
  describeImageStreamImage,
  describeImageStreamTag,
  formatImageStreamTags,
} from "../../src/client/describe.js";
import type { ImageStream, ImageStreamTag } from "../../src/model/index.js";
import { arbImage, arbImageStream } from "../support/arbitraries.js";
import { deepFreeze, snapshot } from "../support/freeze.js";
import { ocTestStream, SHA_4BD, SHA_062, SHA_E52 } from "../support/oc-describe-stream.js";

describe("R16.1 describeImageStream", () => {
  const NOW = "2015-03-24T10:38:00Z";

  it("R16.1 item 8: the literal fragments of OC TestFormatImageStreamTags", () => {
    const out = formatImageStreamTags(ocTestStream, { now: NOW });
    for (const s of [
      "no spec tag",
      "tag without source image",
      "Unique Images:\t3",
      "Tags:\t\t6",
      "* registry:5000/foo/bar@sha256:4bd26",
      "registry:5000/foo/bar@sha256:062b80",
      "tagged from foo/bar:latest",
      "tagged from mysql/latest@sha256:e52c65",
      "updates automatically from registry mysql",
      "reference to registry mysql:2",
      "prefer registry pullthrough when referencing this tag",
      "~ importing latest image ...",
      "! error: Import failed (NotFound): Image not found due to error",
    ]) {
      expect(out).toContain(s);
    }
  });

  it("R16.1 the whole OC test stream, byte for byte (blocks in R2.9 order, image suffix rule)", () => {
    const out = describeImageStream(ocTestStream, { now: NOW });
    expect(out).toBe(
      [
        "Name:\t\t\t<none>",
        "Labels:\t\t\t<none>",
        "Annotations:\t\t<none>",
        "Image Repository:\t<none>",
        "Image Lookup:\t\tlocal=false",
        "Unique Images:\t\t3",
        "Tags:\t\t\t6",
        "",
        "default",
        "  no spec tag",
        "",
        `  * registry:5000/foo/bar@${SHA_4BD}`,
        "      About an hour ago",
        `    registry:5000/foo/bar@${SHA_062}`,
        "      27 hours ago",
        "",
        "spec1",
        "  tagged from foo/bar:latest",
        "",
        `  * registry:5000/foo/bar@${SHA_4BD}`,
        "      About an hour ago",
        "",
        "spec2",
        `  tagged from mysql/latest@${SHA_E52}`,
        "",
        "  * mysql:latest",
        `      About an hour ago\t${SHA_E52}`,
        "",
        "spec3",
        "  updates automatically from registry mysql",
        "    prefer registry pullthrough when referencing this tag",
        "",
        "  ~ importing latest image ...",
        "  ! error: Import failed (NotFound): Image not found due to error",
        "      292 years ago",
        "  * mysql:latest",
        `      About an hour ago\t${SHA_E52}`,
        "",
        "spec4",
        "  reference to registry mysql:2",
        "",
        "",
        "spec5",
        "  tag without source image",
        "",
        "",
      ].join("\n"),
    );
  });

  // seed 003: `oc describe is/python`, after `oc tag python:3.5 python:latest`
  const SHA_PY = "sha256:49c18358df82f4577386404991c51a9559f243e0b1bdc366df25";
  const python: ImageStream = deepFreeze({
    metadata: {
      name: "python",
      namespace: "default",
      creationTimestamp: "2017-10-02T17:05:11Z",
      annotations: { "openshift.io/image.dockerRepositoryCheck": "2017-10-02T17:05:11Z" },
    },
    spec: {
      lookupPolicy: { local: false },
      tags: [
        {
          name: "3.5",
          from: { kind: "DockerImage", name: "centos/python-35-centos7" },
          generation: 2,
          importPolicy: { importMode: "Legacy" },
          referencePolicy: { type: "Source" },
        },
        {
          name: "latest",
          from: { kind: "DockerImage", name: `python@${SHA_PY}` },
          generation: 3,
          importPolicy: { importMode: "Legacy" },
          referencePolicy: { type: "Source" },
        },
      ],
    },
    status: {
      dockerImageRepository: "docker-registry.default.svc:5000/default/python",
      tags: [
        {
          tag: "3.5",
          items: [
            {
              created: "2017-10-02T17:05:11Z",
              dockerImageReference: `centos/python-35-centos7@${SHA_PY}`,
              image: SHA_PY,
              generation: 2,
            },
          ],
        },
        {
          tag: "latest",
          items: [
            {
              created: "2017-10-02T17:09:11Z",
              dockerImageReference: `centos/python-35-centos7@${SHA_PY}`,
              image: SHA_PY,
              generation: 3,
            },
          ],
        },
      ],
    },
  });

  it("R16.1 seed 003 `oc describe is/python`: the fields in the seed's order", () => {
    const before = snapshot(python);
    const out = describeImageStream(python, { now: "2017-10-02T17:10:11Z" });
    expect(out).toBe(
      [
        "Name:\t\t\tpython",
        "Namespace:\t\tdefault",
        "Created:\t\t5 minutes ago",
        "Labels:\t\t\t<none>",
        "Annotations:\t\topenshift.io/image.dockerRepositoryCheck=2017-10-02T17:05:11Z",
        "Image Repository:\tdocker-registry.default.svc:5000/default/python",
        "Image Lookup:\t\tlocal=false",
        "Unique Images:\t\t1",
        "Tags:\t\t\t2",
        "",
        "latest",
        `  tagged from python@${SHA_PY}`,
        "",
        `  * centos/python-35-centos7@${SHA_PY}`,
        "      About a minute ago",
        "",
        "3.5",
        "  tagged from centos/python-35-centos7",
        "",
        `  * centos/python-35-centos7@${SHA_PY}`,
        "      5 minutes ago",
        "",
      ].join("\n"),
    );
    expect(python).toEqual(before);
  });

  it("R16.1 step 2: the public repository wins over the internal one", () => {
    const s = {
      ...python,
      status: { ...python.status, publicDockerImageRepository: "public.example.com/default/python" },
    };
    expect(describeImageStream(s, { now: "2017-10-02T17:10:11Z" })).toContain(
      "Image Repository:\tpublic.example.com/default/python\n",
    );
  });

  it("R16.1 step 1: labels sorted one per line, Description taken out of the annotations", () => {
    const s: ImageStream = {
      metadata: {
        name: "x",
        labels: { b: "2", a: "1" },
        annotations: { description: "A stream\nof images", z: "last", "a.b/c": "first" },
      },
      spec: { lookupPolicy: { local: true } },
    };
    expect(describeImageStream(s, { now: "2020-01-01T00:00:00Z" })).toBe(
      [
        "Name:\t\t\tx",
        "Labels:\t\t\ta=1",
        "\t\t\tb=2",
        "Description:\t\tA stream",
        "\t\t\tof images",
        "Annotations:\t\ta.b/c=first",
        "\t\t\tz=last",
        "Image Repository:\t<none>",
        "Image Lookup:\t\tlocal=true",
        "Tags:\t\t\t<none>",
        "",
      ].join("\n"),
    );
  });

  it("R16.1 step 6: aliases are folded into their final target's header, PrioritizeTags-sorted, and still counted", () => {
    const s: ImageStream = {
      metadata: { name: "app", namespace: "ns" },
      spec: {
        tags: [
          { name: "1.0", from: { kind: "DockerImage", name: "quay.io/app:1.0" } },
          { name: "stable", from: { kind: "ImageStreamTag", name: "1.0" } },
          { name: "latest", from: { kind: "ImageStreamTag", name: "app:stable" } },
          { name: "v1", from: { kind: "ImageStreamTag", name: "1.0", namespace: "ns" } },
          { name: "broken", from: { kind: "ImageStreamTag", name: "nowhere" } },
        ],
      },
    };
    const out = describeImageStream(s, { now: "2020-01-01T00:00:00Z" });
    expect(out).toContain("Tags:\t\t\t5\n\n1.0 (latest, stable, v1)\n  tagged from quay.io/app:1.0\n");
    expect(out).not.toMatch(/^stable$/m);
    expect(out).not.toMatch(/^latest$/m);
    expect(out).toContain("\nbroken\n  tagged from nowhere\n");
  });

  it("R16.1 step 7: source lines for every kind, insecure, annotation lines", () => {
    const s: ImageStream = {
      metadata: { name: "k", namespace: "ns" },
      spec: {
        tags: [
          { name: "a", from: { kind: "ImageStreamTag", name: "other:x" }, reference: true },
          {
            name: "b",
            from: { kind: "ImageStreamTag", name: "other:x", namespace: "ns" },
            importPolicy: { scheduled: true },
          },
          { name: "c", from: { kind: "ImageStreamImage", name: "other@sha256:abc" }, reference: true },
          // a kind outside the API's list (never: it type-checks whatever the list is); oc prints it as it is
          { name: "d", from: { kind: "Custom" as never, name: "thing" }, reference: true },
          { name: "e", from: { kind: "Custom" as never, name: "thing", namespace: "elsewhere" } },
          {
            name: "f",
            from: { kind: "DockerImage", name: "r/f:1" },
            importPolicy: { insecure: true },
            annotations: {
              description: "Builds F",
              tags: "builder,f",
              supports: "f:1,f",
              sampleRepo: "https://example.com/f.git",
            },
          },
        ],
      },
    };
    const out = describeImageStream(s, { now: "2020-01-01T00:00:00Z" });
    expect(out).toContain("\na\n  reference to other:x\n");
    expect(out).toContain("\nb\n  updates automatically from other:x\n");
    expect(out).toContain("\nc\n  reference to image other@sha256:abc\n");
    expect(out).toContain("\nd\n  reference to Custom thing\n");
    expect(out).toContain("\ne\n  updates from Custom elsewhere/thing\n");
    expect(out).toContain(
      "\nf\n  tagged from r/f:1\n    will use insecure HTTPS or HTTP connections\n\n  Builds F\n  Tags: builder, f\n  Supports: f:1, f\n  Example Repo: https://example.com/f.git\n\n",
    );
  });

  it("R16.1 step 7: `~ importing` only when not a reference and generation > observed (items and ImportSuccess condition)", () => {
    const mk = (gen: number | null, ref: boolean, condGen: number): ImageStream => ({
      metadata: { name: "i" },
      spec: {
        tags: [{ name: "t", from: { kind: "DockerImage", name: "r/i:1" }, generation: gen, reference: ref }],
      },
      status: {
        tags: [
          {
            tag: "t",
            items: [
              { created: "2020-01-01T00:00:00Z", dockerImageReference: "r/i:1", image: "", generation: 2 },
            ],
            conditions: [{ type: "ImportSuccess", status: "True", generation: condGen }],
          },
        ],
      },
    });
    const has = (s: ImageStream) =>
      describeImageStream(s, { now: "2020-01-01T00:00:00Z" }).includes("~ importing");
    expect(has(mk(3, false, 0))).toBe(true);
    expect(has(mk(2, false, 0))).toBe(false);
    expect(has(mk(3, true, 0))).toBe(false);
    expect(has(mk(null, false, 0))).toBe(false);
    expect(has(mk(3, false, 3))).toBe(false);
  });

  it("R16.1 step 5: events without image collapse into one extra key; tag-based references get the image suffix", () => {
    const s: ImageStream = {
      metadata: { name: "u" },
      status: {
        tags: [
          {
            tag: "a",
            items: [
              { created: "2020-01-01T00:00:00Z", dockerImageReference: "r/u:1", image: "", generation: 1 },
              { created: "2020-01-01T00:00:00Z", dockerImageReference: "r/u:2", image: "", generation: 1 },
              {
                created: "2020-01-01T00:00:00Z",
                dockerImageReference: "r/u:3",
                image: SHA_4BD,
                generation: 1,
              },
              { created: "2020-01-01T00:00:00Z", dockerImageReference: "", image: "", generation: 1 },
              {
                created: "2020-01-01T00:00:00Z",
                dockerImageReference: "::bad::",
                image: SHA_062,
                generation: 1,
              },
            ],
          },
        ],
      },
    };
    const out = describeImageStream(s, { now: "2020-01-01T00:00:30Z" });
    expect(out).toContain("Unique Images:\t\t3\n");
    expect(out).toContain(
      `  * r/u:1\n      30 seconds ago\n    r/u:2\n      30 seconds ago\n    r/u:3\n      30 seconds ago\t${SHA_4BD}\n    \n      30 seconds ago\n    ::bad::\n      30 seconds ago\n`,
    );
  });

  it("R16.1 tolerates malformed input without throwing", () => {
    expect(describeImageStream(null as unknown as ImageStream)).toContain("Name:\t\t\t<none>");
    const weird = {
      metadata: { name: 3 },
      spec: { tags: [null, { name: "x", from: "y" }] },
      status: { tags: [null, { tag: "x", items: [null] }] },
    };
    expect(() =>
      describeImageStream(weird as unknown as ImageStream, { now: "2020-01-01T00:00:00Z" }),
    ).not.toThrow();
  });
});

describe("R16.2 describeImageStreamTag", () => {
  const istag: ImageStreamTag = deepFreeze({
    metadata: { name: "python:latest", namespace: "default", creationTimestamp: "2017-10-02T17:08:11Z" },
    tag: null,
    generation: 2,
    image: {
      metadata: {
        name: "sha256:49c18358df82f4577386404991c51a9559f243e0b1bdc366df25",
        creationTimestamp: "2017-10-02T17:08:11Z",
        annotations: { "openshift.io/image.managed": "true", description: "Python 3.5" },
      },
      dockerImageReference:
        "centos/python-35-centos7@sha256:49c18358df82f4577386404991c51a9559f243e0b1bdc366df25",
      dockerImageMetadata: {
        Created: "2017-09-18T10:00:00Z",
        Architecture: "amd64",
        Size: 251_200_000,
        Config: {
          User: "1001",
          Entrypoint: ["container-entrypoint"],
          Cmd: ["/bin/sh", "-c", "$STI_SCRIPTS_PATH/usage"],
          WorkingDir: "/opt/app-root/src",
          ExposedPorts: { "8080/tcp": {}, "443/tcp": {} },
          Labels: { "build-date": "20170801", name: "python" },
          Env: ["PATH=/usr/bin", "HOME=/opt/app-root/src"],
          Volumes: { "/data": {}, "/cache": {} },
        },
      },
      dockerImageLayers: [
        { name: "sha256:aaa", size: 2_898_000 },
        { name: "sha256:bbb", size: 72_260_000 },
      ],
    },
  });

  it("R16.2.2 field order and values (seed 003 `oc describe istag/python:latest`)", () => {
    expect(describeImageStreamTag(istag, { now: "2017-10-02T17:10:11Z" })).toBe(
      [
        "Image Name:\tsha256:49c18358df82f4577386404991c51a9559f243e0b1bdc366df25",
        "Docker Image:\tcentos/python-35-centos7@sha256:49c18358df82f4577386404991c51a9559f243e0b1bdc366df25",
        "Name:\t\tsha256:49c18358df82f4577386404991c51a9559f243e0b1bdc366df25",
        "Created:\t2 minutes ago",
        "Description:\tPython 3.5",
        "Annotations:\topenshift.io/image.managed=true",
        "Image Size:\t251.2MB in 2 layers",
        "Layers:\t\t2.898MB\tsha256:aaa",
        "\t\t72.26MB\tsha256:bbb",
        "Image Created:\t2 weeks ago",
        "Author:\t\t<none>",
        "Arch:\t\tamd64",
        "Entrypoint:\tcontainer-entrypoint",
        "Command:\t/bin/sh -c $STI_SCRIPTS_PATH/usage",
        "Working Dir:\t/opt/app-root/src",
        "User:\t\t1001",
        "Exposes Ports:\t443/tcp, 8080/tcp",
        "Docker Labels:\tbuild-date=20170801",
        "\t\tname=python",
        "Environment:\tPATH=/usr/bin",
        "\t\tHOME=/opt/app-root/src",
        "Volumes:\t/cache",
        "\t\t/data",
        "",
      ].join("\n"),
    );
  });

  it("R16.2.2 no layers → Layer Size; no command → Command <none>; signatures; manifest lists", () => {
    const t: ImageStreamTag = {
      image: {
        metadata: { name: "sha256:abc", labels: { l: "1" } },
        dockerImageReference: "r/x@sha256:abc",
        dockerImageMetadata: { Size: 1500 },
        signatures: [
          { metadata: { name: "sha256:abc@sig1" }, type: "atomic", content: "" },
          {
            metadata: { name: "sha256:abc@sig2" },
            type: "atomic",
            content: "",
            issuedBy: { commonName: "Red Hat" },
            conditions: [{ type: "Trusted", message: "ok", lastProbeTime: "2017-10-02T17:05:11Z" }],
          },
        ],
        dockerImageManifests: [
          { digest: "sha256:111", mediaType: "m", manifestSize: 1, architecture: "amd64", os: "linux" },
          { digest: "sha256:222", mediaType: "m", manifestSize: 1, architecture: "arm64", os: "linux" },
        ],
      },
    };
    const out = describeImageStreamTag(t, { now: "2017-10-02T17:10:11Z" });
    // "Image Signatures:" (17) widens the first column to 24: every label is tab-padded to it.
    expect(out).toContain("Labels:\t\t\tl=1\n");
    expect(out).toContain("Layer Size:\t\t1.5kB\n");
    expect(out).toContain(
      [
        "Image Signatures:\t \n\t\t\tName:\tsha256:abc@sig1\n\t\t\tType:\tatomic\n\t\t\tStatus:\tUnverified\n",
        "Image Signatures:\t \n\t\t\tName:\t\tsha256:abc@sig2\n\t\t\tType:\t\tatomic\n\t\t\tStatus:\t\tVerified\n",
        "\t\t\tIssued By:\tRed Hat\n\t\t\t:\t\tSignature is Trusted (ok on 2017-10-02 17:05:11 +0000 UTC)\n",
      ].join(""),
    );
    expect(out).toContain("Image Created:\t\t292 years ago\n");
    expect(out).toContain("Manifests:\t\tlinux/amd64\tsha256:111\n\t\t\tlinux/arm64\tsha256:222\n");
    expect(out).toContain("Command:\t\t<none>\n");
    expect(out).not.toContain("Entrypoint");
    expect(out.startsWith("Image Name:\t\tsha256:abc\n")).toBe(true);
  });

  it("R16.2 tolerates a missing image", () => {
    const empty = describeImageStreamTag({} as ImageStreamTag);
    expect(empty).toContain("Docker Image:\t<none>\n");
    expect(empty).not.toContain("Image Name");
    expect(describeImageStreamTag(null as unknown as ImageStreamTag)).toContain("Layer Size:\t0B\n");
  });
});

describe("§16 describe properties", () => {
  fcTest.prop([arbImageStream()], { numRuns: 100 })(
    "R16.1 property: every valid stream is described without mutation, with one block per listed tag",
    (stream) => {
      const frozen = deepFreeze(stream);
      const out = describeImageStream(frozen, { now: "2030-01-01T00:00:00Z" });
      expect(out.startsWith("Name:\t")).toBe(true);
      expect(out).toContain("Image Lookup:\t");
      const tags = (stream.status?.tags?.length ?? 0) + (stream.spec?.tags?.length ?? 0);
      if (tags === 0) expect(out).toContain("Tags:\t\t\t<none>\n");
      else expect(out).toMatch(/Unique Images:\t+\d+\nTags:\t+\d+\n/);
    },
  );
  fcTest.prop([arbImage()], { numRuns: 100 })("R16.2 property: every valid image is described", (image) => {
    const out = describeImageStreamTag(deepFreeze({ image }), { now: "2030-01-01T00:00:00Z" });
    expect(out).toContain("Docker Image:\t");
    expect(out).toMatch(/(Layer|Image) Size:\t/);
  });
});

describe("R16.2 describeImageStreamImage and describeImage (oc's ImageStreamImageDescriber, ImageDescriber)", () => {
  const image = deepFreeze({
    metadata: {
      name: "sha256:49c18358df82f4577386404991c51a9559f243e0b1bdc366df25",
      creationTimestamp: "2017-10-02T17:08:11Z",
    },
    dockerImageReference:
      "centos/python-35-centos7@sha256:49c18358df82f4577386404991c51a9559f243e0b1bdc366df25",
    dockerImageMetadata: { Created: "2017-09-18T10:00:00Z", Architecture: "amd64", Size: 1000 },
  });
  const now = "2017-10-02T17:10:11Z";

  it("R16.2 isimage: the Image view with Image Name = the image's name, as for an istag", () => {
    const viaIsimage = describeImageStreamImage({ metadata: { name: "python@sha256:49c1" }, image }, { now });
    expect(viaIsimage).toBe(
      describeImageStreamTag({ metadata: { name: "python:latest" }, image } as ImageStreamTag, { now }),
    );
    expect(viaIsimage.split("\n")[0]).toBe(`Image Name:\t${image.metadata.name}`);
  });

  it('R16.2 image: DescribeImage(image, "") has no Image Name line and starts with Docker Image', () => {
    const out = describeImage(image, { now });
    expect(out.split("\n")[0]).toBe(`Docker Image:\t${image.dockerImageReference}`);
    expect(out).not.toContain("Image Name:");
    expect(out).toContain(`Name:\t\t${image.metadata.name}`);
    expect(describeImage(null as never, { now })).toContain("Docker Image:");
  });
});
