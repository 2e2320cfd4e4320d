/** `--in-place` keeps a CRLF file CRLF, every line of it, new documents included. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cleanup, cli, ensureBuilt, read, tempDir } from "./support.js";

beforeAll(() => ensureBuilt(), 300_000);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) cleanup(d);
});

const crlf = (text: string) => text.replace(/\r?\n/g, "\r\n");
const lfOnly = (text: string) => /(^|[^\r])\n/.test(text);

/** Runs the same command on an LF copy and a CRLF copy of `text`; returns both results. */
function both(name: string, text: string, args: (file: string) => string[]): { lf: string; crlf: string } {
  const d = tempDir();
  dirs.push(d);
  const a = join(d, `lf-${name}`);
  const b = join(d, `crlf-${name}`);
  writeFileSync(a, text);
  writeFileSync(b, crlf(text));
  for (const f of [a, b]) {
    const r = cli([...args(f), "--in-place", "--now", "2017-10-02T17:10:00Z"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  }
  return { lf: readFileSync(a, "utf8"), crlf: readFileSync(b, "utf8") };
}

describe("--in-place line endings", () => {
  const python = read("examples/python.yaml");

  it("a CRLF YAML file changed in place has CRLF on every line (comments, changed fields)", () => {
    const out = both("python.yaml", python, (f) => ["tag", "python:3.5", "python:latest", "-f", f]);
    expect(out.lf).not.toBe(python);
    expect(lfOnly(out.crlf)).toBe(false);
    expect(out.crlf).toBe(crlf(out.lf));
  });

  it("documents appended to a CRLF file (a new stream) are CRLF too, separators included", () => {
    const out = both("python.yaml", python, (f) => ["tag", "python:3.5", "other:1", "-f", f]);
    expect(out.lf).toContain("\n---\n");
    expect(lfOnly(out.crlf)).toBe(false);
    expect(out.crlf).toBe(crlf(out.lf));
  });

  it("a CRLF JSON file keeps CRLF", () => {
    const json = `${JSON.stringify({ apiVersion: "v1", kind: "List", items: [{ apiVersion: "image.openshift.io/v1", kind: "ImageStream", metadata: { name: "app", namespace: "ns" }, spec: { tags: [{ name: "a", from: { kind: "DockerImage", name: "quay.io/x/app:1" } }] } }] }, null, 2)}\n`;
    const out = both("app.json", json, (f) => ["tag", "quay.io/x/app:2", "app:b", "-f", f]);
    expect(out.lf).toContain('"b"');
    expect(lfOnly(out.crlf)).toBe(false);
    expect(out.crlf).toBe(crlf(out.lf));
  });

  it("an LF file stays LF", () => {
    const out = both("python.yaml", python, (f) => ["tag", "python:3.5", "python:latest", "-f", f]);
    expect(out.lf.includes("\r")).toBe(false);
  });
});
