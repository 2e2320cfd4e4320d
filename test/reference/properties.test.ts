import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { ImageReferenceError } from "../../src/errors.js";
import { parseImageStreamImageName, parseImageStreamTagName } from "../../src/names/index.js";
import {
  type DockerImageReference,
  exactReference,
  parseAnyReference,
  parseDigest,
  parseDockerImageReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  parseReference,
  referenceName,
  referenceToString,
  withName,
} from "../../src/reference/index.js";

const chars = (s: string) => fc.constantFrom(...s.split(""));
const lowerAlnum = fc
  .array(chars("abcdefghijklmnopqrstuvwxyz0123456789"), { minLength: 1, maxLength: 6 })
  .map((a) => a.join(""));
const separator = fc.constantFrom(".", "_", "__", "-", "--", "---");
/** A path component: alnum runs joined by separators. */
const component = fc
  .tuple(lowerAlnum, fc.array(fc.tuple(separator, lowerAlnum), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([s, a]) => s + a).join(""));
const components = (min: number, max: number) =>
  fc.array(component, { minLength: min, maxLength: max }).map((a) => a.join("/"));
const alnumAny = chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
const label = fc
  .tuple(alnumAny, fc.array(fc.oneof(alnumAny, fc.constant("-")), { maxLength: 6 }), alnumAny)
  .map(([a, mid, b]) => a + mid.join("") + b);
const port = fc.integer({ min: 1, max: 99999 }).map(String);
const hostName = fc.array(label, { minLength: 1, maxLength: 3 }).map((a) => a.join("."));
const ipv6 = fc
  .array(chars("0123456789abcdefABCDEF:"), { minLength: 1, maxLength: 12 })
  .map((a) => `[${a.join("")}]`);
const domain = (v6: boolean) =>
  fc
    .tuple(v6 ? fc.oneof(hostName, ipv6) : hostName, fc.option(port, { nil: undefined }))
    .map(([h, p]) => (p === undefined ? h : `${h}:${p}`));
const tag = fc
  .tuple(chars("abcXYZ019_"), fc.array(chars("abcXYZ019_.-"), { maxLength: 20 }))
  .map(([a, b]) => a + b.join(""));
const hex = (n: number) =>
  fc.array(chars("0123456789abcdef"), { minLength: n, maxLength: n }).map((a) => a.join(""));
const digest = fc.oneof(
  hex(64).map((h) => `sha256:${h}`),
  hex(96).map((h) => `sha384:${h}`),
  hex(128).map((h) => `sha512:${h}`),
);

/** Any string, with a bias towards the grammar's own characters. */
const anyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc
    .array(
      fc.constantFrom("a", "A", "0", "/", ":", "@", ".", "-", "_", "[", "]", "sha256:", " ", "localhost"),
      {
        maxLength: 20,
      },
    )
    .map((a) => a.join("")),
);

function parsesOrThrowsImageReferenceError(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ImageReferenceError);
  }
}

describe("properties", () => {
  fcTest.prop(
    [
      fc.option(domain(true), { nil: undefined }),
      components(1, 4),
      fc.option(tag, { nil: undefined }),
      fc.option(digest, { nil: undefined }),
    ],
    { numRuns: 200 },
  )("format then parse gives the reference back (Docker dialect)", (d, path, t, dg) => {
    const name = d === undefined ? path : `${d}/${path}`;
    const s = name + (t === undefined ? "" : `:${t}`) + (dg === undefined ? "" : `@${dg}`);
    const r = parseReference(s);
    expect(referenceName(r)).toBe(name);
    expect(r.tag).toBe(t ?? "");
    expect(r.digest).toBe(dg ?? "");
    if (d !== undefined) expect(r.domain).toBe(d);
    expect(referenceToString(r)).toBe(s);
  });

  const osRef = fc
    .record({
      registry: fc.option(
        fc.oneof(
          domain(false).filter((x) => x.includes(".") || x.includes(":")),
          fc.constant("localhost"),
        ),
        { nil: undefined },
      ),
      namespace: fc.option(component, { nil: undefined }),
      name: components(1, 3),
      tag: fc.option(tag, { nil: undefined }),
      id: fc.option(digest, { nil: undefined }),
    })
    .map(({ registry, namespace, name, tag: t, id }): DockerImageReference => {
      let nm = name;
      let ns = namespace ?? "";
      // Without a namespace the name is a single component (a slash would make it a namespace).
      if (ns === "") nm = name.split("/")[0] as string;
      const reg = registry ?? "";
      if (reg === "") {
        // Without a registry the first component must not look like one.
        if (ns !== "") ns = ns.replaceAll(".", "-");
        else nm = nm.replaceAll(".", "-");
        if (ns === "localhost") ns = "localhostx";
        if (ns === "" && nm.startsWith("localhost")) nm = `x${nm}`;
      }
      return { registry: reg, namespace: ns, name: nm, tag: id === undefined ? (t ?? "") : "", id: id ?? "" };
    });

  fcTest.prop([osRef], { numRuns: 200 })("format then parse gives the reference back (OpenShift)", (r) => {
    const s = exactReference(r);
    expect(parseDockerImageReference(s)).toEqual(r);
    expect(exactReference(parseDockerImageReference(s))).toBe(s);
  });

  fcTest.prop([anyString], { numRuns: 200 })(
    "every string either parses or throws ImageReferenceError",
    (s) => {
      for (const fn of [
        () => parseReference(s),
        () => parseReference(s, { dialect: "openshift" }),
        () => parseNormalizedNamed(s),
        () => parseDockerRef(s),
        () => parseAnyReference(s),
        () => parseNamed(s),
        () => withName(s),
        () => parseDockerImageReference(s),
        () => parseDigest(s),
        () => parseDigest(s, { dialect: "docker" }),
        () => parseImageStreamTagName(s),
        () => parseImageStreamImageName(s),
      ]) {
        parsesOrThrowsImageReferenceError(fn);
      }
    },
  );

  fcTest.prop(
    [
      fc.oneof(
        anyString,
        fc.tuple(components(1, 3), fc.option(tag, { nil: undefined })).map(([p, t]) => (t ? `${p}:${t}` : p)),
      ),
    ],
    {
      numRuns: 200,
    },
  )("canonical strings round-trip exactly", (s) => {
    let r: ReturnType<typeof parseNormalizedNamed>;
    try {
      r = parseNormalizedNamed(s);
    } catch {
      return;
    }
    const canonical = referenceToString(r);
    const again = parseNormalizedNamed(canonical);
    expect(again).toEqual(r);
    expect(referenceToString(again)).toBe(canonical);
    expect(referenceToString(parseNamed(canonical))).toBe(canonical);
    // Raw parse of a canonical string prints it back too.
    expect(referenceToString(parseReference(canonical))).toBe(canonical);
  });

  /** library-go `reference.Parse`, transcribed naively on top of the raw parser. */
  function naiveLibraryGoParse(spec: string): DockerImageReference {
    const r = parseReference(spec, { dialect: "openshift" });
    const name = referenceName(r);
    const i = name.indexOf("/");
    const registryOnly = i === -1 && (name.includes(".") || name.startsWith("localhost"));
    const nameOnly =
      (i === -1 && !registryOnly) ||
      (i > -1 &&
        !name.slice(0, i).includes(":") &&
        !name.slice(0, i).includes(".") &&
        name.slice(0, i) !== "localhost");
    let registry = "";
    let nm = "";
    if (registryOnly) registry = referenceToString(r);
    else if (nameOnly) nm = name;
    else [registry, nm] = [name.slice(0, i), name.slice(i + 1)];
    const tagged = registryOnly ? "" : r.tag;
    const j = nm.indexOf("/");
    return j === -1
      ? { registry, namespace: "", name: nm, tag: tagged, id: r.digest }
      : { registry, namespace: nm.slice(0, j), name: nm.slice(j + 1), tag: tagged, id: r.digest };
  }

  fcTest.prop(
    [
      fc.oneof(
        anyString,
        fc
          .tuple(
            fc.option(domain(false), { nil: undefined }),
            components(1, 4),
            fc.option(tag, { nil: undefined }),
          )
          .map(([d, p, t]) => `${d === undefined ? "" : `${d}/`}${p}${t === undefined ? "" : `:${t}`}`),
      ),
    ],
    { numRuns: 200 },
  )("R3.1.3 parseDockerImageReference agrees with a naive transcription of library-go Parse", (s) => {
    let want: DockerImageReference | undefined;
    let wantErr: string | undefined;
    try {
      want = naiveLibraryGoParse(s);
    } catch (e) {
      wantErr = (e as ImageReferenceError).kind;
    }
    if (wantErr !== undefined) {
      expect(() => parseDockerImageReference(s)).toThrow(ImageReferenceError);
      return;
    }
    expect(parseDockerImageReference(s)).toEqual(want);
  });

  fcTest.prop([anyString], { numRuns: 200 })("a raw parse prints back its exact input", (s) => {
    let r: ReturnType<typeof parseReference>;
    try {
      r = parseReference(s);
    } catch {
      return;
    }
    expect(referenceToString(r)).toBe(s);
  });
});
