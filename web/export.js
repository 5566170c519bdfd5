// The panel's Export section: one button per export the playground lists
// (window.descent.exports(): the view's PNG, the race's GIF, the run's CSV
// and JSON), each downloading the bytes that window.descent.export(name)
// makes, through a Blob and a temporary <a download> (no inline script, so
// the page's Content-Security-Policy needs nothing more). The GIF shows its
// progress on its button. Each export's key (p, a, x, n: the list's key)
// saves it, and every other export with that key after it, as in the
// native window, unless a field of the panel has the keyboard.
"use strict";

(() => {
  const panel = document.getElementById("panel");
  let busy = false;

  // fileName names a download for the scenario and the step.
  function fileName(ext) {
    const s = JSON.parse(window.descent.state());
    return `descent-${s.scenario}-step${s.steps}.${ext}`;
  }

  // download saves bytes under name with the given type.
  function download(bytes, name, mime) {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // save makes the export e and downloads it, showing progress and errors.
  async function save(e, button, status) {
    if (busy) return;
    busy = true;
    button.disabled = true;
    status.textContent = "";
    const name = fileName(e.ext);
    try {
      const bytes = await window.descent.export(e.name, {
        onProgress: (f) => { button.textContent = `${e.title} ${Math.round(100 * f)}%`; },
      });
      download(bytes, name, e.mime);
      status.textContent = `saved ${name}`;
    } catch (err) {
      status.textContent = String(err.message ?? err);
    } finally {
      button.textContent = e.title;
      button.disabled = false;
      busy = false;
    }
  }

  const start = setInterval(() => {
    if (!window.descent || !window.descent.exports || panel.hidden) return;
    clearInterval(start);
    const exports = JSON.parse(window.descent.exports());
    const section = document.createElement("section");
    section.id = "exports";
    section.className = "section";
    const title = document.createElement("h2");
    title.textContent = "Export";
    const status = document.createElement("p");
    status.id = "export-status";
    status.setAttribute("role", "status");
    section.append(title);
    const buttons = [];
    for (const e of exports) {
      const row = document.createElement("div");
      row.className = "row button";
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = e.title;
      b.dataset.export = e.name;
      b.addEventListener("click", () => save(e, b, status));
      row.append(b);
      section.append(row);
      buttons.push([e, b]);
    }
    section.append(status);
    document.getElementById("controls").after(section);
    document.addEventListener("keydown", async (ev) => {
      const t = ev.target;
      if (ev.ctrlKey || ev.metaKey || ev.altKey || busy || (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA"))) return;
      // An embedded playground (a lesson's frame) has no Export section
      // and saves nothing: a student's key press downloads no file.
      if (document.documentElement.classList.contains("embed")) return;
      for (const [e, b] of buttons) {
        if (e.key && ev.key === e.key) await save(e, b, status);
      }
    });
  }, 50);
})();
