// Bundles the browser scripts into wwwroot/js with esbuild. Run by the server project's build
// (and by `npm run build:client`); everything comes from node_modules, nothing from a CDN.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, "..", "wwwroot", "js");

// A clean folder each time: every file in it becomes a static web asset of the server (compressed,
// fingerprinted, cached for a year), so a stale file from an earlier build must not linger.
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: { desk: join(here, "desk.ts"), editor: join(here, "editor.ts"), article: join(here, "article.ts"), stories: join(here, "stories.ts"), moderation: join(here, "moderation.ts"), bell: join(here, "bell.ts"), inbox: join(here, "inbox.ts") },
  outdir,
  bundle: true,
  format: "esm",
  // One file per page, no shared chunk: a page's only script is then the fingerprinted URL the server
  // renders, with nothing imported by a plain name (which could only be cached for revalidation).
  splitting: false,
  treeShaking: true,
  target: ["es2022"],
  minify: true,
  sourcemap: "linked",
  logLevel: "warning",
});
