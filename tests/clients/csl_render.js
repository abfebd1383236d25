// Renders CSL-JSON items with citeproc-js, the CSL engine of Zotero and Mendeley.
// stdin: {"style": "<path to .csl>", "items": [CSL-JSON items], "each": false}; stdout: JSON array, one
// plain-text bibliography entry per item, in the order given (whatever order the style sorts them in).
// With "each": true every item is rendered alone, as a one-entry bibliography (benchmarks/csl_styles.py),
// and each answer is {"text": plain text or null, "error": message or null}.
"use strict";
const fs = require("fs");
const CSL = require("citeproc");
const locales = require("@citation-js/plugin-csl/lib/locales.json");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
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
if (input.each) {
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
  // no process.exit here: it would cut a piped answer longer than the pipe's buffer (64 KiB)
  process.stdout.write(JSON.stringify(results));
} else {
  engine.updateItems([...byId.keys()]);
  const [meta, entries] = engine.makeBibliography();
  const rendered = new Map(meta.entry_ids.map((ids, index) => [String(ids[0]), entries[index].trim()]));
  process.stdout.write(JSON.stringify(input.items.map((item) => rendered.get(String(item.id)) ?? null)));
}
