/**
 * Renders a template (templates/*.typ) to PDF with the Typst compiler shipped in the npm package
 * (@myriaddreamin/typst-ts-node-compiler). One compiler per process: creating it loads the fonts.
 * The only font the templates name is Amiri from @expo-google-fonts/amiri, loaded from the package
 * and never from the system, with font fallback off, so the same data gives the same bytes on
 * every machine. The data goes in as one JSON string (sys.inputs.data) that the templates decode
 * and place as text: nothing from a file is ever read as Typst markup.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NodeCompiler as Compiler } from '@myriaddreamin/typst-ts-node-compiler';

const require = createRequire(import.meta.url);
const TEMPLATES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');
const AMIRI_FILES = [
  '400Regular/Amiri_400Regular.ttf',
  '400Regular_Italic/Amiri_400Regular_Italic.ttf',
  '700Bold/Amiri_700Bold.ttf',
  '700Bold_Italic/Amiri_700Bold_Italic.ttf',
];

let compiler: Compiler | undefined;

function theCompiler(): Compiler {
  if (compiler) return compiler;
  const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler') as {
    NodeCompiler: typeof Compiler;
  };
  const amiri = path.dirname(require.resolve('@expo-google-fonts/amiri/package.json'));
  compiler = NodeCompiler.create({
    workspace: TEMPLATES_DIR,
    fontArgs: [{ fontBlobs: AMIRI_FILES.map((file) => readFileSync(path.join(amiri, file))) }],
  });
  return compiler;
}

/** A template that does not compile is our bug, never the user's: it surfaces as a 500. */
export class TemplateRenderError extends Error {
  constructor(template: string, diagnostics: unknown) {
    super(`Template ${template} failed to render: ${JSON.stringify(diagnostics)}`);
    this.name = 'TemplateRenderError';
  }
}

/**
 * Renders `templates/<name>.typ` with `data` (any JSON value) to PDF bytes. Synchronous: a
 * document takes a few milliseconds once the compiler is warm.
 */
export function renderTemplate(name: string, data: unknown): Buffer {
  if (!/^[a-z][a-z-]*$/.test(name)) throw new Error(`Bad template name ${name}`);
  const typst = theCompiler();
  const result = typst.compile({
    mainFilePath: path.join(TEMPLATES_DIR, `${name}.typ`),
    inputs: { data: JSON.stringify(data) },
  });
  const error = result.takeError();
  if (error) throw new TemplateRenderError(name, typst.fetchDiagnostics(error));
  const document = result.result;
  if (!document) throw new TemplateRenderError(name, 'no document');
  return typst.pdf(document);
}
