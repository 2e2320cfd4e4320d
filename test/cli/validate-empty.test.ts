/** `imagestream validate` on files without objects (kubectl: "no objects passed to create"). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cleanup, cli, copyExample, ensureBuilt, tempDir } from "./support.js";

beforeAll(() => ensureBuilt(), 300_000);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) cleanup(d);
});

describe("validate: an empty file is an error", () => {
  it.each([
    ["an empty file", "empty.yaml", ""],
    ["only comments and blank lines", "comments.yaml", "# nothing here\n\n"],
    ["an empty document", "doc.yaml", "---\n"],
    ["an empty List", "list.json", '{"apiVersion": "v1", "kind": "List", "items": []}\n'],
  ])("%s: exit 1 and one error line naming the file", (_name, file, text) => {
    const d = tempDir();
    dirs.push(d);
    const f = join(d, file);
    writeFileSync(f, text);
    const r = cli(["validate", "-f", f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`error: ${f}: no objects passed to validate\n`);
  });

  it("the other files are still validated; the empty one fails the run", () => {
    const d = tempDir();
    dirs.push(d);
    const good = copyExample(d, "python.yaml");
    const empty = join(d, "empty.yaml");
    writeFileSync(empty, "");
    const r = cli(["validate", "-f", good, "-f", empty]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ImageStream default\/python: valid\n/);
    expect(r.stderr).toBe(`error: ${empty}: no objects passed to validate\n`);
  });

  it("empty standard input is an error too", () => {
    const r = cli(["validate", "-f", "-"], { input: "" });
    expect([r.code, r.stderr]).toEqual([1, "error: <stdin>: no objects passed to validate\n"]);
  });
});
