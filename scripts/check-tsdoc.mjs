// Checks that every export of the public entry point has TSDoc with a one-line summary,
// an @example block and the @public tag. api-extractor checks release tags; this checks the rest.
import ts from "typescript";

const program = ts.createProgram(["src/index.ts"], {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();
const entry = program.getSourceFile("src/index.ts");
const moduleSymbol = checker.getSymbolAtLocation(entry);
const problems = [];
let count = 0;
for (const exp of checker.getExportsOfModule(moduleSymbol)) {
  const symbol = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
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
  if (missing.length > 0) problems.push(`${exp.name} (${where}): missing ${missing.join(", ")}`);
}
if (problems.length > 0) {
  console.error(
    `TSDoc check: ${problems.length} of ${count} exports incomplete:\n  ${problems.join("\n  ")}`,
  );
  process.exit(1);
}
console.log(`TSDoc check: all ${count} exports have a summary, an @example and @public.`);
