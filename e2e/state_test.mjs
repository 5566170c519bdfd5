// End-to-end test of the playground's state in its link, in Debian's
// headless Chromium: a race changed by hand (a click that moves the start,
// optimizer rates set through window.descent.setState, the 3-D key and a
// drag that turns the camera, then played) is written to the page's address without adding history
// entries; that address opened in a fresh page gives the same state, the
// same numbers and the same picture. A link with an unknown key and a bad
// value shows one message and applies the rest. Usage:
// node e2e/state_test.mjs BASE_URL OUT_DIR
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { base, outDir, check, finish, state, waitForSurface, withBrowser } from "./lib.mjs";

const getState = (page) => page.evaluate(() => window.descent.getState());
const href = (page) => page.evaluate(() => location.href);

// open loads a link in a new page and waits for its first surface.
async function open(context, link) {
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  await page.goto(link);
  await waitForSurface(page, Date.now());
  return page;
}

// settle parks the mouse where it changes nothing and lets a few frames
// draw, so that two pages are photographed alike.
async function settle(page) {
  await page.mouse.move(1270, 795);
  const frames = (await state(page)).frames;
  await page.waitForFunction((f) => JSON.parse(window.descent.state()).frames >= f + 10, frames, { timeout: 20000 });
}

// differentPixels counts the pixels of two same-sized PNGs that differ by
// more than 2 in a channel (SwiftShader's 3-D mesh differs by 1 here and
// there from one page to the next), leaving out the bottom 30 rows: the
// status line, whose steps/s and fps are timings.
function differentPixels(a, b) {
  const pa = PNG.sync.read(a), pb = PNG.sync.read(b);
  if (pa.width !== pb.width || pa.height !== pb.height) return pa.width * pa.height;
  let n = 0;
  for (let i = 0; i < (pa.height - 30) * pa.width * 4; i += 4) {
    const d = Math.max(Math.abs(pa.data[i] - pb.data[i]), Math.abs(pa.data[i + 1] - pb.data[i + 1]), Math.abs(pa.data[i + 2] - pb.data[i + 2]));
    if (d > 2) n++;
  }
  return n;
}

await withBrowser({}, async (context) => {
  const page = await open(context, base + "?scenario=Himmelblau");
  const historyBefore = await page.evaluate(() => history.length);
  const plainShot = await page.screenshot();

  // The start: a click on the surface, at about (1, 2) of [-5, 5]².
  const [left, top, right, bottom] = (await state(page)).surface_rect;
  const box = await page.locator("canvas").boundingBox();
  await page.mouse.move(box.x + left + (right - left) * 0.6, box.y + top + (bottom - top) * 0.3);
  await page.mouse.down();
  await page.waitForTimeout(150);
  await page.mouse.up();
  const moved = await page.waitForFunction(() => JSON.parse(window.descent.getState()).start[0] > 0.5, null, { timeout: 10000 })
    .then(() => true, () => false);
  check(moved, "a click on the surface moves the start");
  // The rates: Adam's and SGD's changed, RAdam added, through the state.
  const st = JSON.parse(await getState(page));
  st.optimizers.adam.lr = 0.3;
  st.optimizers.adam.beta1 = 0.8;
  st.optimizers.sgd.lr = 0.015;
  st.racers.push("radam");
  st.optimizers.radam.lr = 0.05;
  const msg = await page.evaluate((j) => window.descent.setState(j), JSON.stringify(st));
  check(msg === "", `setState applies a changed state (${msg})`);
  // The view: the 3-D key, then a race of about 100 steps.
  await page.locator("canvas").focus();
  await page.keyboard.press("3");
  const turned = await page.waitForFunction(() => JSON.parse(window.descent.getState())["3d"], null, { timeout: 10000 })
    .then(() => true, () => false);
  check(turned, "the 3 key turns the 3-D view on");
  // The camera: a drag on the mesh turns it.
  const mid = { x: box.x + (left + right) / 2, y: box.y + (top + bottom) / 2 };
  await page.mouse.move(mid.x, mid.y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) {
    await page.mouse.move(mid.x - 12 * i, mid.y + 4 * i);
    await page.waitForTimeout(40);
  }
  await page.mouse.up();
  await page.keyboard.press("Space");
  await page.waitForFunction(() => JSON.parse(window.descent.state()).steps >= 100, null, { timeout: 60000 });
  await page.keyboard.press("Space");
  await page.waitForFunction(() => !JSON.parse(window.descent.state()).playing, null, { timeout: 10000 });
  await settle(page);

  // The address the page wrote holds all of it.
  await page.waitForTimeout(600);
  const link = await href(page);
  console.log(`link: ${link}`);
  const want = JSON.parse(await getState(page));
  check(want["3d"] && want.optimizers.adam.lr === 0.3 && want.racers.includes("radam") && want.steps >= 100,
    `the state holds the 3-D view, the rates and ${want.steps} steps`);
  for (const key of ["s=himmelblau", "cam=", "adam.lr=0.3", "adam.b1=0.8", "sgd.lr=0.015", "radam.lr=0.05", "3d=1", "x0=", `t=${want.steps}`]) {
    check(link.includes(key), `the page's address says ${key}`);
  }
  check(!link.includes("?scenario"), "the older query form is replaced by the fragment");
  const historyAfter = await page.evaluate(() => history.length);
  check(historyAfter === historyBefore, `no history entries were added (${historyBefore} before, ${historyAfter} after)`);
  check(await page.evaluate(() => window.descent.stateURL()) === link, "window.descent.stateURL() is the address");
  const wantNumbers = (await state(page)).racers;
  const wantShot = await page.screenshot();
  writeFileSync(join(outDir, "state-before.png"), wantShot);

  // The same address in a fresh page.
  const again = await open(context, link);
  await settle(again);
  const got = JSON.parse(await getState(again));
  check(JSON.stringify(got) === JSON.stringify(want), "the reopened page has the same state");
  const gotNumbers = (await state(again)).racers;
  check(JSON.stringify(gotNumbers) === JSON.stringify(wantNumbers),
    `the same racers stand at the same params with the same losses (${JSON.stringify(gotNumbers.map((r) => [r.name, r.steps, r.loss]))})`);
  const gotShot = await again.screenshot();
  writeFileSync(join(outDir, "state-after.png"), gotShot);
  const changed = differentPixels(plainShot, wantShot);
  const differ = differentPixels(wantShot, gotShot);
  console.log(`pixels: ${differ} differ between the two pages, ${changed} between the default and the changed page`);
  check(changed > 50000, `the changed picture differs from the default one (${changed} pixels)`);
  check(differ < 500, `the reopened page shows the same picture (${differ} pixels differ above the status line)`);
  check(await again.evaluate(() => document.getElementById("error").textContent) === "", "the reopened page shows no message");

  // A link with an unknown key and a bad value: one message, the rest applied.
  const bad = await open(context, base + "#s=beale&adam.lr=-1&bogus=3&x0=0.5,0.5&3d=1");
  const message = await bad.evaluate(() => document.getElementById("error").textContent);
  console.log(`message: ${message}`);
  check(message.startsWith("Descent: link: 2 settings left at the default") && message.includes("adam.lr=-1") &&
    message.includes('"bogus" is not a setting') && message.split("Descent:").length === 2,
    "a bad link shows one message naming both problems");
  const applied = JSON.parse(await getState(bad));
  check(applied.scenario === "beale" && applied["3d"] && applied.start.join() === "0.5,0.5" && applied.optimizers.adam.lr === 0.02,
    `the rest of the link applies and adam.lr keeps Beale's default (${applied.optimizers.adam.lr})`);
  await bad.waitForTimeout(600);
  const fixed = await href(bad);
  check(!fixed.includes("bogus") && !fixed.includes("adam.lr") && fixed.includes("x0=0.5,0.5"), `the page rewrites its address without them (${fixed})`);

  // The older form still opens, in any case.
  const older = await open(context, base + "?scenario=BLOBS&play=1");
  const o = await state(older);
  check(o.scenario === "blobs" && o.playing, `?scenario=BLOBS&play=1 opens the blobs playing (${o.scenario}, ${o.playing})`);

  const errors = [page, again, bad, older].flatMap((p) => p.errors);
  check(errors.length === 0, `no page errors (${errors.join("; ")})`);
});
finish("state");
