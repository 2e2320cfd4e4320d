/**
 * Bounded messages: every message of the library and the CLI echoes at most 256 characters of an
 * untrusted input (`quoteInput`), while the full input stays on the error object. Upstream wording
 * is kept otherwise (apimachinery pkg/util/validation/field/errors.go, ErrorBody, also keeps huge
 * values out of messages by omitting them for some types).
 */
import { describe, expect, it } from "vitest";
import { run } from "../src/cli/run.js";
import {
  ConflictError,
  formatFieldError,
  ImageReferenceError,
  type InvalidError,
  invalidField,
  isBadRequest,
  isInvalid,
  NotFoundError,
  quoteInput,
  reasonForError,
} from "../src/errors.js";
import {
  applyImageStreamMapping,
  createImageStream,
  type ImageStream,
  type ImageStreamMapping,
  parseDockerImageReference,
  parseImageStreamImageName,
  parseImageStreamTagName,
  parseNormalizedNamed,
} from "./support/all.js";

const MB10 = 10 * 1024 * 1024;
const BIG = "a".repeat(MB10);
/** What "under ~1 KB" means for one message with one echoed input. */
const BOUND = 1024;

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a throw");
}

describe("quoteInput", () => {
  it.each([
    { name: "short text: JSON.stringify", s: "ruby", max: undefined, want: '"ruby"' },
    { name: "the empty string", s: "", max: undefined, want: '""' },
    {
      name: "exactly max characters: whole",
      s: "a".repeat(256),
      max: undefined,
      want: `"${"a".repeat(256)}"`,
    },
    {
      name: "one more than max: clipped, with the length",
      s: "a".repeat(257),
      max: undefined,
      want: `"${"a".repeat(256)}"… (257 characters)`,
    },
    { name: "a smaller bound", s: "abcdef", max: 3, want: '"abc"… (6 characters)' },
    { name: "a bound of zero", s: "abc", max: 0, want: '""… (3 characters)' },
    { name: "a negative bound counts as the default", s: "abc", max: -1, want: '"abc"' },
    { name: "quotes and control characters are escaped", s: 'a"b\n', max: undefined, want: '"a\\"b\\n"' },
    {
      name: "a surrogate pair is never split",
      s: `ab😀cd`,
      max: 3,
      want: '"ab"… (6 characters)',
    },
  ])("$name", ({ s, max, want }) => {
    expect(quoteInput(s, max)).toBe(want);
  });

  it("a custom quote function quotes the kept part only; String gives an unquoted echo", () => {
    expect(quoteInput("abcdef", 2, (t) => `<${t}>`)).toBe("<ab>… (6 characters)");
    expect(quoteInput("abcdef", 2, String)).toBe("ab… (6 characters)");
  });

  it("never throws on a value that is not a string", () => {
    expect(quoteInput(Object.create(null) as never)).toBe('"[object Object]"');
    expect(quoteInput(undefined as never)).toBe('"undefined"');
    expect(quoteInput(Symbol("s") as never)).toBe('"[object Symbol]"');
  });

  it("a 10 MB input gives a short result", () => {
    expect(quoteInput(BIG).length).toBeLessThan(300);
    expect(quoteInput(BIG).endsWith(`… (${MB10} characters)`)).toBe(true);
  });
});

describe("library messages on a 10 MB input stay under 1 KB, the input stays on the error", () => {
  it("parseDockerImageReference (library-go ParseDockerImageReference): upstream message, input kept", () => {
    const e = thrown(() => parseDockerImageReference(`A${BIG}`));
    expect(e).toBeInstanceOf(ImageReferenceError);
    expect(e.message.length).toBeLessThan(BOUND);
    expect((e as ImageReferenceError).input).toHaveLength(MB10 + 1);
  });

  it("parseNormalizedNamed (distribution ParseNormalizedNamed): the remote name echoed is clipped", () => {
    const e = thrown(() => parseNormalizedNamed(`docker.io/A${BIG}`));
    expect(e.message.startsWith("invalid reference format: repository name (library/A")).toBe(true);
    expect(e.message).toContain(`… (${MB10 + 9} characters)) must be lowercase`);
    expect(e.message.length).toBeLessThan(BOUND);
  });

  it.each([
    { name: "parseImageStreamTagName (library-go ParseImageStreamTagName)", f: parseImageStreamTagName },
    {
      name: "parseImageStreamImageName (library-go ParseImageStreamImageName)",
      f: parseImageStreamImageName,
    },
  ])("$name: Go-quoted, clipped, input kept", ({ f }) => {
    const e = thrown(() => f(BIG)) as ImageReferenceError;
    expect(isBadRequest(e)).toBe(true);
    expect(e.message).toContain(`"${"a".repeat(256)}"… (${MB10} characters)`);
    expect(e.message.length).toBeLessThan(BOUND);
    expect(e.input).toBe(BIG);
  });

  it("a validation error (NewInvalid) on a stream whose name and tag are 10 MB: name, field path and value clipped", () => {
    const stream: ImageStream = {
      metadata: { name: BIG, namespace: "ns" },
      spec: { tags: [{ name: BIG, from: { kind: "DockerImage", name: `A${BIG}` } }] },
    };
    const e = thrown(() => createImageStream(stream, { now: "2024-01-01T00:00:00Z" })) as InvalidError;
    expect(isInvalid(e)).toBe(true);
    expect(
      e.message.startsWith(
        `ImageStream.image.openshift.io "${"a".repeat(256)}"… (${MB10} characters) is invalid`,
      ),
    ).toBe(true);
    // one bounded echo per field error: the message grows with the number of errors, not with the input
    expect(e.message.length).toBeLessThan(BOUND * e.fieldErrors.length);
    expect(e.resource?.name).toBe(BIG);
    expect(e.toStatus().details?.name).toBe(BIG);
  });

  it("field.Error: the value is clipped in the message, kept on the field error", () => {
    const fe = invalidField(`spec.tags[${BIG}].from.name`, BIG, "bad");
    const text = formatFieldError(fe);
    expect(text.length).toBeLessThan(BOUND);
    expect(text).toBe(
      `spec.tags[${"a".repeat(246)}… (${MB10 + 21} characters): Invalid value: "${"a".repeat(256)}"… (${MB10} characters): bad`,
    );
    expect(fe.value).toBe(BIG);
    const objectValue = formatFieldError(invalidField("x", { big: BIG }, "bad"));
    expect(objectValue.length).toBeLessThan(BOUND);
  });

  it("NewNotFound and NewConflict quote at most 256 characters of the name", () => {
    const nf = new NotFoundError({ resource: "imagestreamtags", name: BIG });
    expect(nf.message).toBe(
      `imagestreamtags.image.openshift.io "${"a".repeat(256)}"… (${MB10} characters) not found`,
    );
    expect(nf.resource?.name).toBe(BIG);
    expect(new ConflictError({ resource: "images", name: BIG }, "x").message.length).toBeLessThan(BOUND);
  });

  it("a clock value (opts.now) that is not a time", () => {
    const mapping: ImageStreamMapping = {
      metadata: { name: "app", namespace: "ns" },
      tag: "latest",
      image: {
        metadata: { name: `sha256:${"a".repeat(64)}` },
        dockerImageReference: `quay.io/ns/app@sha256:${"a".repeat(64)}`,
      },
    };
    const e = thrown(() =>
      applyImageStreamMapping({ metadata: { name: "app", namespace: "ns" } }, mapping, { now: BIG }),
    );
    expect(reasonForError(e)?.reason).toBe("BadRequest");
    expect(e.message).toBe(
      `invalid clock value "${"a".repeat(256)}"… (${MB10} characters): expected an RFC 3339 time`,
    );
  });
});

async function cli(argv: readonly string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await run(argv, {
    stdout: () => {},
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stderr };
}

describe("CLI errors on a 10 MB argument stay under 1 KB", () => {
  it.each([
    { name: "an unknown command", argv: [BIG], want: `error: unknown command "${"a".repeat(256)}"…` },
    { name: "an unknown flag", argv: ["get", `--${BIG}`], want: "error: Unknown option '--aaa" },
    {
      name: "a bad --now",
      argv: ["get", "is", "--now", BIG, "-f", "x.yaml"],
      want: "error: invalid argument",
    },
    {
      name: "a missing file",
      argv: ["get", "is", "-f", BIG],
      want: `error: open ${"a".repeat(256)}… (${MB10} characters)`,
    },
    {
      name: "an unknown resource type",
      argv: ["get", BIG, "-f", "x.yaml"],
      want: "error: the server doesn't have a resource type",
    },
  ])("$name", async ({ argv, want }) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBeGreaterThan(0);
    expect(stderr.startsWith(want)).toBe(true);
    expect(stderr.length).toBeLessThan(BOUND);
  });
});
