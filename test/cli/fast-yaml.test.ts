import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fc, test as fcTest } from "@fast-check/vitest";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments, stringify } from "yaml";
import { fastYamlDocuments } from "../../src/cli/fast-yaml.js";
import { cleanup, cli, ensureBuilt, read, tempDir } from "./support.js";

/** What `yaml` gives: the values of the documents, or "error" when a document has errors. */
function slow(text: string): unknown[] | "error" {
  const docs = parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  if (list.some((d) => d.errors.length > 0)) return "error";
  return list.map((d) => d.toJS({ maxAliasCount: 100 }));
}

/** The fast reader agrees with `yaml` or declines: it never gives other values, nor values for an error. */
function agrees(text: string): void {
  const fast = fastYamlDocuments(text);
  if (fast === undefined) return;
  const expected = slow(text);
  expect(expected, JSON.stringify(text)).not.toBe("error");
  expect(fast, JSON.stringify(text)).toStrictEqual(expected);
}

const supported: ReadonlyArray<readonly [string, string]> = [
  ["a Kubernetes object", "apiVersion: v1\nkind: ImageStream\nmetadata:\n  name: x\n  generation: 2\n"],
  [
    "sequences at the key's indentation",
    "spec:\n  tags:\n  - name: a\n    from:\n      kind: D\n  - name: b\nstatus: {}\n",
  ],
  ["indented sequences", "a:\n  - 1\n  - b\n  -\n    c: d\n"],
  ["comments everywhere", "# head\na: 1 # one\n  # indented\nb: # none\n\n# tail\n"],
  ["quoted scalars", `a: "x: y # z"\nb: 'it''s'\nc: "\\u00e9\\n\\"q\\""\n"d e": 1\n'f': 2\n`],
  [
    "core schema scalars",
    "a: ~\nb: null\nc: True\nd: 0o17\ne: -12\nf: 0x1F\ng: .inf\nh: -.Inf\ni: .nan\nj: 1e3\nk: 1.50\nl: 2017-10-02T17:05:00Z\nm: 3.5.1\nn: +1\no: -0\n",
  ],
  ["empty flow collections and null values", "a: []\nb: {}\nc:\nd: # x\n"],
  ["several documents", "a: 1\n---\nb: 2\n---\n---\n"],
  ["a leading document marker", "---\na: 1\n"],
  ["only comments", "# nothing\n\n"],
  ["the empty text", ""],
  ["CRLF line endings", "a: 1\r\nb:\r\n- x\r\n- 'y'\r\n"],
  ["keys the prototype has", "toString: 1\nconstructor: 2\nhasOwnProperty: 3\n"],
  ["a plain scalar with inner colons and hashes", "a: quay.io/x/y:1#2\nb: x:y\nc: '-'\nd: -x\n"],
  ["items that are mappings with more keys", "- a: 1\n  b: 2\n-   c: 3\n    d: 4\n"],
];

const declined: ReadonlyArray<readonly [string, string]> = [
  ["an anchor and alias", "a: &x 1\nb: *x\n"],
  ["a block scalar", "a: |\n  line\n"],
  ["a multi-line plain scalar", "a: one\n  two\n"],
  ["a flow mapping", "a: {b: 1}\n"],
  ["a tab", "a:\t1\n"],
  ["duplicate keys", "a: 1\na: 2\n"],
  ["a __proto__ key", "__proto__: 1\n"],
  ["a number key", "1: a\n"],
  ["a directive", "%YAML 1.2\n---\na: 1\n"],
  ["a document end marker", "a: 1\n...\n"],
  ["a nested mapping on one line", "a: b: c\n"],
  ["a root scalar", "hello\n"],
  ["inconsistent indentation", "a:\n  b: 1\n c: 2\n"],
  ["an item among keys", "a: 1\n- b\n"],
  ["a tag", "a: !!str 1\n"],
  ["a multi-line quoted scalar", 'a: "one\n  two"\n'],
  ["an unknown escape", 'a: "\\x41"\n'],
  ["a lone CR", "a: 1\rb: 2\n"],
  ["a byte order mark", "\ufeffa: 1\n"],
];

describe("fastYamlDocuments (the CLI's fast reader of Kubernetes-style YAML)", () => {
  it.each(supported)("reads %s exactly as yaml does", (_name, text) => {
    expect(fastYamlDocuments(text)).toStrictEqual(slow(text));
  });
  it.each(declined)("declines %s (yaml decides)", (_name, text) => {
    expect(fastYamlDocuments(text)).toBeUndefined();
  });

  const scalar = fc.oneof(
    fc.string(),
    fc.constantFrom(
      "~",
      "null",
      "true",
      "False",
      "0o7",
      "0x1F",
      "-0",
      "+5",
      ".5",
      "1.",
      "1e3",
      ".NaN",
      "-.inf",
      "-",
      "- x",
      "a: b",
      "a #b",
      "#",
      "'",
      '"',
      "[]",
      "{}",
      "---",
      "...",
      ":x",
      "?x",
      "2017-10-02T17:05:00Z",
      "yes",
      "on",
    ),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, scalar, tie("array"), tie("object")),
    array: fc.array(tie("node"), { maxLength: 4 }),
    object: fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom("a", "b", "1", "null", "toString")),
      tie("node"),
      {
        maxKeys: 4,
      },
    ),
  })).node;
  // documents are objects (as Kubernetes files are), so most of them are for the fast reader
  const root = fc.dictionary(fc.oneof(fc.string(), fc.constantFrom("kind", "metadata", "spec")), value, {
    minKeys: 1,
    maxKeys: 4,
  });
  const options = fc.record({
    indentSeq: fc.boolean(),
    lineWidth: fc.constantFrom(0, 20, 80),
    singleQuote: fc.boolean(),
    indent: fc.constantFrom(2, 4),
  });

  fcTest.prop([fc.array(root, { minLength: 1, maxLength: 3 }), options], { numRuns: 400 })(
    "agrees with yaml on what yaml's own printer writes",
    (docs, opts) => {
      agrees(docs.map((d) => stringify(d, opts)).join("---\n"));
    },
  );

  const edit = fc.record({
    at: fc.nat(),
    cut: fc.nat({ max: 3 }),
    insert: fc.constantFrom(
      "",
      " ",
      "  ",
      "\n",
      "- ",
      ": ",
      "#",
      " #c",
      "---\n",
      "'",
      '"',
      "\r\n",
      "a",
      "-",
      "\n  ",
      "\\",
    ),
  });
  fcTest.prop([root, options, fc.array(edit, { minLength: 1, maxLength: 4 })], { numRuns: 600 })(
    "agrees with yaml (or declines) on damaged text",
    (doc, opts, edits) => {
      let text = stringify(doc, opts);
      for (const e of edits) {
        const at = text.length === 0 ? 0 : e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
      }
      agrees(text);
    },
  );
});

describe("the command reads YAML through the fast reader with yaml's behaviour", () => {
  beforeAll(() => ensureBuilt(), 300_000);
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) cleanup(d);
  });
  const stream = {
    apiVersion: "image.openshift.io/v1",
    kind: "ImageStream",
    metadata: { name: "app", namespace: "ns", creationTimestamp: "2024-05-01T10:00:00Z" },
    spec: {
      tags: Array.from({ length: 300 }, (_, i) => ({
        name: `t${i}`,
        annotations: { description: `tag "${i}": it's #${i}` },
        from: { kind: "DockerImage", name: `quay.io/x/app:t${i}` },
      })),
    },
    status: {
      dockerImageRepository: "172.30.1.1:5000/ns/app",
      tags: Array.from({ length: 300 }, (_, i) => ({
        tag: `t${i}`,
        items: [
          {
            created: "2024-05-01T10:00:00Z",
            dockerImageReference: `quay.io/x/app:t${i}`,
            image: `sha256:${i.toString(16).padStart(64, "0")}`,
            generation: 1,
          },
        ],
      })),
    },
  };

  it("describe from YAML (fast reader), from YAML with an anchor (yaml) and from JSON print the same", () => {
    const d = tempDir();
    dirs.push(d);
    const yamlFile = join(d, "app.yaml");
    const anchored = join(d, "anchored.yaml");
    const jsonFile = join(d, "app.json");
    const text = stringify(stream, { lineWidth: 0, indentSeq: false });
    writeFileSync(yamlFile, text);
    writeFileSync(anchored, text.replace("  name: app\n", "  name: &n app\n"));
    writeFileSync(jsonFile, JSON.stringify(stream));
    expect(fastYamlDocuments(text)).toBeDefined();
    expect(fastYamlDocuments(read(anchored))).toBeUndefined();
    const outs = [yamlFile, anchored, jsonFile].map((f) =>
      cli(["describe", "is/app", "-f", f, "--now", "2024-05-01T11:00:00Z"]),
    );
    for (const r of outs) expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(outs[0]?.stdout).toBe(outs[2]?.stdout);
    expect(outs[1]?.stdout).toBe(outs[2]?.stdout);
  });

  it("errors still come from yaml (duplicate keys), with the line and column", () => {
    const d = tempDir();
    dirs.push(d);
    const f = join(d, "dup.yaml");
    writeFileSync(f, "kind: ImageStream\nmetadata:\n  name: a\n  name: b\n");
    const r = cli(["get", "is", "-f", f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: .*dup\.yaml: invalid YAML: Map keys must be unique at line 4, column 3\n$/,
    );
  });
});
