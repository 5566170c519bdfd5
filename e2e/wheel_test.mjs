// Wheel notches in the modes and zooms the input test does not cover: a
// browser that reports a notch in lines (Firefox's deltaMode 1, three
// lines) and a page at 150% browser zoom (device scale 1.5), where
// Chromium's notch is still 100 CSS pixels. Each must move the 3-D camera
// by one zoom step (its distance times 0.9), no more, no less. Usage:
// node e2e/wheel_test.mjs BASE_URL OUT_DIR
import { base, check, finish, state, waitForSurface, withBrowser } from "./lib.mjs";

async function frames(page, n = 3) {
  const f = (await state(page)).frames;
  await page.waitForFunction((g) => JSON.parse(window.descent.state()).frames >= g, f + n, { timeout: 20000 });
}

async function distance(page) {
  return (await state(page)).input.camera_distance;
}

// notchTest opens the 3-D view, sends one notch with send(page, x, y) over
// the surface and checks the camera moved one step in.
async function notchTest(options, what, send) {
  await withBrowser(options, async (context) => {
    const page = await context.newPage();
    await page.goto(base + "#s=himmelblau&3d=1");
    await waitForSurface(page, Date.now());
    await frames(page);
    const [left, top, right, bottom] = (await state(page)).surface_rect;
    const scale = await page.evaluate(() => window.devicePixelRatio);
    const x = (left + right) / 2 / scale, y = (top + bottom) / 2 / scale;
    await page.mouse.move(x, y);
    const d0 = await distance(page);
    await send(page, x, y);
    await frames(page);
    const d1 = await distance(page);
    check(Math.abs(d1 - d0 * 0.9) < 1e-9, `${what}: one notch moves the camera one step (${d0} → ${d1}, want ${d0 * 0.9})`);
  });
}

await notchTest({}, "a notch in lines (deltaMode 1)", (page, x, y) => page.evaluate(([cx, cy]) => {
  document.querySelector("canvas").dispatchEvent(new WheelEvent("wheel",
    { deltaY: -3, deltaMode: 1, clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
}, [x, y]));
await notchTest({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1.5 }, "at 150% zoom",
  (page) => page.mouse.wheel(0, -100));
finish("wheel");
