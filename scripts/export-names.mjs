// Lists what a package's entry exports, values and types, one `kind name` per line: the public API as
// users see it. Each published package's exports test compares it with its committed `exports.txt`.
import ts from 'typescript';

/** The sorted export list of a TypeScript entry file (`value createClient`, `type NodeClientOptions`). */
export function exportNames(entry) {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const module = checker.getSymbolAtLocation(source);
  return checker
    .getExportsOfModule(module)
    .map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return `${target.flags & ts.SymbolFlags.Value ? 'value' : 'type'} ${symbol.getName()}`;
    })
    .sort();
}
