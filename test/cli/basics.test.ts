import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cleanup, cli, copyExample, EXAMPLES, ensureBuilt, read, snapshot, tempDir } from "./support.js";

const SUBCOMMANDS = ["describe", "get", "tag", "rollback", "map", "import", "resolve", "prune", "validate"];

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

describe("help and usage", () => {
  it("--help lists every subcommand and exits 0", () => {
    const r = cli(["--help"]);
    expect(r.code).toBe(0);
    for (const c of SUBCOMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, "m"));
  });

  it.each(SUBCOMMANDS)("%s --help prints usage and exits 0", (c) => {
    const r = cli([c, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`imagestream ${c}`);
    expect(r.stdout).toContain("-f, --filename FILE");
    expect(r.stderr).toBe("");
  });

  it("help SUBCOMMAND is the same as SUBCOMMAND --help", () => {
    expect(cli(["help", "tag"]).stdout).toBe(cli(["tag", "-h"]).stdout);
  });

  it("no arguments prints help on stderr and exits 2", () => {
    const r = cli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage:");
  });

  it("--version prints the package version", () => {
    const pkg = JSON.parse(read(join(EXAMPLES, "..", "package.json"))) as { version: string };
    expect(cli(["--version"]).stdout).toBe(`imagestream ${pkg.version}\n`);
  });

  it.each([
    [["frobnicate"], 'unknown command "frobnicate"'],
    [["-f", "x.yaml", "describe"], "flags go after the command"],
    [["describe", "is/python", "--bogus", "-f", "examples/python.yaml"], "Unknown option '--bogus'"],
    [["get", "is", "-o", "xml", "-f", "examples/python.yaml"], 'output format "xml"'],
    [
      ["describe", "is/python", "-o", "yaml", "-f", "examples/python.yaml"],
      '-o is not supported by "describe"',
    ],
    [
      ["describe", "is/python", "--in-place", "-f", "examples/python.yaml"],
      '--in-place is not supported by "describe"',
    ],
    [
      ["describe", "is/python", "--now", "yesterday", "-f", "examples/python.yaml"],
      'invalid argument "yesterday" for "--now"',
    ],
    [["describe", "is/python"], "no input: pass image streams with -f FILE"],
    [["describe", "-f", "examples/python.yaml"], "you must specify the type of resource"],
    [["describe", "pods/x", "-f", "examples/python.yaml"], 'doesn\'t have a resource type "pods"'],
    [["tag", "-f", "examples/python.yaml"], "you must specify a source and at least one destination"],
    [["tag", "python:3.5", "python:x", "--in-place", "-f", "-"], "--in-place cannot rewrite standard input"],
    [
      ["tag", "python:3.5", "python:x", "--alias=maybe", "-f", "examples/python.yaml"],
      'invalid argument "maybe" for "--alias"',
    ],
    [["prune", "--keep-younger-than", "soon", "-f", "examples/python.yaml"], "expected a duration"],
    [["prune", "--keep-tag-revisions", "-1", "-f", "examples/python.yaml"], "--keep-tag-revisions"],
    [["rollback", "python:3.5", "x", "-f", "examples/python.yaml"], 'invalid REVISION "x"'],
    [["map", "-f", "examples/python.yaml"], "MAPPING_FILE (an ImageStreamMapping) is required"],
    [
      ["resolve", "mysql", "--operation", "delete", "-f", "examples/python.yaml"],
      "expected create or update",
    ],
    [["validate", "extra", "-f", "examples/python.yaml"], 'unexpected argument "extra"'],
    [["describe", "is/python", "-f", "-", "-f", "-"], "standard input"],
  ])("usage error %j exits 2 with a clear message", (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toMatch(/^error: /);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });
});

describe("validate and input formats", () => {
  it("validate accepts the examples", () => {
    const r = cli([
      "validate",
      ...[
        "python.yaml",
        "origin-ruby-sample.yaml",
        "origin-ruby-sample-mapping.yaml",
        "origin-ruby-sample-mapping-2.yaml",
      ].flatMap((f) => ["-f", join("examples", f)]),
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "ImageStream default/python: valid",
        "Image sha256:49c18358df82f4577386404991c51a9559f243e0b1bdc366df25000000000000: valid",
        "ImageStream test/origin-ruby-sample: valid",
        "ImageStreamMapping test/origin-ruby-sample: valid",
        "ImageStreamMapping test/origin-ruby-sample: valid",
        "",
      ].join("\n"),
    );
  });

  it("R4.1.1 validate reports an invalid stream name with the API server message and exits 1", () => {
    const d = dir();
    const f = join(d, "bad.yaml");
    writeFileSync(f, "apiVersion: v1\nkind: ImageStream\nmetadata:\n  name: Python\n  namespace: default\n");
    const r = cli(["validate", "-f", f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: ${f}: ImageStream.image.openshift.io "Python" is invalid: metadata.name: Invalid value: "Python": must match "[a-z0-9]+(?:[._-][a-z0-9]+)*"\n`,
    );
  });

  it("validate reads a List, JSON and standard input, and skips other kinds", () => {
    const d = dir();
    const f = join(d, "list.json");
    const stream = {
      apiVersion: "image.openshift.io/v1",
      kind: "ImageStream",
      metadata: { name: "a", namespace: "ns" },
    };
    writeFileSync(
      f,
      JSON.stringify({
        apiVersion: "v1",
        kind: "List",
        items: [stream, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } }],
      }),
    );
    const r = cli(["validate", "-f", f, "-f", "-"], {
      input:
        "kind: ImageStream\nmetadata: {name: b, namespace: ns}\n---\nkind: ImageStream\nmetadata: {name: c, namespace: ns}\n",
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ImageStream ns/a: valid");
    expect(r.stdout).toContain("ConfigMap c: skipped");
    expect(r.stdout).toContain("ImageStream ns/b: valid\nImageStream ns/c: valid\n");
  });

  it.each([
    [
      "bad.yaml",
      "kind: ImageStream\nmetadata: [\n",
      /^error: .*bad\.yaml: invalid YAML: .* at line \d+, column \d+\n$/,
    ],
    ["bad.json", '{"kind": "ImageStream",', /^error: .*bad\.json: invalid JSON: /],
    ["nokind.yaml", "metadata: {name: x}\n", /^error: .*nokind\.yaml: Object 'Kind' is missing\n$/],
    ["scalar.yaml", "just a string\n", /^error: .*scalar\.yaml: expected an object, got a string\n$/],
    [
      "dup.yaml",
      "kind: ImageStream\nkind: ImageStream\n",
      /^error: .*dup\.yaml: invalid YAML: Map keys must be unique/,
    ],
    [
      "meta.yaml",
      "kind: ImageStream\nmetadata: hello\n",
      /^error: ImageStream\.image\.openshift\.io "" is invalid: metadata: .*must be an object\n$/,
    ],
    [
      "bomb.yaml",
      "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nkind: ImageStream\n",
      /^error: .*bomb\.yaml: invalid YAML: Excessive alias count/,
    ],
  ])("malformed input %s exits 1 with one line naming the file", (name, text, pattern) => {
    const d = dir();
    const f = join(d, name);
    writeFileSync(f, text);
    const r = cli(["describe", "is", "-f", f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("a missing file or a folder exits 1 with the Go-style message", () => {
    const r = cli(["describe", "is", "-f", "/nonexistent/x.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("error: open /nonexistent/x.yaml: no such file or directory\n");
    const d = dir();
    expect(cli(["describe", "is", "-f", d]).stderr).toBe(`error: open ${d}: is a directory\n`);
  });

  it("the same stream in two files is an error", () => {
    const d = dir();
    copyExample(d, "python.yaml", "a.yaml");
    copyExample(d, "python.yaml", "b.yaml");
    const before = snapshot(d);
    const r = cli([
      "tag",
      "python:3.5",
      "python:latest",
      "--in-place",
      "-f",
      join(d, "a.yaml"),
      "-f",
      join(d, "b.yaml"),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('imagestream "default/python" is defined twice');
    expect(snapshot(d)).toEqual(before);
  });
});

describe("validate (shape)", () => {
  it("a wrongly typed field is reported with its Kubernetes path, every object is checked", () => {
    const d = tempDir();
    try {
      const f = join(d, "two.yaml");
      writeFileSync(
        f,
        "kind: ImageStream\nmetadata: {name: a, namespace: ns, generation: many}\n---\nkind: ImageStream\nmetadata: {name: b, namespace: ns}\n",
      );
      const r = cli(["validate", "-f", f]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("ImageStream ns/b: valid\n");
      expect(r.stderr).toMatch(
        /^error: .*two\.yaml \(document 1\): ImageStream\.image\.openshift\.io "a" is invalid: metadata\.generation: /,
      );
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    } finally {
      cleanup(d);
    }
  });
});

describe("hostile names", () => {
  it("kinds and resource types named like Object.prototype members are ordinary strings", () => {
    const d = tempDir();
    try {
      const f = join(d, "h.yaml");
      writeFileSync(f, "kind: constructor\nmetadata: {name: x}\n---\nkind: __proto__\nmetadata: {name: y}\n");
      const v = cli(["validate", "-f", f]);
      expect(v.code).toBe(0);
      expect(v.stdout).toContain("constructor x: skipped");
      expect(v.stdout).toContain("__proto__ y: skipped");
      const r = cli(["describe", "constructor/x", "-f", f]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('doesn\'t have a resource type "constructor"');
      const a = cli(["resolve", "mysql", "--annotation", "__proto__=x", "-f", "examples/python.yaml"]);
      expect(a.code).toBe(0);
      expect(a.stdout).toBe('mysql unchanged: notFound: imagestreams.image.openshift.io "mysql" not found\n');
    } finally {
      cleanup(d);
    }
  });
});
