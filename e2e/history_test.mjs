// End-to-end test of the run history in the page, in Debian's headless
// Chromium: a short race played and reset is listed in the panel's
// History section and kept in localStorage, so that it is still listed
// after a reload; it is renamed, pinned, overlaid, exported (a download
// of descent.history/v1 JSON that parses back), deleted and brought back;
// a corrupt localStorage item is reported in one message and the other
// entry stays; a full localStorage is reported, not thrown. Usage: node e2e/history_test.mjs BASE_URL OUT_DIR
import { readFileSync } from "node:fs";
import { base, check, finish, state, waitForPanel, watch, withBrowser } from "./lib.mjs";

const control = (key) => `#controls [data-key="${key}"]`;
const stored = (page) => page.evaluate(() =>
  Object.keys(localStorage).filter((k) => k.startsWith("descent.history/")).map((k) => JSON.parse(localStorage.getItem(k))));
const options = (page) => page.$$eval(control("history.entry") + " option", (os) => os.map((o) => o.textContent));

// download presses an export button and returns the downloaded file.
async function download(page, key) {
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 20000 }), page.click(control(key))]);
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), "utf8") };
}

await withBrowser({}, async (context) => {
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(base + "?scenario=bowl");
  await waitForPanel(page);

  // A short race: play, pause after some steps, reset.
  await page.click(control("play"));
  await page.waitForFunction(() => JSON.parse(window.descent.state()).steps >= 30, null, { timeout: 30000 });
  await page.click(control("play"));
  await page.waitForFunction(() => !JSON.parse(window.descent.state()).playing, null, { timeout: 10000 });
  const steps = (await state(page)).steps;
  await page.click(control("reset"));
  await page.waitForSelector(control("history.entry"), { timeout: 10000 });
  let saved = await stored(page);
  check(saved.length === 1 && saved[0].format === "descent.history/v1" && saved[0].entries[0].steps === steps,
    `the reset race is kept in localStorage (${saved.length} items, ${saved[0]?.entries[0]?.steps} steps, played ${steps})`);

  await page.reload();
  await waitForPanel(page);
  await page.waitForSelector(control("history.entry"), { timeout: 10000 });
  let listed = await options(page);
  check(listed.length === 1 && listed[0].includes("bowl"), `after a reload the panel lists the run (${JSON.stringify(listed)})`);

  // Rename.
  await page.fill(control("history.name"), "my e2e run");
  await page.press(control("history.name"), "Enter");
  await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes("my e2e run"),
    control("history.entry") + " option", { timeout: 10000 }).catch(() => {});
  saved = await stored(page);
  check(saved[0]?.entries[0].name === "my e2e run", `rename is stored (${saved[0]?.entries[0].name})`);

  // Pin.
  await page.click(control("history.pin"));
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("aria-pressed") === "true",
    control("history.pin"), { timeout: 10000 }).catch(() => {});
  saved = await stored(page);
  listed = await options(page);
  check(saved[0]?.entries[0].pinned === true && listed[0].startsWith("* "), `pin is stored and shown (${listed[0]})`);

  // Overlay on the loss chart.
  await page.click(control("history.overlay"));
  const overlaid = await page.waitForFunction((sel) => document.querySelector(sel)?.checked, control("history.overlay"), { timeout: 10000 })
    .then(() => true, () => false);
  check(overlaid, "the overlay switch turns on");

  // Export the history and one run as JSON, and the history as CSV.
  const all = await download(page, "history.all_json");
  let doc = null;
  try { doc = JSON.parse(all.text); } catch { /* checked below */ }
  check(all.name === "descent-history.json" && doc?.format === "descent.history/v1" && doc.entries.length === 1 &&
    doc.entries[0].name === "my e2e run" && doc.entries[0].racers.length > 0 && doc.entries[0].racers[0].losses.length > 1,
    `the history downloads as parseable ${doc?.format} JSON (${all.name}, ${all.text.length} bytes)`);
  const csv = await download(page, "history.all_csv");
  const lines = csv.text.trim().split("\n");
  check(lines[0] === "entry,name,created,scenario,optimizer,hyper,step,loss" && lines.length > 10,
    `the history downloads as CSV (${lines.length} lines)`);

  // Delete, undo, and a corrupt item beside the kept one.
  await page.click(control("history.delete"));
  await page.waitForSelector(control("history.undo"), { timeout: 10000 });
  check((await stored(page)).length === 0 && !(await page.$(control("history.entry"))), "delete removes the run and offers Undo");
  await page.click(control("history.undo"));
  await page.waitForSelector(control("history.entry"), { timeout: 10000 });
  check((await stored(page)).length === 1, "Undo brings the run back");

  await page.evaluate(() => localStorage.setItem("descent.history/zzz", "{not json"));
  await page.reload();
  await waitForPanel(page);
  await page.waitForSelector(control("history.entry"), { timeout: 10000 });
  const message = (await page.$$eval("#controls .row.note", (rows) => rows.map((r) => r.textContent))).find((t) => t.startsWith("history:")) ?? "";
  listed = await options(page);
  check(message.includes("descent.history/zzz") && listed.length === 1,
    `a corrupt item is reported in one message and the other run stays (${message.slice(0, 80)}…)`);

  // A full localStorage: the oldest unpinned run makes room, or the new
  // run is kept until the page closes; either way the panel says so.
  await page.evaluate(() => localStorage.removeItem("descent.history/zzz"));
  await page.click(control("history.pin")); // unpin
  const filled = await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = "x".repeat(size);
      for (;;) {
        try { localStorage.setItem("junk" + n, chunk); n++; } catch { break; }
      }
    }
    return n;
  });
  await page.click(control("step"));
  await page.click(control("reset"));
  await page.waitForFunction(() => [...document.querySelectorAll("#controls .row.note")].some((r) => r.textContent.includes("full")),
    null, { timeout: 10000 }).catch(() => {});
  const full = (await page.$$eval("#controls .row.note", (rows) => rows.map((r) => r.textContent))).find((t) => t.startsWith("history:")) ?? "";
  check(/storage (was|is) full/.test(full), `a full localStorage (${filled} junk items) is reported: ${full.slice(0, 100)}`);
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("junk")).forEach((k) => localStorage.removeItem(k)));
  check(problems.length === 0, `no page errors (${problems.join("; ")})`);
});
finish("history");
