// Browser test of the page's exports: after a short race, the bridge's
// exportPNG() is a PNG of the canvas's pixel size, exportGIF() a GIF of the
// frames asked for (its progress reported, two exports of one state the
// same bytes), exportRun("json"|"csv") the run of every racer; the panel's
// Export buttons and the p key download the same, under the page's strict
// Content-Security-Policy. Usage: node e2e/export_test.mjs BASE_URL OUT_DIR
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { base, outDir, check, finish, state, waitForPanel, waitForSurface, watch, withBrowser } from "./lib.mjs";

// gifFrames walks a GIF's blocks and returns its size, its frames' delays
// (hundredths of a second) and its loop count, or throws on a bad block.
function gifFrames(buf) {
  if (buf.subarray(0, 6).toString("latin1") !== "GIF89a") throw new Error("no GIF89a signature");
  const width = buf.readUInt16LE(6), height = buf.readUInt16LE(8), flags = buf[10];
  let i = 13 + (flags & 0x80 ? 3 << ((flags & 7) + 1) : 0);
  const delays = [];
  let delay = 0, loop = null;
  const skipSubBlocks = () => { while (buf[i] !== 0) i += buf[i] + 1; i++; };
  for (;;) {
    const b = buf[i++];
    if (b === 0x3b) break;
    if (b === 0x21) {
      const label = buf[i++];
      if (label === 0xf9) delay = buf.readUInt16LE(i + 2);
      if (label === 0xff && buf.subarray(i + 1, i + 12).toString("latin1") === "NETSCAPE2.0") loop = buf.readUInt16LE(i + 14);
      skipSubBlocks();
    } else if (b === 0x2c) {
      const f = buf[i + 8];
      i += 9 + (f & 0x80 ? 3 << ((f & 7) + 1) : 0) + 1;
      skipSubBlocks();
      delays.push(delay);
    } else {
      throw new Error(`unknown block 0x${b?.toString(16)} at ${i - 1}`);
    }
  }
  return { width, height, delays, loop };
}

// bytesOf runs an export in the page and returns its bytes.
async function bytesOf(page, expr) {
  return Buffer.from(await page.evaluate(async (e) => Array.from(await eval(e)), expr));
}

await withBrowser({ acceptDownloads: true }, async (context) => {
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(base + "?scenario=himmelblau");
  await waitForSurface(page, Date.now());
  await waitForPanel(page);
  await page.waitForSelector("#exports button[data-export=gif]", { timeout: 30000 });
  await page.locator('#controls [data-key="play"]').click();
  await page.waitForFunction(() => JSON.parse(window.descent.state()).steps >= 40, null, { timeout: 60000 });
  await page.locator('#controls [data-key="play"]').click();
  await page.waitForFunction(() => !JSON.parse(window.descent.state()).playing, null, { timeout: 10000 });
  const s = await state(page);
  console.log(`race paused at step ${s.steps} with ${s.racers.length} racers`);

  // The view's PNG: the canvas at its pixel size.
  const canvas = await page.evaluate(() => { const c = document.querySelector("canvas"); return { w: c.width, h: c.height }; });
  const png = PNG.sync.read(await bytesOf(page, "window.descent.exportPNG()"));
  check(png.width === canvas.w && png.height === canvas.h, `exportPNG() is a PNG of the canvas's ${canvas.w}×${canvas.h} pixels (${png.width}×${png.height})`);

  // The race's GIF, twice, with its progress.
  const t0 = Date.now();
  const run = await page.evaluate(async () => {
    const progress = [];
    const bytes = await window.descent.exportGIF({ frames: 10, onProgress: (f) => progress.push(f) });
    return { bytes: Array.from(bytes), progress };
  });
  const gifMs = Date.now() - t0;
  const gif = Buffer.from(run.bytes);
  writeFileSync(join(outDir, "export.gif"), gif);
  let g = { delays: [] };
  try { g = gifFrames(gif); } catch (e) { check(false, `the GIF reads: ${e.message}`); }
  console.log(`GIF: ${gif.length} bytes, ${g.delays.length} frames of ${g.width}×${g.height} in ${gifMs} ms, delays ${g.delays.join(",")}`);
  check(g.delays.length === 10 && g.width === canvas.w && g.height === canvas.h, `exportGIF({frames: 10}) has 10 frames of the canvas's size`);
  check(g.delays.every((d) => d >= 2) && g.loop === 0, "every frame has a delay and the GIF loops");
  const p = run.progress;
  check(p.length === 10 && p.every((f, k) => k === 0 || f > p[k - 1]) && p[p.length - 1] === 1, `its progress rises to 1 (${p.map((f) => f.toFixed(1)).join(" ")})`);
  const again = await bytesOf(page, "window.descent.exportGIF({ frames: 10 })");
  check(again.equals(gif), "two GIFs of one state are the same bytes");
  const refused = await page.evaluate(() => window.descent.exportGIF({ frames: 100000 }).then(() => "", (e) => e.message));
  check(/frames/.test(refused), `too many frames are refused (${refused})`);

  // The run as JSON and CSV.
  const json = JSON.parse((await bytesOf(page, "Promise.resolve(window.descent.exportRun('json'))")).toString());
  check(json.schema === "descent.race/v1" && json.racers.length === s.racers.length && json.steps === s.steps,
    `exportRun("json") holds the race (${json.racers?.length} racers, step ${json.steps})`);
  check(json.racers.every((r) => r.result.schema === "descent.run/v1" && r.result.steps > 0 && r.result.path.length > 1), "each racer's run is descent.run/v1");
  const csv = (await bytesOf(page, "Promise.resolve(window.descent.exportRun('csv'))")).toString().trim().split("\n").map((l) => l.split(","));
  check(csv[0].join(",") === "optimizer,step,epoch,lr,x,y,batch_loss,loss", `the CSV's header (${csv[0].join(",")})`);
  const rows = json.racers.reduce((n, r) => n + r.result.path.length, 0);
  check(csv.length - 1 === rows, `the CSV has a row per recorded point of every racer (${csv.length - 1}, the JSON ${rows})`);
  const last = json.racers[0].result.path.at(-1);
  const row = csv.filter((r) => r[0] === json.racers[0].optimizer).at(-1);
  check(Number(row[4]) === last.params[0] && Number(row[5]) === last.params[1], "the CSV's last point is the JSON's");

  // The panel's buttons and the p key download.
  const signatures = { png: "\x89PNG", csv: "optimizer,", json: "{" };
  // (The GIF's button runs the same code with 60 frames, some 30 s in
  // software rendering; the bridge's GIF above stands for it.)
  for (const name of ["png", "csv", "json"]) {
    const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 60000 }), page.locator(`#exports button[data-export=${name}]`).click()]);
    const body = readFileSync(await dl.path());
    check(dl.suggestedFilename() === `descent-himmelblau-step${s.steps}.${name}` && body.subarray(0, signatures[name].length).toString("latin1") === signatures[name],
      `the ${name} button downloads ${dl.suggestedFilename()} (${body.length} bytes)`);
  }
  await page.locator("canvas").focus();
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 30000 }), page.keyboard.press("p")]);
  check(dl.suggestedFilename().endsWith(".png"), `the p key downloads the view (${dl.suggestedFilename()})`);
  check(problems.length === 0, `no CSP violations, page errors or console errors (${problems.join("; ")})`);
});
finish("export");
