// Renders each CSL-JSON item alone as a one-entry bibliography with citeproc-js (for csl_styles.py).
// stdin: {"style": "<path to .csl>", "modules": "<node_modules holding citeproc and @citation-js/plugin-csl>",
//         "items": [CSL-JSON items]}
// stdout: JSON array, one {"text": plain text or null, "error": message or null} per item, in order.
// Locales as tests/clients/csl_render.js has them: citation-js's bundle, en-US for a locale it lacks; the
// style's default-locale wins over en-US, as in that renderer.
"use strict";
const fs = require("fs");
const path = require("path");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const CSL = require(path.resolve(input.modules, "citeproc"));
const locales = require(path.resolve(input.modules, "@citation-js/plugin-csl/lib/locales.json"));
const byId = new Map(input.items.map((item) => [String(item.id), item]));
const engine = new CSL.Engine(
  {
    retrieveLocale: (lang) => locales[lang] || locales["en-US"],
    retrieveItem: (id) => byId.get(String(id)),
  },
  fs.readFileSync(input.style, "utf8"),
  "en-US",
);
engine.setOutputFormat("text");
const results = input.items.map((item) => {
  try {
    engine.updateItems([String(item.id)]);
    const bibliography = engine.makeBibliography();
    if (!bibliography || bibliography[1].length === 0) {
      return { text: null, error: "the style made no bibliography entry" };
    }
    return { text: bibliography[1][0], error: null };
  } catch (error) {
    return { text: null, error: String(error && error.message ? error.message : error) };
  }
});
process.stdout.write(JSON.stringify(results));
