// Browser test of touch, wheel and typed input: on a phone (390×844,
// touch, device scale 2) the page's panel (browser form controls) is a
// folded drawer, a tap on the surface moves the start, a tap opens the
// drawer and presses Play, 3-D and "hide controls", a drag orbits the 3-D
// view and a pinch zooms it; on a tablet (1024×768, touch) a tap presses
// Play in the panel's column; with a mouse, one wheel notch zooms the 3-D
// camera and a convergence map by exactly one step and scrolls the panel
// without touching the picture; a number field reads a decimal comma and
// refuses a bad entry with a message beside it, keeping its value; its
// slider and a −/+ button step values as the native panel's do; the
// panel's text is sized in rem, so it follows the browser's text size.
// Usage: node e2e/input_test.mjs BASE_URL OUT_DIR
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { base, outDir, check, finish, state, waitForPanel, waitForSurface, watch, withBrowser } from "./lib.mjs";

// input returns the playground's input state (playground.InputState).
async function input(page) {
  return (await state(page)).input;
}

// frames waits until the game has drawn n more frames.
async function frames(page, n = 3) {
  const f0 = (await state(page)).frames;
  await page.waitForFunction((f) => JSON.parse(window.descent.state()).frames >= f, f0 + n, { timeout: 10000, polling: 10 });
}

// until waits for pred(state) and reports whether it came true.
async function until(page, pred, timeout = 10000) {
  const t0 = Date.now();
  for (;;) {
    const s = await state(page);
    if (pred(s)) return true;
    if (Date.now() - t0 > timeout) return false;
    await page.waitForTimeout(30);
  }
}

// centre returns the centre of a [x0, y0, x1, y1] screen rectangle.
function centre([x0, y0, x1, y1]) {
  return [(x0 + x1) / 2, (y0 + y1) / 2];
}

// Touch drives the page's touchscreen through the DevTools protocol, in
// the canvas's screen pixels (device pixels, as the game reports its
// rectangles), holding each touch across frames as a finger does;
// tapElement taps the middle of a panel element.
class Touch {
  constructor(page, cdp, box, scale) {
    Object.assign(this, { page, cdp, box, scale });
  }
  points(pts) {
    return pts.map(([x, y], i) => ({ x: this.box.x + x / this.scale, y: this.box.y + y / this.scale, id: i + 1 }));
  }
  async send(type, pts) {
    await this.cdp.send("Input.dispatchTouchEvent", { type, touchPoints: this.points(pts) });
  }
  async tapElement(locator) {
    const b = await locator.boundingBox();
    if (!b) return false;
    const at = [{ x: b.x + b.width / 2, y: b.y + b.height / 2, id: 1 }];
    await this.cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at });
    await this.page.waitForTimeout(80);
    await this.cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await frames(this.page);
    return true;
  }
  async tap([x, y]) {
    await this.send("touchStart", [[x, y]]);
    await this.page.waitForTimeout(120);
    await this.send("touchEnd", []);
    await frames(this.page);
  }
  // move glides the fingers from the from points to the to points.
  async move(from, to, steps = 8) {
    await this.send("touchStart", from);
    await frames(this.page, 2);
    for (let i = 1; i <= steps; i++) {
      const pts = from.map(([x, y], j) => [x + (to[j][0] - x) * i / steps, y + (to[j][1] - y) * i / steps]);
      await this.send("touchMove", pts);
      await frames(this.page, 1);
    }
    await this.send("touchEnd", []);
    await frames(this.page);
  }
}

// The panel's parts.
const control = (page, key) => page.locator(`#controls [data-key="${key}"]`).first();
const drawerOpen = (page) => page.evaluate(() => document.getElementById("panel").classList.contains("open"));

// The phone.
await withBrowser({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true }, async (context) => {
  const page = await context.newPage();
  const errors = await watch(page);
  await page.goto(base + "?scenario=rosenbrock");
  await waitForSurface(page, Date.now());
  await waitForPanel(page);
  await frames(page);
  const box = await page.locator("canvas").boundingBox();
  const scale = await page.evaluate(() => window.devicePixelRatio);
  const touch = new Touch(page, await context.newCDPSession(page), box, scale);
  let s = await state(page);
  const width = box.width * scale;
  const handle = page.locator("#drawer");
  check(await handle.isVisible() && !(await control(page, "play").isVisible()) && !(await drawerOpen(page)),
    "on a phone the panel starts folded into a drawer: its button shows, its controls do not");
  const [left, top, right, bottom] = s.surface_rect;
  check(box.width >= 389 && left < width * 0.25 && right - left > width * 0.6,
    `the canvas and the surface take the screen's width (canvas ${box.width} CSS px, surface ${s.surface_rect} of ${width})`);
  writeFileSync(join(outDir, "input-phone-folded.png"), await page.screenshot());

  // A tap on the middle of the surface (x from -2 to 2, y from -1 to 3)
  // restarts every racer at about (0, 1).
  await touch.tap([(left + right) / 2, (top + bottom) / 2]);
  const moved = await until(page, (s) => s.steps === 0 && s.racers.every((r) => Math.abs(r.params[0]) < 0.05 && Math.abs(r.params[1] - 1) < 0.05));
  check(moved, "a tap on the surface moves the start there");

  await touch.tapElement(handle);
  check(await drawerOpen(page) && await control(page, "play").isVisible() && (await handle.textContent()) === "hide controls",
    "a tap on the drawer's button opens it");
  const labelPx = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("#controls label")).fontSize));
  check(labelPx >= 16, `the panel's text is ${labelPx} CSS px (${labelPx * scale} device pixels), not 12-pixel bitmap text`);
  writeFileSync(join(outDir, "input-phone-open.png"), await page.screenshot());
  await touch.tapElement(control(page, "play"));
  check(await until(page, (s) => s.playing && s.steps > 0), "a tap presses Play");
  check((await control(page, "play").textContent()) === "Pause", "the button then reads Pause");
  await touch.tapElement(control(page, "play"));
  check(await until(page, (s) => !s.playing), "a second tap pauses");
  await touch.tapElement(control(page, "3d"));
  check(await until(page, (s) => s.input.show_3d), "a tap on 3-D opens the 3-D view");
  await touch.tapElement(handle);
  check(!(await drawerOpen(page)) && !(await control(page, "play").isVisible()), "a tap on hide controls folds the drawer");
  if (!(await until(page, (s) => s.input.show_3d, 100))) {
    await page.locator("canvas").focus();
    await page.keyboard.press("3"); // for the 3-D checks that follow
    await frames(page);
  }

  // In 3-D, one finger dragging sideways orbits; two fingers spreading
  // bring the camera closer, by the spread's zoom and not to the limit.
  const cam0 = await input(page);
  const [cx, cy] = [(left + right) / 2, (top + bottom) / 2];
  await touch.move([[cx - 100, cy]], [[cx + 100, cy]]);
  const cam1 = await input(page);
  check(Math.abs(cam1.camera_yaw - cam0.camera_yaw) > 0.5 && cam1.camera_distance === cam0.camera_distance,
    `a one-finger drag orbits the 3-D view (yaw ${cam0.camera_yaw.toFixed(3)} → ${cam1.camera_yaw.toFixed(3)})`);
  await touch.move([[cx - 60, cy], [cx + 60, cy]], [[cx - 120, cy], [cx + 120, cy]]);
  const cam2 = await input(page);
  // Fingers twice as far apart halve the distance (3.8 → 1.9); frames
  // may see the glide's first step late, so allow some slack.
  check(cam2.camera_distance < cam1.camera_distance * 0.75 && cam2.camera_distance > 1.5,
    `a pinch zooms the 3-D camera (distance ${cam1.camera_distance} → ${cam2.camera_distance.toFixed(3)})`);
  writeFileSync(join(outDir, "input-phone-3d.png"), await page.screenshot());
  check(errors.length === 0, `no page errors on the phone (${errors.join("; ")})`);
});

// A tablet or an interactive whiteboard: the panel has its column beside
// the canvas, and a tap on a panel button presses it.
await withBrowser({ viewport: { width: 1024, height: 768 }, hasTouch: true }, async (context) => {
  const page = await context.newPage();
  await page.goto(base + "?scenario=rosenbrock");
  await waitForSurface(page, Date.now());
  await waitForPanel(page);
  await frames(page);
  const box = await page.locator("canvas").boundingBox();
  const panel = await page.locator("#panel").boundingBox();
  const touch = new Touch(page, await context.newCDPSession(page), box, 1);
  check(!(await page.locator("#drawer").isVisible()) && await control(page, "play").isVisible() && panel.x >= box.x + box.width - 1,
    `on a tablet the panel has its column beside the canvas (canvas ${box.width} px wide, panel at x ${panel.x})`);
  await touch.tapElement(control(page, "play"));
  check(await until(page, (s) => s.playing && s.steps > 0), "on a tablet a tap presses Play");
  await touch.tapElement(control(page, "play"));
  check(await until(page, (s) => !s.playing), "on a tablet a second tap pauses");
});

// A laptop with a mouse and a keyboard.
await withBrowser({}, async (context) => {
  const page = await context.newPage();
  const errors = await watch(page);
  await page.goto(base + "?scenario=himmelblau");
  await waitForSurface(page, Date.now());
  await waitForPanel(page);
  await frames(page);
  const box = await page.locator("canvas").boundingBox();
  let s = await state(page);
  const [left, top, right, bottom] = s.surface_rect;
  const mid = [box.x + (left + right) / 2, box.y + (top + bottom) / 2];
  await page.locator("canvas").focus();

  // One notch (Chromium's 100 pixels) is one zoom step: the 3-D camera's
  // distance times 0.9, a convergence map's window times 0.8.
  // Over the panel, a notch scrolls the panel (the browser's own scroll)
  // and leaves the picture alone.
  const pb = await page.locator("#panel").boundingBox();
  await page.mouse.move(pb.x + pb.width / 2, pb.y + pb.height / 2);
  const cam = (await input(page)).camera_distance;
  await page.mouse.wheel(0, 100);
  await frames(page);
  const scrolled = await page.evaluate(() => document.getElementById("panel").scrollTop);
  check(scrolled > 0 && (await input(page)).camera_distance === cam, `one wheel notch over the panel scrolls it (${scrolled} px) and not the picture`);
  await page.mouse.wheel(0, -100);
  await frames(page);

  await page.keyboard.press("3");
  await frames(page);
  await page.mouse.move(...mid);
  const d0 = (await input(page)).camera_distance;
  await page.mouse.wheel(0, -100);
  await frames(page);
  const d1 = (await input(page)).camera_distance;
  check(Math.abs(d1 - d0 * 0.9) < 1e-9, `one wheel notch moves the 3-D camera one step (${d0} → ${d1}, want ${d0 * 0.9})`);
  await page.mouse.wheel(0, 100);
  await frames(page);
  const d2 = (await input(page)).camera_distance;
  check(Math.abs(d2 - d0) < 1e-9, `one notch back returns it (${d2})`);

  // The game reads one shortcut a frame: a frame between presses.
  await page.keyboard.press("3");
  await frames(page);
  await page.keyboard.press("m");
  check(await until(page, (s) => s.input.view === "convergence map" && s.input.map_range), "m opens the convergence map");
  await frames(page, 5);
  const r0 = (await input(page)).map_range;
  if (!r0) { check(false, "the convergence map has a window"); finish("input"); }
  await page.mouse.wheel(0, -100);
  await frames(page);
  const r1 = (await input(page)).map_range;
  const ratioX = (r1[1] - r1[0]) / (r0[1] - r0[0]);
  const ratioY = (r1[3] - r1[2]) / (r0[3] - r0[2]);
  check(Math.abs(ratioX - 0.8) < 1e-9 && Math.abs(ratioY - 0.8) < 1e-9,
    `one wheel notch zooms the convergence map one step (window × ${ratioX.toFixed(6)}, × ${ratioY.toFixed(6)}; want 0.8)`);
  await page.keyboard.press("m");
  await frames(page);
  await page.keyboard.press("m");
  check(await until(page, (s) => s.input.view === "race"), "m twice returns to the race");

  // Typing into SGD's learning-rate field, a text field beside its slider.
  const field = page.locator('#controls input[type=text][data-key="sgd.lr"]');
  const fieldError = page.locator("#" + (await field.getAttribute("id")) + "-error");
  const typeInto = async (text) => {
    await field.fill(text);
    await field.press("Enter");
    await page.waitForTimeout(400); // the panel reads the game back every 200 ms
    await frames(page);
  };
  check((await page.locator(`label[for="${await field.getAttribute("id")}"]`).textContent()) === "η lr", "the field is labelled η lr");
  await typeInto("0,025");
  s = await input(page);
  check(s.hypers.sgd.lr === 0.025 && (await field.inputValue()) === "0.025" && (await fieldError.textContent()) === "",
    `a decimal comma is read: 0,025 sets lr to ${s.hypers.sgd.lr}, the field shows ${await field.inputValue()}`);
  await typeInto("abc");
  s = await input(page);
  const msg = await fieldError.textContent();
  check(s.hypers.sgd.lr === 0.025 && msg.includes("abc") && msg.includes("kept 0.025") && (await field.inputValue()) === "0.025" &&
    await fieldError.isVisible(), `an unparseable entry keeps lr (${s.hypers.sgd.lr}) and shows an error beside the field (${msg})`);
  await typeInto("1e-3");
  check((await input(page)).hypers.sgd.lr === 0.001 && (await fieldError.textContent()) === "", "a good entry clears the error");
  // The log slider beside it moves lr by a hundredth of a decade a key
  // press (rounded to three digits, as the native slider); the −/+ buttons
  // of momentum step it by 0.01.
  const slider = page.locator('#controls input[type=range][data-key="sgd.lr"]');
  await slider.focus();
  await slider.press("ArrowRight");
  check(await until(page, (s) => s.input.hypers.sgd.lr === 0.00102) && await page.waitForFunction(
    (id) => document.getElementById(id).value === "0.00102", await field.getAttribute("id"), { timeout: 5000 }).then(() => true, () => false),
  `a key press on the log slider sets lr to 0.00102 and the field follows (${(await input(page)).hypers.sgd.lr})`);
  await page.locator('#controls button[aria-label="μ momentum +"]').first().click();
  check(await until(page, (s) => s.input.hypers.sgd.momentum === 0.01), `the + button steps SGD's momentum to 0.01 (${(await input(page)).hypers.sgd.momentum})`);
  // The panel's text follows the browser's text size: at 150% its labels
  // are 24 CSS pixels.
  await page.evaluate(() => { document.documentElement.style.fontSize = "150%"; });
  const big = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("#controls label")).fontSize));
  check(big === 24, `at a 150% text size the panel's labels are ${big} px (want 24)`);
  await page.evaluate(() => { document.documentElement.style.fontSize = ""; });
  await typeInto("abc");
  writeFileSync(join(outDir, "input-field-error.png"), await page.screenshot());
  check(errors.length === 0, `no page errors with the mouse (${errors.join("; ")})`);
});
finish("input");
