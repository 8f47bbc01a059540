// Bundles the browser scripts into wwwroot/js with esbuild. Run by the server project's build
// (and by `npm run build:client`); everything comes from node_modules, nothing from a CDN.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, "..", "wwwroot", "js");

await build({
  entryPoints: { desk: join(here, "desk.ts"), editor: join(here, "editor.ts"), article: join(here, "article.ts"), stories: join(here, "stories.ts") },
  outdir,
  bundle: true,
  format: "esm",
  splitting: true,
  target: ["es2022"],
  minify: true,
  sourcemap: "linked",
  logLevel: "warning",
});
