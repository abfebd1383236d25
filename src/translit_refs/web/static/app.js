// translit-refs web page. Reference text is never interpreted as HTML: every node is built with
// createElement and textContent. Spans are code-point offsets into Reference.raw (translit_refs.spans).
"use strict";

const FIELD_NAMES = {
  author: "author", editor: "editor", translator: "translator", contributor: "contributor",
  title: "title", title_translation: "title translation", container_title: "container (journal, book)",
  container_translation: "container translation", volume_title: "volume title", collection_title: "series",
  issued: "date", accessed: "accessed", places: "place", publisher: "publisher", volume: "volume",
  issue: "issue", number_of_volumes: "volumes", number_of_parts: "parts", part: "part",
  collection_number: "series number", pages: "pages", page_count: "page count", doi: "DOI", url: "URL",
  url_fragment: "URL fragment", isbn: "ISBN", number: "number", medium: "medium", genre: "genre",
  edition: "edition", event_place: "event place", citation_label: "citation label", archive: "archive",
  archive_location: "archive location", et_al: "et al.", note: "note (not placed)",
};
const RENDER_CHUNK = 100;
const MAX_TEXT = 2000000;  // characters: the server's Limits.text_characters (docs/web.md)

const state = { lists: [], seen: new Set(), generation: 0, outside: 0 };
const $ = (id) => document.getElementById(id);
// "1 reference", "2 references".
const count = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
// The kind of list that cites the article itself: shown, never downloaded with the bibliography.
const HOW_TO_CITE = "how-to-cite";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function fieldKey(reference, span) {
  if (span.field === "persons") {
    const person = reference.persons[span.index];
    return person ? person.role : "author";
  }
  return span.field;
}

function fieldValue(reference, span) {
  if (span.field === "persons") {
    const p = reference.persons[span.index] || {};
    return [p.family, p.given].filter(Boolean).join(", ");
  }
  if (span.field === "places") return reference.places[span.index];
  const value = reference[span.field];
  if (value && typeof value === "object") return [value.year, value.month, value.day].filter(Boolean).join("-") || (value.undated ? "no date" : "");
  return value === true ? "yes" : String(value ?? "");
}

// The raw text with every located field wrapped in a coloured, labelled span.
function highlighted(reference) {
  const chars = Array.from(reference.raw);
  const paragraph = el("p", { class: "ref-text" });
  const spans = [...reference.spans].sort((a, b) => a.start - b.start);
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) paragraph.append(chars.slice(at, span.start).join(""));
    const key = fieldKey(reference, span);
    const label = FIELD_NAMES[key] || key;
    state.seen.add(key);
    paragraph.append(el("span", {
      class: `f f-${key}`, "data-field": key, title: `${label}: ${fieldValue(reference, span)}`,
      text: chars.slice(span.start, span.end).join(""),
    }));
    at = span.end;
  }
  if (at < chars.length) paragraph.append(chars.slice(at).join(""));
  return paragraph;
}

function tooltipBadge(text, className, lines, heading, id) {
  const tip = el("div", { class: "tip", role: "tooltip", id });
  if (heading) tip.append(el("strong", { text: heading }));
  const list = el("ul");
  for (const line of lines) list.append(el("li", { text: line }));
  tip.append(list);
  return el("span", { class: `badge has-tip ${className}`, tabindex: 0, "aria-describedby": id }, text, tip);
}

function renderReference(listIndex, refIndex) {
  const reference = state.lists[listIndex].references[refIndex];
  const id = `ref-${listIndex + 1}-${refIndex + 1}`;
  const item = el("li", { class: "ref" + (reference.needs_review ? " review" : ""), id, "data-list": listIndex, "data-index": refIndex });
  const head = el("div", { class: "ref-head" });
  head.append(el("span", { class: "num", text: reference.label ? `${reference.label}` : `${refIndex + 1}.` }));
  head.append(el("span", { class: "badge", text: reference.type }));
  if (reference.style_family) head.append(el("span", { class: "badge", text: reference.style_family }));
  const confidence = reference.confidence === null ? "–" : reference.confidence.toFixed(2);
  if (reference.needs_review) {
    head.append(tooltipBadge(`Needs review · confidence ${confidence}`, "flag", reference.review_reasons, "Why", `${id}-why`));
  } else {
    head.append(el("span", { class: "badge", text: `confidence ${confidence}` }));
  }
  const diagnostics = reference.diagnostics.map((d) => `${d.severity}: ${d.message}`);
  if (diagnostics.length) {
    head.append(tooltipBadge(`${diagnostics.length} diagnostic${diagnostics.length > 1 ? "s" : ""}`, "diag", diagnostics, null, `${id}-diag`));
  }
  const edit = el("button", { type: "button", class: "edit", "aria-label": `Edit reference ${refIndex + 1}`, text: "Edit" });
  edit.addEventListener("click", () => startEdit(item, listIndex, refIndex));
  head.append(edit);
  item.append(head, highlighted(reference));
  if (reference.title_cyrillic) {
    const c = reference.title_cyrillic;
    item.append(el("p", { class: "cyr", lang: "ru", text: `Cyrillic: ${c.text} (confidence ${c.confidence.toFixed(2)})` }));
  }
  if (reference.persons_cyrillic && reference.persons_cyrillic.length) {
    const names = reference.persons_cyrillic.map((p) => [p.family, p.given].filter(Boolean).join(" ")).join(", ");
    item.append(el("p", { class: "cyr", lang: "ru", text: `Cyrillic names: ${names}` }));
  }
  const fields = el("details", { class: "fields" }, el("summary", { text: "All fields" }));
  fields.addEventListener("toggle", () => { if (fields.open && !fields.querySelector("dl")) fields.append(fieldList(reference)); });
  item.append(fields);
  if ($("flagged-only").checked && !reference.needs_review) item.classList.add("hidden-by-filter");
  return item;
}

// Every field the parser filled, as a definition list (for keyboard and screen-reader users too).
const NOT_SHOWN = new Set(["raw", "spans", "label", "line", "diagnostics", "review_reasons", "volume_kind", "issue_kind"]);
function fieldList(reference) {
  const list = el("dl");
  for (const [key, value] of Object.entries(reference)) {
    if (NOT_SHOWN.has(key) || value === null || value === false || (Array.isArray(value) && !value.length)) continue;
    let shown;
    if (key === "persons" || key === "persons_cyrillic") {
      shown = value.map((p) => `${[p.family, p.given].filter(Boolean).join(", ")}${p.role === "author" ? "" : ` (${p.role})`}`).join("; ");
    } else if (Array.isArray(value)) shown = value.join("; ");
    else if (value && typeof value === "object") {
      shown = "text" in value ? `${value.text} (confidence ${value.confidence})`
        : [value.year, value.month, value.day].filter((v) => v !== null).join("-") + (value.season ? ` ${value.season}` : "") + (value.undated ? "no date" : "");
    } else shown = String(value);
    list.append(el("dt", { text: FIELD_NAMES[key] || key.replaceAll("_", " ") }), el("dd", { text: shown }));
  }
  return list;
}

function startEdit(item, listIndex, refIndex) {
  const reference = state.lists[listIndex].references[refIndex];
  const box = el("div", { class: "edit-box" });
  const fieldId = `${item.id}-edit`;
  const area = el("textarea", { id: fieldId, rows: 3, spellcheck: "false" });
  area.value = reference.raw;
  const again = el("button", { type: "button", class: "primary", text: "Parse again" });
  const cancel = el("button", { type: "button", text: "Cancel" });
  box.append(el("label", { for: fieldId, text: "Edit the reference (Enter parses it again, Escape cancels)" }), area,
    el("div", { class: "row" }, again, cancel));
  const text = item.querySelector(".ref-text");
  text.replaceWith(box);
  area.focus();
  const close = () => { box.replaceWith(text); item.querySelector("button.edit").focus(); };
  cancel.addEventListener("click", close);
  again.addEventListener("click", () => reparse(listIndex, refIndex, area.value, again));
  area.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); reparse(listIndex, refIndex, area.value, again); }
  });
}

async function reparse(listIndex, refIndex, text, button) {
  if (!text.trim()) { showError("A reference cannot be empty."); return; }
  button.disabled = true;
  const list = state.lists[listIndex];
  try {
    const result = await postJson("/api/parse", {
      lines: [text], family: list.family, cyrillic: $("cyrillic").checked, alone: $("alone").checked,
    });
    const fresh = result.lists[0].references[0];
    const old = list.references[refIndex];
    fresh.label = old.label;
    fresh.line = old.line;
    list.references[refIndex] = fresh;
    const item = document.getElementById(`ref-${listIndex + 1}-${refIndex + 1}`);
    const replacement = renderReference(listIndex, refIndex);
    item.replaceWith(replacement);
    renderLegend();
    replacement.querySelector("button.edit").focus();
    setStatus(`Reference ${refIndex + 1} parsed again${fresh.needs_review ? "; it still needs review" : ""}.`);
  } catch (error) {
    showError(error.message);
    button.disabled = false;
  }
}

async function postJson(url, body) {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(await errorMessage(response));
  return response.json();
}

async function errorMessage(response) {
  try { return (await response.json()).error || response.statusText; } catch { return `${response.status} ${response.statusText}`; }
}

function setStatus(text) { $("status").textContent = text; }
function showError(text) { const e = $("error"); e.textContent = text; e.hidden = !text; }
function setProgress(label, done, total) {
  $("progress-box").hidden = false;
  $("progress-label").textContent = label;
  $("progress").max = Math.max(total, 1);
  $("progress").value = done;
}

function renderLegend() {
  const legend = $("legend");
  legend.replaceChildren();
  for (const key of Object.keys(FIELD_NAMES)) {
    if (state.seen.has(key)) legend.append(el("li", {}, el("span", { class: `swatch f f-${key}`, text: FIELD_NAMES[key] })));
  }
}

function listSection(listIndex) {
  const list = state.lists[listIndex];
  const section = el("section", { class: "list", id: `list-${listIndex + 1}`, "aria-labelledby": `list-${listIndex + 1}-head` });
  const name = list.heading || (list.kind === "how-to-cite" ? "How to Cite" : list.kind === "lines" ? "List" : "References");
  const head = el("h2", { class: "list-head", id: `list-${listIndex + 1}-head` },
    el("span", { class: "name", text: name }), " · ",
    el("span", { class: "count", text: count(list.count, "reference") }), " ",
    el("span", { class: "family", "data-family": "", text: "" }));
  section.append(head, el("p", { class: "partner-note", hidden: true }), el("ol", { class: "refs" }));
  return section;
}

function updateListHead(listIndex) {
  const list = state.lists[listIndex];
  const section = $(`list-${listIndex + 1}`);
  const family = section.querySelector(".family");
  family.textContent = list.family ? `· style family: ${list.family}` : "· style family: not detected";
  family.dataset.family = list.family || "";
  const flagged = list.references.filter((r) => r.needs_review).length;
  section.querySelector(".count").textContent = `${count(list.references.length, "reference")}, ${flagged} to review`;
  if (list.partner) {
    const note = section.querySelector(".partner-note");
    note.hidden = false;
    note.textContent = `Paired with the Cyrillic list${list.partner.heading ? ` “${list.partner.heading}”` : ""} `
      + `(${list.partner.count} entries): ${list.partner.paired} of ${list.references.length} references have a partner.`;
  }
}

// Parse the pasted text: stream the server's progress events, then render in chunks so 2,000
// references never freeze the page.
async function parseAll(event) {
  event.preventDefault();
  const text = $("text").value;
  if (!text.trim() || text.length > MAX_TEXT) {
    clearResults();  // old results would read as the answer to this text
    showError(text.trim() ? `The text is longer than ${MAX_TEXT.toLocaleString("en")} characters; paste a shorter list.` : "Paste a reference list first.");
    $("text").focus();
    return;
  }
  showError("");
  const generation = clearResults();
  $("parse").disabled = true;
  setProgress("Finding the lists", 0, 1);
  setStatus("Parsing…");
  const body = { text, find: $("find").checked, cyrillic: $("cyrillic").checked, alone: $("alone").checked,
    partner: $("partner").value.trim() || null };
  const queue = [];
  let rendering = null;
  let total = 0;
  let rendered = 0;
  const pump = () => new Promise((resolve) => {
    const step = () => {
      if (generation !== state.generation) return resolve();
      const chunk = queue.splice(0, RENDER_CHUNK);
      for (const [listIndex, refIndex] of chunk) {
        $(`list-${listIndex + 1}`).querySelector("ol").append(renderReference(listIndex, refIndex));
        rendered += 1;
      }
      setProgress(`Showing references: ${rendered} of ${total}`, rendered, total);
      if (queue.length) setTimeout(step, 0); else resolve();
    };
    setTimeout(step, 0);
  });
  try {
    const response = await fetch("/api/parse?stream=1", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(await errorMessage(response));
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.trim()) handleEvent(JSON.parse(line));
      }
      if (done) break;
    }
    await rendering;
    await pump();
    if (generation !== state.generation) return;
    renderLegend();
    const shown = state.lists.reduce((n, l) => n + l.references.length, 0);
    const flagged = state.lists.reduce((n, l) => n + l.references.filter((r) => r.needs_review).length, 0);
    const joined = state.lists.reduce((n, l) => n + l.references.filter((r) => r.diagnostics.some((d) => d.code === "joined-lines")).length, 0);
    const left = state.outside && body.find ? ` ${count(state.outside, "other line")} of the text `
      + "left out (a page’s prose; if they are references, uncheck “Find the list in a page” to read every line)." : "";
    const merged = joined ? ` ${count(joined, "reference")} may hold two: a line that could start a reference was read as a wrapped line (flagged; a blank line before it separates them).` : "";
    setStatus((shown ? `${count(shown, "reference")} in ${count(state.lists.length, "list")}; ${flagged} need review.`
      : "No reference list was found in the text.") + merged + left);
    $("tools").hidden = shown === 0;
    $("progress-box").hidden = true;
    // The results start below the form: bring the summary and the first references into view.
    $("status").scrollIntoView({ block: "start" });
    document.body.dataset.ready = String(generation);
  } catch (error) {
    showError(error.message);
    setStatus("");
    $("progress-box").hidden = true;
  } finally {
    $("parse").disabled = false;
  }

  function handleEvent(message) {
    if (generation !== state.generation) return;  // a later Parse (or an empty one) replaced this one
    if (message.event === "start") {
      total = message.total;
      state.outside = message.outside;
      state.lists = message.lists.map((l) => ({ ...l, family: null, references: [] }));
      state.lists.forEach((_, i) => $("results").append(listSection(i)));
      setProgress(`Parsing ${total} references`, 0, total);
    } else if (message.event === "batch") {
      const list = state.lists[message.list];
      for (const reference of message.references) {
        list.references.push(reference);
        queue.push([message.list, list.references.length - 1]);
      }
      setProgress(`Parsing: ${message.done} of ${message.total} references read`, message.done, message.total);
      rendering = pump();
    } else if (message.event === "list") {
      Object.assign(state.lists[message.list], { family: message.family, partner: message.partner || null });
      updateListHead(message.list);
    } else if (message.event === "error") {
      throw new Error(message.error);
    }
  }
}

// Forget what was shown (and stop rendering it); the number of the parse that starts now.
function clearResults() {
  state.lists = [];
  state.seen = new Set();
  $("results").replaceChildren();
  $("tools").hidden = true;
  $("download-note").textContent = "";
  setStatus("");
  return ++state.generation;
}

async function download(format, button) {
  // The bibliography: the lists' references, not the "How to Cite" line (the article itself).
  const references = state.lists.filter((l) => l.kind !== HOW_TO_CITE).flatMap((l) => l.references);
  button.disabled = true;
  try {
    const response = await fetch(`/api/export?to=${encodeURIComponent(format)}`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ references }),
    });
    if (!response.ok) throw new Error(await errorMessage(response));
    const blob = await response.blob();
    const link = el("a", { href: URL.createObjectURL(blob), download: `references.${{ "csl-json": "json", bibtex: "bib", ris: "ris" }[format]}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    // said next to the buttons: the summary of the parse stays
    $("download-note").textContent = `Downloaded ${count(references.length, "reference")} as ${button.textContent}.`;
  } catch (error) {
    showError(error.message);
  } finally {
    button.disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("input").addEventListener("submit", parseAll);
  $("text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) $("input").requestSubmit();
  });
  for (const button of document.querySelectorAll("[data-export]")) {
    button.addEventListener("click", () => download(button.dataset.export, button));
  }
  $("flagged-only").addEventListener("change", (event) => {
    for (const item of document.querySelectorAll("li.ref")) {
      item.classList.toggle("hidden-by-filter", event.target.checked && !item.classList.contains("review"));
    }
  });
});
