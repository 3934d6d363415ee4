// Compiles the stylesheet and copies the front-end packages' scripts and assets into
// desist/static/build/ (ignored by git). Run by `make assets` whenever the inputs change.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import * as sass from "sass";

const out = "desist/static/build";
mkdirSync(out, { recursive: true });

const css = sass.compile("desist/assets/desist.scss", {
  loadPaths: ["."],
  style: "compressed",
  quietDeps: true,
  logger: sass.Logger.silent,
});
writeFileSync(`${out}/desist.css`, css.css);

cpSync("node_modules/govuk-frontend/dist/govuk/assets", `${out}/assets`, { recursive: true });
cpSync("node_modules/@ministryofjustice/frontend/moj/assets", `${out}/assets`, { recursive: true });
cpSync("node_modules/govuk-frontend/dist/govuk/all.bundle.js", `${out}/govuk-frontend.js`);
cpSync("node_modules/@ministryofjustice/frontend/moj/all.bundle.js", `${out}/moj-frontend.js`);
cpSync("node_modules/htmx.org/dist/htmx.min.js", `${out}/htmx.min.js`);
console.log(`Built ${out}/desist.css (${css.css.length} bytes) and copied scripts and assets.`);
