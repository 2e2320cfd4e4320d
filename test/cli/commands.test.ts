import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { cleanup, cli, copyExample, ensureBuilt, read, snapshot, tempDir } from "./support.js";

const D49 = "sha256:49c18358df82f4577386404991c51a9559f243e0b1bdc366df25000000000000";
const D43 = "sha256:438208801c4806548460b27bd1fbcb7bb188273d13871ab43f00000000000000";
const D909 = "sha256:909de62d1f609a717ec433cc25ca5cf00941545c83a01fb31527771e1fab3fc5";
const D474 = "sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d";

/** A parsed JSON/YAML value. */
type Json = ReturnType<typeof JSON.parse>;

beforeAll(() => ensureBuilt(), 300_000);

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) cleanup(d);
});
function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

/** The documents of a YAML file as plain objects. */
function docs(path: string): Array<Record<string, Json>> {
  return parseAllDocuments(read(path)).map((d) => d.toJS() as Record<string, Json>);
}
function stream(path: string): Record<string, Json> {
  return docs(path).find((d) => d.kind === "ImageStream") as Record<string, Json>;
}
function statusTag(s: Record<string, Json>, tag: string): Record<string, Json> | undefined {
  return (s.status?.tags ?? []).find((t: { tag: string }) => t.tag === tag);
}
function specTag(s: Record<string, Json>, tag: string): Record<string, Json> | undefined {
  return (s.spec?.tags ?? []).find((t: { name: string }) => t.name === tag);
}

/** The `Label:` names of a describe output, in order (continuation lines skipped). */
function labels(text: string): string[] {
  return text
    .split("\n")
    .filter((l) => /^[A-Z][A-Za-z ]*:\t/.test(l))
    .map((l) => l.slice(0, l.indexOf(":")));
}

describe("describe (seed 003)", () => {
  it("R16.1 describe is/python prints the fields in seed 003's order with a fixed --now", () => {
    const r = cli(["describe", "is/python", "-f", "examples/python.yaml", "--now", "2017-10-02T17:06:30Z"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(labels(r.stdout)).toEqual([
      "Name",
      "Namespace",
      "Created",
      "Labels",
      "Annotations",
      "Image Repository",
      "Image Lookup",
      "Unique Images",
      "Tags",
    ]);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^Name:\t+python$/);
    expect(lines[1]).toMatch(/^Namespace:\t+default$/);
    expect(lines[2]).toMatch(/^Created:\t+About a minute ago$/);
    expect(lines[3]).toMatch(/^Labels:\t+<none>$/);
    expect(lines[4]).toMatch(
      /^Annotations:\t+openshift\.io\/image\.dockerRepositoryCheck=2017-10-02T17:05:11Z$/,
    );
    expect(lines[5]).toMatch(/^Image Repository:\t+docker-registry\.default\.svc:5000\/default\/python$/);
    expect(lines[6]).toMatch(/^Image Lookup:\t+local=false$/);
    expect(lines[7]).toMatch(/^Unique Images:\t+1$/);
    expect(lines[8]).toMatch(/^Tags:\t+1$/);
    const blocks = r.stdout.slice(r.stdout.indexOf("\n\n") + 2);
    expect(blocks).toBe(
      `3.5\n  tagged from centos/python-35-centos7\n\n  * centos/python-35-centos7@${D49}\n      About a minute ago\n`,
    );
  });

  it("R16.1 after oc tag python:3.5 python:latest, latest comes first with its tagged from and * lines", () => {
    const d = dir();
    const f = copyExample(d, "python.yaml");
    expect(
      cli(["tag", "python:3.5", "python:latest", "-f", f, "--in-place", "--now", "2017-10-02T17:09:00Z"])
        .code,
    ).toBe(0);
    const r = cli(["describe", "is/python", "-f", f, "--now", "2017-10-02T17:10:00Z"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nUnique Images:\t+1\nTags:\t+2\n\n/);
    const blocks = r.stdout.slice(r.stdout.indexOf("\n\n") + 2);
    expect(blocks).toBe(
      [
        "latest",
        `  tagged from python@${D49}`,
        "",
        `  * centos/python-35-centos7@${D49}`,
        "      About a minute ago",
        "",
        "3.5",
        "  tagged from centos/python-35-centos7",
        "",
        `  * centos/python-35-centos7@${D49}`,
        "      4 minutes ago",
        "",
      ].join("\n"),
    );
  });

  it("R16.2 describe istag/python:3.5 prints the image view (Image Name, Docker Image, Name, ...)", () => {
    const r = cli([
      "describe",
      "istag/python:3.5",
      "-f",
      "examples/python.yaml",
      "--now",
      "2017-10-02T17:07:11Z",
    ]);
    expect(r.code).toBe(0);
    expect(labels(r.stdout).slice(0, 5)).toEqual([
      "Image Name",
      "Docker Image",
      "Name",
      "Created",
      "Image Size",
    ]);
    expect(r.stdout).toMatch(new RegExp(`^Image Name:\\t+${D49}\\n`));
    expect(r.stdout).toMatch(/\nCreated:\t+2 minutes ago\n/);
    expect(r.stdout).toMatch(/\nImage Size:\t+251\.2MB in 3 layers\n/);
    expect(r.stdout).toMatch(/\nImage Created:\t+2 weeks ago\n/);
    expect(r.stdout).toMatch(/\nExposes Ports:\t+8080\/tcp\n/);
  });

  it("describe and get read standard input", () => {
    const r = cli(["describe", "is", "python", "-f", "-", "--now", "2017-10-02T17:06:30Z"], {
      input: read("examples/python.yaml"),
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Name:\t+python\n/);
  });

  it("R13.1 an unknown stream or tag is a NotFound error on one line, exit 1", () => {
    const a = cli(["describe", "is/nope", "-f", "examples/python.yaml"]);
    expect(a.code).toBe(1);
    expect(a.stderr).toBe('error: imagestreams.image.openshift.io "nope" not found\n');
    const b = cli(["describe", "istag/python:9.9", "-f", "examples/python.yaml"]);
    expect(b.code).toBe(1);
    expect(b.stderr).toBe('error: imagestreamtags.image.openshift.io "python:9.9" not found\n');
    const c = cli(["describe", "istag/python", "-f", "examples/python.yaml"]);
    expect(c.code).toBe(1);
    expect(c.stderr).toBe('error: expected exactly one : delimiter in the istag "python"\n');
  });
});

describe("get", () => {
  /** Both example streams, read at the time of the guide. */
  const args = [
    "-f",
    "examples/python.yaml",
    "-f",
    "examples/origin-ruby-sample.yaml",
    "--now",
    "2017-10-02T17:06:30Z",
  ];

  it("R16.3 get is / get istag print the oc tables", () => {
    const is = cli(["get", "is", "-A", ...args]);
    expect(is.code).toBe(0);
    expect(is.stdout.split("\n")[0]).toMatch(/^NAMESPACE +NAME +IMAGE REPOSITORY +TAGS +UPDATED$/);
    expect(is.stdout).toMatch(
      /\ndefault +python +docker-registry\.default\.svc:5000\/default\/python +3\.5 +About a minute ago\n/,
    );
    expect(is.stdout).toMatch(
      /\ntest +origin-ruby-sample +172\.30\.56\.218:5000\/test\/origin-ruby-sample +latest +/,
    );
    const istag = cli(["get", "istag", "-o", "wide", ...args, "-n", "test"]);
    expect(istag.code).toBe(0);
    expect(istag.stdout).toMatch(/^NAME +IMAGE REFERENCE +UPDATED +IMAGE NAME\norigin-ruby-sample:latest +/);
    expect(istag.stdout).not.toContain("python");
  });

  it("R16.3 get itag prints SPEC, STATUS, HISTORY; get isimage needs a name and prints the wide columns", () => {
    const itag = cli(["get", "itag", "-A", ...args]);
    expect(itag.code).toBe(0);
    expect(itag.stdout.split("\n")[0]).toMatch(/^NAMESPACE +NAME +SPEC +STATUS +HISTORY +UPDATED$/);
    expect(itag.stdout).toMatch(
      /\ndefault +python:3\.5 +Tag +image\/sha256:49c18358\w+ +1 +About a minute ago\n/,
    );
    expect(itag.stdout).toMatch(/\ntest +origin-ruby-sample:latest +Push +image\/sha256:47463d94\w+ +1 +/);
    const one = JSON.parse(cli(["get", "imagetag/python:3.5", "-o", "json", ...args]).stdout);
    expect(one.kind).toBe("ImageTag");
    expect(one.spec.from.name).toBe("centos/python-35-centos7");
    const isimage = cli(["get", "isimage", "python@sha256:49c18358", "-o", "wide", ...args]);
    expect(isimage.code).toBe(0);
    expect(isimage.stdout).toMatch(
      /^NAME +UPDATED +IMAGE REFERENCE +IMAGE NAME\npython@sha256:49c18358 +About a minute ago +centos\/python-35-centos7@sha256:49c18358\w+ +sha256:49c18358\w+\n$/,
    );
    const noName = cli(["get", "isimage", ...args]);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain("isimage needs a name");
    const describe = cli(["describe", "itag/python:3.5", ...args]);
    expect(describe.code).toBe(2);
    expect(describe.stderr).toContain("describe supports is, istag and isimage, not imagetag");
    const isi = cli(["describe", "isimage/python@sha256:49c18358", ...args]);
    expect(isi.code).toBe(0);
    expect(isi.stdout).toMatch(
      /^Image Name:\tsha256:49c18358\w+\nDocker Image:\tcentos\/python-35-centos7@sha256:49c18358/,
    );
  });

  it("get -o json prints a List; a named stream is printed as itself; an empty namespace says so", () => {
    const list = JSON.parse(cli(["get", "is", "-o", "json", "-f", "examples/python.yaml"]).stdout);
    expect(list.kind).toBe("List");
    expect(list.items.map((s: Json) => s.metadata.name)).toEqual(["python"]);
    const one = JSON.parse(cli(["get", "is/python", "-o", "json", "-f", "examples/python.yaml"]).stdout);
    expect(one.kind).toBe("ImageStream");
    const none = cli(["get", "is", "-n", "other", "-f", "examples/python.yaml"]);
    expect(none.code).toBe(0);
    expect(none.stderr).toBe("No resources found in other namespace.\n");
  });
});

describe("tag (seed 003 flow)", () => {
  it("R15.11 the seed 003 commands print oc's messages and rewrite the file in place", () => {
    const d = dir();
    const f = copyExample(d, "python.yaml");
    copyExample(d, "python-import-3.6.yaml");
    const run = (now: string, ...args: string[]) => cli([...args, "-f", f, "--in-place", "--now", now]);
    let r = run("2017-10-02T17:08:00Z", "tag", "python:3.5", "python:latest");
    expect([r.code, r.stdout]).toEqual([0, `Tag python:latest set to python@${D49}.\n`]);
    expect(specTag(stream(f), "latest")?.from).toEqual({ kind: "ImageStreamImage", name: `python@${D49}` });
    expect(statusTag(stream(f), "latest")?.items[0].image).toBe(D49);

    r = run("2017-10-02T17:09:00Z", "tag", "docker.io/python:3.6.0", "python:3.6");
    expect([r.code, r.stdout]).toEqual([0, "Tag python:3.6 set to docker.io/python:3.6.0.\n"]);
    expect(specTag(stream(f), "3.6")?.from).toEqual({ kind: "DockerImage", name: "docker.io/python:3.6.0" });

    r = run("2017-10-02T17:10:00Z", "import", join(d, "python-import-3.6.yaml"));
    expect([r.code, r.stdout]).toEqual([0, "imagestream.image.openshift.io/python imported\n"]);
    expect(statusTag(stream(f), "3.6")?.items[0].image).toBe(D43);
    expect(docs(f).some((o) => o.kind === "Image" && o.metadata.name === D43)).toBe(true);

    r = run("2017-10-02T17:11:00Z", "tag", "python:3.6", "python:latest");
    expect([r.code, r.stdout]).toEqual([0, `Tag python:latest set to python@${D43}.\n`]);
    expect(statusTag(stream(f), "latest")?.items.map((i: Json) => i.image)).toEqual([D43, D49]);

    r = run("2017-10-02T17:12:00Z", "tag", "-d", "python:3.5");
    expect([r.code, r.stdout]).toEqual([0, "Deleted tag default/python:3.5.\n"]);
    expect(specTag(stream(f), "3.5")).toBeUndefined();
    expect(statusTag(stream(f), "3.5")).toBeUndefined();

    r = run("2017-10-02T17:13:00Z", "tag", "docker.io/python:3.6.0", "python:3.6", "--scheduled");
    expect([r.code, r.stdout]).toEqual([
      0,
      "Tag python:3.6 set to import docker.io/python:3.6.0 periodically.\n",
    ]);
    expect(specTag(stream(f), "3.6")?.importPolicy?.scheduled).toBe(true);

    r = run("2017-10-02T17:14:00Z", "rollback", "python:latest");
    expect([r.code, r.stdout]).toEqual([0, `Tag python:latest set to python@${D49}.\n`]);
    expect(statusTag(stream(f), "latest")?.items.map((i: Json) => i.image)).toEqual([D49, D43, D49]);
    // The header comment of the file survives every rewrite.
    expect(read(f).startsWith("# The python image stream")).toBe(true);
  });

  it.each<[string[], string]>([
    [
      ["tag", "--source=bogus", "python:3.5", "python:x"],
      'invalid source "bogus"; valid values are docker, dockerimage, imagestreamimage, imagestreamtag, isimage, istag',
    ],
    [["tag", "-d", "--alias", "python:3.5"], "--alias and --delete may not be both specified"],
    [
      ["tag", "--reference-policy", "Local", "python:3.5", "python:x"],
      "reference policy must be set to 'source' or 'local'",
    ],
    [["tag", "-d", "--source", "docker", "python:3.5"], "cannot specify a source kind when deleting"],
    [["tag", "-d", "--insecure", "python:3.5"], "cannot set flags for importing images when deleting a tag"],
    [["tag", "-d", "--import-mode", "Legacy", "python:3.5"], "cannot specify an import mode when deleting"],
    [["tag", "python:3.5"], "at least a destination is required"],
    [["tag", "--scheduled", "python:3.5", "python:x"], "only container images can have importing flags set"],
    [
      ["tag", "--alias", "--insecure", "docker.io/python:3", "python:x"],
      "cannot set a container image tag as an alias and also set import flags",
    ],
    [["tag", "--alias", "python:3.5", "other:x"], "cannot set alias across different Image Streams"],
    [
      ["tag", "--import-mode", "Fancy", "docker.io/python:3", "python:x"],
      "valid ImportMode values are Legacy or PreserveOriginal",
    ],
    [["tag", "python:3.5", "python"], '"python" must be of the form <stream_name>:<tag>'],
    [
      ["tag", "python:9.9", "python:x"],
      '"python:9.9" is not currently pointing to an image, cannot use it as the source of a tag',
    ],
  ])("R15.7 oc tag validation: %j → exit 1 with oc's message", (args, message) => {
    const r = cli([...args, "-f", "examples/python.yaml"]);
    expect([r.code, r.stderr]).toEqual([1, `error: ${message}\n`]);
  });

  it("R15.10 --reference, --insecure, --reference-policy=local and --import-mode reach the spec tag (-o yaml)", () => {
    const r = cli([
      "tag",
      "docker.io/python:3.6.0",
      "python:3.6",
      "--reference",
      "--insecure=true",
      "--reference-policy=local",
      "--import-mode",
      "PreserveOriginal",
      "-o",
      "json",
      "-f",
      "examples/python.yaml",
      "--now",
      "2017-10-02T17:09:00Z",
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const t = specTag(out, "3.6");
    expect(t?.reference).toBe(true);
    expect(t?.importPolicy).toMatchObject({ insecure: true, importMode: "PreserveOriginal" });
    expect(t?.referencePolicy).toEqual({ type: "Local" });
  });

  it("R15.11 --alias tracks the source; a new destination stream is appended to the first file", () => {
    const d = dir();
    const f = copyExample(d, "python.yaml");
    const a = cli([
      "tag",
      "--alias",
      "python:3.5",
      "python:stable",
      "-f",
      f,
      "--in-place",
      "--now",
      "2017-10-02T17:09:00Z",
    ]);
    expect([a.code, a.stdout]).toEqual([0, "Tag python:stable set up to track python:3.5.\n"]);
    const b = cli([
      "tag",
      "docker.io/library/ruby:2.7",
      "ruby:2.7",
      "-f",
      f,
      "--in-place",
      "--now",
      "2017-10-02T17:09:00Z",
    ]);
    expect([b.code, b.stdout]).toEqual([0, "Tag ruby:2.7 set to docker.io/library/ruby:2.7.\n"]);
    const all = docs(f);
    expect(all.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      "ImageStream/python",
      `Image/${D49}`,
      "ImageStream/ruby",
    ]);
    expect(specTag(all[2] as Record<string, Json>, "2.7")?.from?.name).toBe("docker.io/library/ruby:2.7");
  });

  it("R15.14 re-tagging with oc tag clears the spec tag's annotations (quirk kept)", () => {
    const d = dir();
    const f = join(d, "s.yaml");
    writeFileSync(
      f,
      read("examples/python.yaml").replace(
        "  - annotations: null\n",
        "  - annotations:\n      description: Python 3.5\n",
      ),
    );
    expect(specTag(stream(f), "3.5")?.annotations).toEqual({ description: "Python 3.5" });
    const r = cli([
      "tag",
      "centos/python-35-centos7",
      "python:3.5",
      "-f",
      f,
      "--in-place",
      "--now",
      "2017-10-02T17:09:00Z",
    ]);
    expect([r.code, r.stdout]).toEqual([0, "Tag python:3.5 set to centos/python-35-centos7.\n"]);
    const annotations = specTag(stream(f), "3.5")?.annotations;
    expect(annotations === null || annotations === undefined || Object.keys(annotations).length === 0).toBe(
      true,
    );
  });

  it("without --in-place or -o only the message is printed and the file is untouched", () => {
    const d = dir();
    const f = copyExample(d, "python.yaml");
    const before = snapshot(d);
    const r = cli(["tag", "python:3.5", "python:latest", "-f", f]);
    expect(r.code).toBe(0);
    expect(snapshot(d)).toEqual(before);
  });
});

describe("map, import, rollback, prune", () => {
  it("R10 map applies both documented mappings; describe istag then reads the new Image", () => {
    const d = dir();
    const f = copyExample(d, "origin-ruby-sample.yaml");
    const r = cli([
      "map",
      "examples/origin-ruby-sample-mapping-2.yaml",
      "-f",
      f,
      "--in-place",
      "--now",
      "2016-03-02T10:15:09Z",
    ]);
    expect([r.code, r.stdout]).toEqual([
      0,
      "imagestreammapping.image.openshift.io/origin-ruby-sample created\n",
    ]);
    const items = statusTag(stream(f), "latest")?.items;
    expect(items.map((i: Json) => [i.image, i.created])).toEqual([
      [D909, "2016-03-02T10:15:09Z"],
      [D474, "2016-01-29T13:40:11Z"],
    ]);
    expect(items[0].dockerImageReference).toBe(`172.30.56.218:5000/test/origin-ruby-sample@${D909}`);
    // Timestamps stay quoted for YAML 1.1 readers.
    expect(read(f)).toContain('created: "2016-03-02T10:15:09Z"');
    const istag = cli([
      "describe",
      "istag/origin-ruby-sample:latest",
      "-f",
      f,
      "--now",
      "2016-03-02T10:20:09Z",
    ]);
    expect(istag.code).toBe(0);
    expect(istag.stdout).toMatch(new RegExp(`^Image Name:\\t+${D909}\\n`));
    expect(istag.stdout).toMatch(/\nImage Size:\t+387\.2MB in 3 layers\n/);
    // R7: mapping the image that is already on top changes nothing: the file is not rewritten.
    const before = snapshot(d);
    const again = cli(["map", "examples/origin-ruby-sample-mapping-2.yaml", "-f", f, "--in-place"]);
    expect(again.code).toBe(0);
    expect(snapshot(d)).toEqual(before);
  });

  it("R10.2 a mapping for a missing stream is NotFound and changes nothing", () => {
    const d = dir();
    const f = copyExample(d, "python.yaml");
    const before = snapshot(d);
    const r = cli(["map", "examples/origin-ruby-sample-mapping.yaml", "-f", f, "--in-place"]);
    expect([r.code, r.stderr]).toEqual([
      1,
      'error: imagestreams.image.openshift.io "origin-ruby-sample" not found\n',
    ]);
    expect(snapshot(d)).toEqual(before);
  });

  it("R11.4 a failed import records the condition (-o yaml)", () => {
    const d = dir();
    const result = join(d, "fail.yaml");
    writeFileSync(
      result,
      [
        "kind: ImageStreamImport",
        "metadata: {name: python, namespace: default}",
        "spec:",
        "  import: true",
        "  images:",
        "  - from: {kind: DockerImage, name: docker.io/python:9}",
        '    to: {name: "9"}',
        "status:",
        "  images:",
        "  - status: {status: Failure, reason: NotFound, message: not found}",
        "",
      ].join("\n"),
    );
    const r = cli([
      "import",
      result,
      "-f",
      "examples/python.yaml",
      "-o",
      "json",
      "--now",
      "2017-10-02T17:09:00Z",
    ]);
    expect(r.code).toBe(0);
    const cond = statusTag(JSON.parse(r.stdout), "9")?.conditions?.[0];
    expect(cond).toMatchObject({
      type: "ImportSuccess",
      status: "False",
      reason: "NotFound",
      message: "not found",
    });
  });

  it("R17.2 prune removes old history with --in-place; nothing to prune leaves the file as is", () => {
    const d = dir();
    const f = copyExample(d, "origin-ruby-sample.yaml");
    expect(
      cli([
        "map",
        "examples/origin-ruby-sample-mapping-2.yaml",
        "-f",
        f,
        "--in-place",
        "--now",
        "2016-03-02T10:15:09Z",
      ]).code,
    ).toBe(0);
    const before = snapshot(d);
    const young = cli([
      "prune",
      "-f",
      f,
      "--in-place",
      "--keep-tag-revisions",
      "1",
      "--now",
      "2016-03-02T10:16:00Z",
      "--used-image",
      D474,
    ]);
    expect([young.code, young.stdout]).toEqual([
      0,
      "imagestream.image.openshift.io/origin-ruby-sample unchanged\n",
    ]);
    expect(snapshot(d)).toEqual(before);
    const r = cli([
      "prune",
      "-f",
      f,
      "--in-place",
      "--keep-tag-revisions",
      "1",
      "--keep-younger-than",
      "30m",
      "--now",
      "2016-03-02T12:00:00Z",
    ]);
    expect([r.code, r.stdout]).toEqual([
      0,
      "imagestream.image.openshift.io/origin-ruby-sample pruned (1 history entry removed)\n",
    ]);
    expect(statusTag(stream(f), "latest")?.items.map((i: Json) => i.image)).toEqual([D909]);
  });

  it("rollback to a revision that does not exist is an error; the file is untouched", () => {
    const d = dir();
    const f = copyExample(d, "python.yaml");
    const before = snapshot(d);
    const r = cli(["rollback", "python:3.5", "3", "-f", f, "--in-place"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: revision 3 does not exist/);
    expect(snapshot(d)).toEqual(before);
  });
});

describe("resolve (lookup policy)", () => {
  it("R14.3 a short name resolves through a stream with lookupPolicy.local", () => {
    const d = dir();
    const f = join(d, "python.yaml");
    writeFileSync(f, read("examples/python.yaml").replace("local: false", "local: true"));
    const r = cli(["resolve", "python:3.5", "mysql", "library/python:3.5", `python@${D49}`, "-f", f]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")).toEqual([
      `python:3.5 -> centos/python-35-centos7@${D49} (image stream tag default/python:3.5)`,
      'mysql unchanged: notFound: imagestreams.image.openshift.io "mysql" not found',
      expect.stringMatching(/^library\/python:3\.5 unchanged: notLocalName/),
      `python@${D49} unchanged: digest`,
      "",
    ]);
    const json = JSON.parse(cli(["resolve", "python:3.5", "-o", "json", "-f", f]).stdout);
    expect(json).toMatchObject({ kind: "rewrite", image: `centos/python-35-centos7@${D49}` });
  });

  it("R14.5 without lookup the tag is not rewritten unless --resolve-names is given", () => {
    const a = cli(["resolve", "python:3.5", "-f", "examples/python.yaml"]);
    expect(a.stdout).toMatch(/^python:3\.5 unchanged: lookupNotAllowed/);
    const b = cli(["resolve", "quay.io/x/python:3.5", "--resolve-names", "-f", "examples/python.yaml"]);
    expect(b.stdout).toBe(
      `quay.io/x/python:3.5 -> centos/python-35-centos7@${D49} (image stream tag default/python:3.5)\n`,
    );
  });
});

describe("in-place safety", () => {
  it("R15.9 an invalid tag name fails on the second destination and no file changes", () => {
    const d = dir();
    const f = copyExample(d, "python.yaml");
    const before = snapshot(d);
    const r = cli(["tag", "python:3.5", "python:ok", "python:-bad", "-f", f, "--in-place"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: invalid tag "-bad" format, tags must start with an alphanumeric character followed by alphanumeric, '.' or '-' characters, and have a maximum of 128 characters\n`,
    );
    expect(snapshot(d)).toEqual(before);
  });

  it("an unwritable file: exit 1, one line, every file byte-for-byte unchanged (no temporary left)", () => {
    const d = dir();
    const f = copyExample(d, "python.yaml");
    const g = copyExample(d, "origin-ruby-sample.yaml");
    chmodSync(d, 0o777);
    chmodSync(f, 0o666);
    chmodSync(g, 0o444);
    const before = snapshot(d);
    // Root ignores file modes: run as nobody then.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    const r = cli(
      [
        "tag",
        "python:3.5",
        "python:latest",
        "test/origin-ruby-sample:latest",
        "-f",
        f,
        "-f",
        g,
        "--in-place",
      ],
      uid === undefined ? {} : { uid },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: open ${g}: permission denied\n`);
    expect(snapshot(d)).toEqual(before);
  });

  it("an unwritable folder: the temporary file cannot be created, nothing changes", () => {
    const d = dir();
    const f = copyExample(d, "python.yaml");
    chmodSync(f, 0o666);
    chmodSync(d, 0o555);
    const before = snapshot(d);
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    const r = cli(
      ["tag", "python:3.5", "python:latest", "-f", f, "--in-place"],
      uid === undefined ? {} : { uid },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: write ${f}: permission denied\n`);
    expect(snapshot(d)).toEqual(before);
  });

  it("a malformed second file stops the command before anything is written", () => {
    const d = dir();
    const f = copyExample(d, "python.yaml");
    const g = join(d, "broken.yaml");
    writeFileSync(g, "kind: ImageStream\nmetadata: {name: x\n");
    const before = snapshot(d);
    const r = cli(["tag", "python:3.5", "python:latest", "-f", f, "-f", g, "--in-place"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*broken\.yaml: invalid YAML: /);
    expect(snapshot(d)).toEqual(before);
  });

  it("R9.3 deleting a tag of an unknown stream is NotFound; nothing is written", () => {
    const d = dir();
    const f = copyExample(d, "python.yaml");
    const before = snapshot(d);
    const r = cli(["tag", "-d", "python:3.5", "nope:1", "-f", f, "--in-place"]);
    expect([r.code, r.stderr]).toEqual([1, 'error: imagestreams.image.openshift.io "nope" not found\n']);
    expect(snapshot(d)).toEqual(before);
  });

  it("a stream file without namespace follows -n, and boolean flags accept =false", () => {
    const d = dir();
    const f = join(d, "s.yaml");
    writeFileSync(f, read("examples/python.yaml").replace("  namespace: default\n", ""));
    const r = cli([
      "tag",
      "python:3.5",
      "python:latest",
      "--scheduled=false",
      "-n",
      "team",
      "-f",
      f,
      "--in-place",
    ]);
    expect([r.code, r.stdout]).toEqual([0, `Tag python:latest set to python@${D49}.\n`]);
    const s = stream(f);
    expect(s.metadata.namespace).toBeUndefined();
    expect(specTag(s, "latest")?.importPolicy?.scheduled).not.toBe(true);
    const del = cli(["tag", "-d", "python:latest", "-n", "team", "-f", f]);
    expect(del.stdout).toBe("Deleted tag team/python:latest.\n");
  });

  it("JSON and List files are rewritten in their own format; a stream without namespace keeps none", () => {
    const d = dir();
    const j = join(d, "python.json");
    const py = docs("examples/python.yaml");
    const noNs = { ...py[0], metadata: { ...py[0]?.metadata, namespace: undefined } };
    writeFileSync(
      j,
      `${JSON.stringify({ apiVersion: "v1", kind: "List", items: [noNs, py[1]] }, null, 4)}\n`,
    );
    const r = cli([
      "tag",
      "python:3.5",
      "python:latest",
      "-f",
      j,
      "--in-place",
      "--now",
      "2017-10-02T17:09:00Z",
    ]);
    expect([r.code, r.stdout]).toEqual([0, `Tag python:latest set to python@${D49}.\n`]);
    const text = readFileSync(j, "utf8");
    expect(text).toMatch(/^\{\n {4}"apiVersion": "v1",/);
    const list = JSON.parse(text);
    expect(list.kind).toBe("List");
    expect(list.items[0].metadata.namespace).toBeUndefined();
    expect(specTag(list.items[0], "latest")?.from?.name).toBe(`python@${D49}`);
    expect(list.items[1]).toEqual(py[1]);
  });
});

describe("examples/demo.mjs", () => {
  it("runs the whole demo on copies and leaves examples/ unchanged", () => {
    const before = snapshot("examples");
    const r = spawnSync(process.execPath, ["examples/demo.mjs"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Tag python:latest set to python@${D49}.`);
    expect(r.stdout).toContain("Tag python:3.6 set to docker.io/python:3.6.0.");
    expect(r.stdout).toContain(`Tag python:latest set to python@${D43}.`);
    expect(r.stdout).toContain("Deleted tag default/python:3.5.");
    expect(r.stdout).toContain("Tag python:3.6 set to import docker.io/python:3.6.0 periodically.");
    expect(snapshot("examples")).toEqual(before);
  }, 120_000);
});
