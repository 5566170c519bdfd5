// The page's control panel: browser form controls beside the canvas,
// built from window.descent.controls() (playground.Game.Controls, which
// derives every control from the state table and the optimizer registry)
// and kept in step with it. Changes go back through window.descent.set and
// window.descent.press; typed numbers are read by the Go side with the
// native fields' rules (a decimal comma, an error beside the field and the
// previous value kept). On a phone-width screen the panel is a drawer that
// the "show controls" button opens. No framework; plain DOM.
"use strict";

(() => {
  const panel = document.getElementById("panel");
  const form = document.getElementById("controls");
  const drawer = document.getElementById("drawer");
  const message = document.getElementById("panel-message");
  let last = "";      // the latest description, as JSON
  let shape = "";     // its shape: what a rebuild depends on
  let elements = {};  // control id → its parts

  // The drawer: on a narrow screen the panel folds away (CSS) and this
  // button opens and closes it.
  drawer.addEventListener("click", () => {
    const open = !panel.classList.contains("open");
    panel.classList.toggle("open", open);
    drawer.setAttribute("aria-expanded", String(open));
    drawer.textContent = open ? "hide controls" : "show controls";
  });

  form.addEventListener("submit", (e) => e.preventDefault());

  const idOf = (c) => c.key + (c.member ? ":" + c.member : "");
  const domId = (c) => "c-" + idOf(c).replace(/[^A-Za-z0-9_-]/g, "_");

  function el(tag, props = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "dataset") Object.assign(e.dataset, v);
      else if (k in e) e[k] = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  }

  // send applies a change in the game and refreshes the panel at once. A
  // refusal is shown under the panel, unless the control shows its own
  // beside it (a number field).
  let refusal = "";
  async function send(promise, ownError = false) {
    const msg = await promise;
    refusal = ownError ? "" : msg;
    refresh(true);
    return msg;
  }

  // sliderSender sends a slider's positions one at a time: while one is
  // applied, the newest waits.
  function sliderSender(key) {
    let busy = false, pending = null;
    const go = async (pos) => {
      busy = true;
      await send(window.descent.set(key, pos, "slider"), true);
      busy = false;
      if (pending !== null) { const p = pending; pending = null; go(p); }
    };
    return (pos) => { if (busy) pending = pos; else go(pos); };
  }

  // build makes the DOM of one control and records its parts.
  function build(c) {
    const id = domId(c);
    const parts = { c };
    elements[idOf(c)] = parts;
    const row = el("div", { className: "row " + c.kind, title: c.help ?? "" });
    parts.row = row;
    if (c.note) row.append(el("span", { className: "note" }, c.note));
    switch (c.kind) {
      case "button": {
        const b = el("button", { type: "button", id, textContent: c.label, dataset: { key: c.key } });
        b.addEventListener("click", () => send(window.descent.press(c.key)));
        parts.button = b;
        row.append(b);
        return row;
      }
      case "checkbox": {
        const box = el("input", { type: "checkbox", id, dataset: { key: c.key } });
        box.addEventListener("change", () => send(window.descent.set(c.key, box.checked)));
        parts.box = box;
        row.append(el("label", { htmlFor: id }, box, " " + c.label));
        return row;
      }
      case "select": {
        const sel = el("select", { id, dataset: { key: c.key } });
        (c.options ?? []).forEach((o, i) => sel.append(el("option", { value: String(i), textContent: o.label })));
        sel.addEventListener("change", () => send(window.descent.set(c.key, parts.c.options[Number(sel.value)].value)));
        parts.select = sel;
        row.append(el("label", { htmlFor: id }, c.label), sel);
        return row;
      }
      case "number":
      case "slider": {
        const field = el("input", {
          type: "text", id, inputMode: "decimal", autocomplete: "off", spellcheck: false,
          dataset: { key: c.key }, "aria-describedby": id + "-error",
        });
        // The Go side reads the entry and shows what it kept or read.
        field.addEventListener("change", () => send(window.descent.set(c.key, field.value, "text"), true));
        field.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); field.blur(); field.focus(); } });
        parts.field = field;
        row.append(el("label", { htmlFor: id }, c.label), field);
        if (c.kind === "slider") {
          const slider = el("input", { type: "range", id: id + "-slider", "aria-label": c.label + " slider", dataset: { key: c.key } });
          const sendPos = sliderSender(c.key);
          slider.addEventListener("input", () => sendPos(Number(slider.value)));
          slider.addEventListener("pointerdown", () => { parts.dragging = true; });
          slider.addEventListener("pointerup", () => { parts.dragging = false; });
          slider.addEventListener("pointercancel", () => { parts.dragging = false; });
          parts.slider = slider;
          row.append(slider);
        } else if (c.nudge > 0) {
          const nudges = el("span", { className: "nudges" });
          for (const [sign, text] of [[-1, "−"], [1, "+"]]) {
            const b = el("button", { type: "button", className: "nudge", textContent: text, "aria-label": `${c.label} ${text}` });
            b.addEventListener("click", () => send(window.descent.set(c.key, sign, "nudge"), true));
            nudges.append(b);
          }
          row.append(nudges);
        }
        parts.error = el("p", { className: "field-error", id: id + "-error", role: "alert" });
        row.append(parts.error);
        return row;
      }
      case "text": {
        const field = el("input", { type: "text", id, autocomplete: "off", dataset: { key: c.key } });
        field.addEventListener("change", () => send(window.descent.set(c.key, field.value)));
        field.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); field.blur(); field.focus(); } });
        parts.text = field;
        row.append(el("label", { htmlFor: id }, c.label), field);
        return row;
      }
      case "racer": {
        const box = el("input", { type: "checkbox", id, dataset: { key: c.key, member: c.member } });
        box.addEventListener("change", () => {
          const on = [...form.querySelectorAll('input[type=checkbox][data-key="racers"]')].filter((b) => b.checked).map((b) => b.dataset.member);
          send(window.descent.set("racers", on));
        });
        parts.box = box;
        const swatch = el("span", { className: "swatch" });
        swatch.style.backgroundColor = c.color; // CSSOM, which a strict style-src allows
        const set = el("fieldset", { className: "racer", title: c.help ?? "" },
          el("legend", {}, el("label", { htmlFor: id }, box, swatch, " " + c.label)));
        for (const child of c.controls ?? []) set.append(build(child));
        return set;
      }
    }
    return row;
  }

  // update shows c's value in its parts, leaving a field alone while it
  // is being typed in (unless force).
  function update(parts, c, force) {
    parts.c = c;
    const focused = (e) => e && document.activeElement === e && !force;
    if (parts.button) {
      parts.button.textContent = c.label;
      if (typeof c.value === "boolean") parts.button.setAttribute("aria-pressed", String(c.value));
    }
    if (parts.box) parts.box.checked = Boolean(c.value);
    if (parts.select) {
      const i = (c.options ?? []).findIndex((o) => o.value === c.value);
      parts.select.value = String(Math.max(0, i));
    }
    if (parts.field && !focused(parts.field)) parts.field.value = c.text ?? "";
    if (parts.text && !focused(parts.text)) parts.text.value = c.text ?? "";
    if (parts.slider && !parts.dragging) {
      Object.assign(parts.slider, { min: c.min, max: c.max, step: c.step });
      parts.slider.value = c.position;
    }
    if (parts.error) {
      parts.error.textContent = c.error ?? "";
      parts.field.setAttribute("aria-invalid", String(Boolean(c.error)));
    }
  }

  // shapeOf is what the DOM's structure depends on.
  function shapeOf(desc) {
    const walk = (cs) => cs.map((c) => [c.key, c.member, c.kind, c.note, c.kind === "select" ? (c.options ?? []).map((o) => o.label) : 0,
      walk(c.controls ?? [])]);
    return JSON.stringify(desc.sections.map((s) => [s.title, walk(s.controls)]));
  }

  function render(desc, force) {
    if (!desc.sections) {
      message.textContent = desc.error ?? "the panel could not be read";
      return;
    }
    const sh = shapeOf(desc);
    if (sh !== shape) {
      const focusedId = document.activeElement?.id;
      shape = sh;
      elements = {};
      form.replaceChildren(...desc.sections.map((s) =>
        el("section", { className: "section" }, el("h2", {}, s.title), ...s.controls.map(build))));
      if (focusedId) document.getElementById(focusedId)?.focus();
    }
    const walk = (cs) => cs.forEach((c) => { const p = elements[idOf(c)]; if (p) update(p, c, force); walk(c.controls ?? []); });
    desc.sections.forEach((s) => walk(s.controls));
    message.textContent = [desc.message, refusal].filter(Boolean).join(" · ");
  }

  // follow sizes the page's text with the pictures' text size (the text
  // step, the window and the device scale; at least the browser's own
  // size) and colours the page with the pictures' theme.
  let followed = "";
  function follow() {
    const lay = (JSON.parse(window.descent.state()).input || {}).layout || {};
    const key = `${lay.text_css_px}|${lay.theme}`;
    if (key === followed) return;
    followed = key;
    const root = document.documentElement;
    root.style.fontSize = lay.text_css_px > 16 ? `${lay.text_css_px}px` : "";
    root.dataset.theme = lay.theme || "dark";
  }

  // refresh reads the description and shows what changed.
  function refresh(force = false) {
    follow();
    const json = window.descent.controls();
    if (json === last && !force) return;
    last = json;
    render(JSON.parse(json), force);
  }

  // Start once the Go program has set window.descent up.
  const start = setInterval(() => {
    if (!window.descent || !window.descent.controls) return;
    clearInterval(start);
    panel.hidden = false;
    refresh(true);
    setInterval(refresh, 200);
  }, 50);
})();
