// Renders CSL-JSON items with citeproc-js, the CSL engine of Zotero and Mendeley.
// stdin: {"style": "<path to .csl>", "items": [CSL-JSON items]}; stdout: JSON array, one plain-text
// bibliography entry per item, in the order given (whatever order the style sorts them in).
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
engine.updateItems([...byId.keys()]);
const [meta, entries] = engine.makeBibliography();
const rendered = new Map(meta.entry_ids.map((ids, index) => [String(ids[0]), entries[index].trim()]));
process.stdout.write(JSON.stringify(input.items.map((item) => rendered.get(String(item.id)) ?? null)));
