// Reads an export with citation-js (@citation-js/core and its bibtex, ris and csl plugins) and
// prints the CSL-JSON items citation-js makes of it, in order.
// usage: node citation_js.js FORMAT < FILE   (FORMAT: bibtex | ris | csl-json)
"use strict";
const fs = require("fs");
const { Cite, plugins } = require("@citation-js/core");
require("@citation-js/plugin-bibtex");
require("@citation-js/plugin-ris");
require("@citation-js/plugin-csl");

const types = { bibtex: "@biblatex/text", ris: "@ris/file", "csl-json": "@csl/list+object" };
const format = process.argv[2];
const text = fs.readFileSync(0, "utf8");
const input = format === "csl-json" ? JSON.parse(text) : text;
const cite = new Cite(input, { forceType: types[format] });
process.stdout.write(JSON.stringify(cite.data.map(({ _graph, ...item }) => item)));
