// Browser test of the playground at the back of a room, in Debian's
// headless Chromium:
//   - at 1024×768 and at 1920×1080 with browser zoom 150% (a 1280×720 CSS
//     viewport at device scale 1.5), on a surface and on linear
//     regression, every part (panel, surface, loss chart, data plot,
//     status table, status lines) lies inside the canvas, clear of the
//     others (window.descent.state().input.layout.regions), and shows in
//     a screenshot (many colours in each part's box);
//   - the default page at 1920×1080, its screenshot scaled down by half,
//     is still read by OCR (Debian's tesseract): the racers' names, the
//     chart's title, the hint and the status line;
//   - at 1024×768 the + key takes the text to its largest size, where the
//     text is at least 24 px tall, the size is in the page's link and
//     survives a reload; t switches to the light theme (a white canvas).
// Usage: node e2e/readable_test.mjs BASE_URL OUT_DIR
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { base, outDir, check, finish, state, waitForSurface, withBrowser } from "./lib.mjs";

// layout returns the page's layout: the canvas, the regions, the text.
const layout = async (page) => (await state(page)).input.layout;

// open loads a link and waits until the surface is drawn and a few more
// frames (the layout of the first frames has no surface yet).
async function open(page, link) {
  await page.goto(link);
  await waitForSurface(page, Date.now());
  const frames = (await state(page)).frames;
  await page.waitForFunction((f) => JSON.parse(window.descent.state()).frames >= f + 5, frames, { timeout: 20000 });
}

// colours counts the distinct colours in a box of a screenshot (in the
// screenshot's pixels).
function colours(png, [x0, y0, x1, y1]) {
  const seen = new Set();
  for (let y = Math.max(0, y0); y < Math.min(png.height, y1); y += 2) {
    for (let x = Math.max(0, x0); x < Math.min(png.width, x1); x += 2) {
      const i = 4 * (y * png.width + x);
      seen.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
    }
  }
  return seen.size;
}

const overlaps = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

// checkParts checks that the parts a page must show are in its layout,
// inside the canvas, clear of each other, and drawn: each box of the
// screenshot (taken at the device scale, so in device pixels, offset by
// the canvas's place on the page) holds several colours.
async function checkParts(page, what, want) {
  const lay = await layout(page);
  const [cw, ch] = lay.canvas;
  const box = await page.locator("canvas").boundingBox();
  const vp = page.viewportSize();
  check(Math.abs(box.width * lay.device_scale - cw) <= 2 && box.x + box.width <= vp.width + 0.5 && box.y + box.height <= vp.height + 0.5,
    `${what}: the canvas (${cw}×${ch} device px at scale ${lay.device_scale}) fits the ${vp.width}×${vp.height} viewport`);
  const regions = lay.regions;
  // The panel is in the canvas, or beside it on the page.
  const parts = [...want];
  if (!regions.panel) {
    const panel = await page.evaluate(() => {
      const el = document.querySelector("#panel, [data-panel], .panel, aside, form");
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return [r.left, r.top, r.right, r.bottom];
    });
    check(panel && panel[2] <= vp.width + 0.5 && panel[3] > panel[1] && panel[2] > panel[0] && panel[0] >= 0,
      `${what}: the panel is on the page beside the canvas (${panel})`);
  } else {
    parts.push("panel");
  }
  const missing = parts.filter((p) => !regions[p]);
  check(missing.length === 0, `${what}: the layout has every part (${Object.keys(regions).sort().join(", ")}; missing ${missing.join(", ") || "none"})`);
  const outside = Object.entries(regions).filter(([, r]) => r[0] < 0 || r[1] < 0 || r[2] > cw || r[3] > ch || r[2] <= r[0] || r[3] <= r[1]);
  check(outside.length === 0, `${what}: every part lies inside the ${cw}×${ch} canvas (${outside.map(([n, r]) => `${n} ${r}`).join("; ") || "all inside"})`);
  const clashes = [];
  const names = Object.keys(regions);
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      if (overlaps(regions[names[i]], regions[names[j]])) clashes.push(`${names[i]} ${regions[names[i]]} × ${names[j]} ${regions[names[j]]}`);
    }
  }
  check(clashes.length === 0, `${what}: no two parts overlap (${clashes.join("; ") || "none"})`);
  const shot = await page.screenshot();
  const file = `readable-${what.replace(/[^a-z0-9]+/gi, "-")}.png`;
  writeFileSync(join(outDir, file), shot);
  const png = PNG.sync.read(shot);
  const s = lay.device_scale;
  const dx = Math.round(box.x * s), dy = Math.round(box.y * s);
  const blank = [];
  for (const name of parts) {
    const r = regions[name];
    if (!r) continue;
    const n = colours(png, [r[0] + dx, r[1] + dy, r[2] + dx, r[3] + dy]);
    if (n < 6) blank.push(`${name} (${n} colours)`);
  }
  check(blank.length === 0, `${what}: each part shows in the screenshot ${file} (${blank.join(", ") || "all drawn"})`);
}

// The two screens of the issue, a surface and a regression each.
for (const screen of [
  { what: "1024x768", viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 },
  { what: "1920x1080 at 150%", viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1.5 },
]) {
  await withBrowser({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor }, async (context) => {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await open(page, base + "#s=rosenbrock");
    await checkParts(page, `${screen.what} rosenbrock`, ["surface", "loss", "table", "status", "message"]);
    await open(page, base + "#s=classic");
    await checkParts(page, `${screen.what} classic`, ["surface", "loss", "data", "table", "status", "message"]);
    check(errors.length === 0, `${screen.what}: no page errors (${errors.join("; ")})`);
  });
}

// downscale halves a PNG by averaging each 2×2 block: the picture a
// viewer twice as far away sees.
function downscale(png) {
  const w = Math.floor(png.width / 2), h = Math.floor(png.height / 2);
  const out = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (const [ox, oy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) sum += png.data[4 * ((2 * y + oy) * png.width + 2 * x + ox) + c];
        out.data[4 * (y * w + x) + c] = Math.round(sum / 4);
      }
    }
  }
  return out;
}

// The back of the room: the default page at 1920×1080, halved (each 2×2
// block averaged), read by tesseract as it is, looking for sparse text
// (--psm 11): the words of the legend, the loss chart, the status table,
// the hint and the status line must mostly be read.
await withBrowser({ viewport: { width: 1920, height: 1080 } }, async (context) => {
  const page = await context.newPage();
  await open(page, base);
  const lay = await layout(page);
  const half = downscale(PNG.sync.read(await page.screenshot()));
  const halfFile = join(outDir, "readable-1920x1080-half.png");
  writeFileSync(halfFile, PNG.sync.write(half));
  let text = "";
  try {
    text = execFileSync("tesseract", [halfFile, "stdout", "--psm", "11"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch (e) {
    check(false, `tesseract runs (${e.message}); scripts/ensure-deps.sh installs tesseract-ocr`);
  }
  writeFileSync(join(outDir, "readable-1920x1080-half.txt"), text);
  const words = ["SGD", "Momentum", "Nesterov", "Adagrad", "RMSprop", "Adam", "loss", "scale", "step", "watch", "valley", "paused", "formula", "racer"];
  const found = words.filter((w) => text.toLowerCase().includes(w.toLowerCase()));
  console.log(`OCR of the halved 1920×1080 page (text ${lay.text_px} px per em): ${found.length}/${words.length} words: ${found.join(" ")}`);
  check(found.length >= 11, `the default page at 1920×1080, halved, is read by OCR: ${found.length} of ${words.length} words (missing: ${words.filter((w) => !found.includes(w)).join(" ") || "none"})`);
});

// The largest text at 1024×768, remembered in the link; the light theme.
await withBrowser({ viewport: { width: 1024, height: 768 } }, async (context) => {
  const page = await context.newPage();
  await open(page, base + "#s=himmelblau");
  const before = await layout(page);
  await page.locator("canvas").focus();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.type("+");
    await page.waitForTimeout(80);
  }
  await page.waitForFunction(() => JSON.parse(window.descent.state()).input.layout.text_step === 3, null, { timeout: 10000 }).catch(() => {});
  const big = await layout(page);
  check(big.text_step === 3 && big.text_px > before.text_px, `+ enlarges the text to the largest step (step ${big.text_step}, ${before.text_px} → ${big.text_px} px per em)`);
  // The canvas's panel (a column, or a drawer when the text leaves it no
  // room), or a page panel beside the canvas with its own font size.
  let panelPx = big.panel_text_px;
  const pagePanel = await page.evaluate(() => {
    const el = document.querySelector("#panel, [data-panel], .panel, aside, form");
    return el ? parseFloat(getComputedStyle(el).fontSize) : 0;
  });
  if (pagePanel > 0) panelPx = pagePanel;
  check(big.text_px >= 24 && panelPx >= 24, `at the largest size on 1024×768 the pictures' text is ${big.text_px} px and the panel's ${panelPx} px per em, both at least 24`);
  writeFileSync(join(outDir, "readable-1024x768-largest.png"), await page.screenshot());
  await page.waitForFunction(() => /[#&]tx=3(&|$)/.test(location.hash), null, { timeout: 5000 }).catch(() => {});
  const link = await page.evaluate(() => location.href);
  check(/[#&]tx=3(&|$)/.test(link), `the text size is in the link (${link})`);
  await page.keyboard.type("t");
  await page.waitForFunction(() => JSON.parse(window.descent.state()).input.layout.theme === "light", null, { timeout: 5000 }).catch(() => {});
  const light = await layout(page);
  const shot = PNG.sync.read(await page.screenshot());
  // The canvas's bottom-right corner (the page's panel may stand beside it).
  const cbox = await page.locator("canvas").boundingBox();
  const cx = Math.floor(cbox.x + cbox.width) - 3, cy = Math.floor(cbox.y + cbox.height) - 3;
  const [r, g, b] = shot.data.slice(4 * (shot.width * cy + cx), 4 * (shot.width * cy + cx) + 3);
  check(light.theme === "light" && r > 240 && g > 240 && b > 240, `t switches to the light theme (${light.theme}, canvas corner ${r},${g},${b})`);
  writeFileSync(join(outDir, "readable-1024x768-light.png"), PNG.sync.write(shot));
  await page.waitForFunction(() => /[#&]th=light(&|$)/.test(location.hash), null, { timeout: 5000 }).catch(() => {});
  const again = await context.newPage();
  await open(again, await page.evaluate(() => location.href));
  const back = await layout(again);
  check(back.text_step === 3 && back.theme === "light", `a reload keeps the text size and the theme (step ${back.text_step}, ${back.theme})`);
});
finish("readable");
