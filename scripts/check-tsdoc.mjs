// Checks that every export of every public entry point (package.json `exports`) has TSDoc with a
// one-line summary, an @example block and the @public tag. api-extractor checks release tags; this
// checks the rest. An entry's source is the file its `dist/<name>.d.ts` is built from (tsup.config.ts).
import ts from "typescript";

/** package.json `exports` subpath → source file (as in tsup.config.ts). */
const ENTRIES = {
  imagestream: "src/index.ts",
  "imagestream/reference": "src/reference/index.ts",
  "imagestream/schemas": "src/schemas.ts",
  "imagestream/oc": "src/oc.ts",
  "imagestream/testing": "src/testing/index.ts",
};

const program = ts.createProgram(Object.values(ENTRIES), {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();
const problems = [];
/** Each declaration is checked once, however many entries export it. */
const seen = new Set();
let count = 0;
for (const [entry, file] of Object.entries(ENTRIES)) {
  const source = program.getSourceFile(file);
  if (source === undefined) {
    problems.push(`${entry}: ${file} not found`);
    continue;
  }
  const moduleSymbol = checker.getSymbolAtLocation(source);
  for (const exp of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
    const symbol = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    if (seen.has(symbol)) continue;
    seen.add(symbol);
    const decls = symbol.getDeclarations() ?? [];
    count++;
    // A value and a type may share a name (zod schema + inferred type): one documented declaration is enough.
    const docs = decls.flatMap((d) => ts.getJSDocCommentsAndTags(d)).map((n) => n.getFullText());
    const text = docs.join("\n");
    const where = decls[0]
      ? `${decls[0].getSourceFile().fileName}:${decls[0].getSourceFile().getLineAndCharacterOfPosition(decls[0].getStart()).line + 1}`
      : "?";
    const summary = decls.some((d) =>
      ts
        .getJSDocCommentsAndTags(d)
        .some((n) =>
          ts.isJSDoc(n) && typeof n.comment === "string"
            ? n.comment.trim().length > 0
            : ts.isJSDoc(n) && Array.isArray(n.comment) && n.comment.length > 0,
        ),
    );
    const missing = [];
    if (!summary) missing.push("summary");
    if (!/@example/.test(text)) missing.push("@example");
    if (!/@public/.test(text)) missing.push("@public");
    if (missing.length > 0) problems.push(`${exp.name} (${entry}, ${where}): missing ${missing.join(", ")}`);
  }
}
const entries = Object.keys(ENTRIES).length;
if (problems.length > 0) {
  console.error(
    `TSDoc check: ${problems.length} of ${count} exports of ${entries} entries incomplete:\n  ${problems.join("\n  ")}`,
  );
  process.exit(1);
}
console.log(
  `TSDoc check: all ${count} exports of ${entries} entries have a summary, an @example and @public.`,
);
