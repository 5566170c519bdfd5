// Browser test of touch, wheel and typed input: on a phone (390×844,
// touch, device scale 2) the panel is a folded drawer, a tap on the
// surface moves the start, a tap opens the drawer and presses Play, a drag
// orbits the 3-D view and a pinch zooms it; on a tablet (1024×768, touch)
// a tap presses Play in the panel's column; with a mouse, one wheel notch
// zooms the 3-D camera and a convergence map by exactly one step; a number
// field reads a decimal comma and refuses a bad entry, keeping its value.
// Usage: node e2e/input_test.mjs BASE_URL OUT_DIR
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { base, outDir, check, finish, state, waitForSurface, withBrowser } from "./lib.mjs";

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
// the page's screen pixels (device pixels, as the game reports its
// rectangles), holding each touch across frames as a finger does.
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

// The phone.
await withBrowser({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true }, async (context) => {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(base + "?scenario=rosenbrock");
  await waitForSurface(page, Date.now());
  await frames(page);
  const box = await page.locator("canvas").boundingBox();
  const scale = await page.evaluate(() => window.devicePixelRatio);
  const touch = new Touch(page, await context.newCDPSession(page), box, scale);
  let s = await state(page);
  const width = box.width * scale;
  check(s.input.drawer === "folded" && s.input.controls.drawer && !s.input.controls.play,
    `on a phone the panel starts folded into a drawer (${s.input.drawer}, controls ${Object.keys(s.input.controls)})`);
  const [left, top, right, bottom] = s.surface_rect;
  check(left < width * 0.25 && right - left > width * 0.6, `the surface takes the screen's width (${s.surface_rect} of ${width})`);
  writeFileSync(join(outDir, "input-phone-folded.png"), await page.screenshot());

  // A tap on the middle of the surface (x from -2 to 2, y from -1 to 3)
  // restarts every racer at about (0, 1).
  await touch.tap([(left + right) / 2, (top + bottom) / 2]);
  const moved = await until(page, (s) => s.steps === 0 && s.racers.every((r) => Math.abs(r.params[0]) < 0.05 && Math.abs(r.params[1] - 1) < 0.05));
  check(moved, "a tap on the surface moves the start there");

  if (s.input.controls.drawer) await touch.tap(centre(s.input.controls.drawer));
  s = await state(page);
  check(s.input.drawer === "open" && s.input.controls.play, `a tap on the handle opens the drawer (${s.input.drawer})`);
  writeFileSync(join(outDir, "input-phone-open.png"), await page.screenshot());
  if (s.input.controls.play) {
    await touch.tap(centre(s.input.controls.play));
    check(await until(page, (s) => s.playing && s.steps > 0), "a tap presses Play");
    await touch.tap(centre((await input(page)).controls.play));
    check(await until(page, (s) => !s.playing), "a second tap pauses");
    await touch.tap(centre((await input(page)).controls["3d"]));
    check(await until(page, (s) => s.input.show_3d), "a tap on 3-D opens the 3-D view");
    const hide = (await input(page)).controls.drawer;
    if (hide) await touch.tap(centre(hide));
    check(await until(page, (s) => s.input.drawer === "folded"), "a tap on hide controls folds the drawer");
  } else {
    check(false, "a tap presses Play (the drawer did not open, so there is no Play button)");
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

// A tablet or an interactive whiteboard: the panel has its column, and a
// tap on a panel button presses it.
await withBrowser({ viewport: { width: 1024, height: 768 }, hasTouch: true }, async (context) => {
  const page = await context.newPage();
  await page.goto(base + "?scenario=rosenbrock");
  await waitForSurface(page, Date.now());
  await frames(page);
  const box = await page.locator("canvas").boundingBox();
  const touch = new Touch(page, await context.newCDPSession(page), box, 1);
  const s = await state(page);
  check(s.input.drawer === "none" && s.input.controls.play, `on a tablet the panel has its column (drawer ${s.input.drawer})`);
  if (s.input.controls.play) {
    await touch.tap(centre(s.input.controls.play));
    check(await until(page, (s) => s.playing && s.steps > 0), "on a tablet a tap presses Play");
    const pause = (await input(page)).controls.play;
    if (pause) await touch.tap(centre(pause));
    check(await until(page, (s) => !s.playing), "on a tablet a second tap pauses");
  }
});

// A laptop with a mouse and a keyboard.
await withBrowser({}, async (context) => {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(base + "?scenario=himmelblau");
  await waitForSurface(page, Date.now());
  await frames(page);
  const box = await page.locator("canvas").boundingBox();
  let s = await state(page);
  const [left, top, right, bottom] = s.surface_rect;
  const mid = [box.x + (left + right) / 2, box.y + (top + bottom) / 2];
  await page.locator("canvas").focus();

  // One notch (Chromium's 100 pixels) is one zoom step: the 3-D camera's
  // distance times 0.9, a convergence map's window times 0.8.
  // Over the panel, a notch scrolls it by 30 pixels (debugui's notch), not
  // to its end.
  const play0 = s.input.controls.play;
  await page.mouse.move(box.x + (play0[0] + play0[2]) / 2, box.y + play0[3] + 40);
  await page.mouse.wheel(0, 100);
  await frames(page);
  const play1 = (await input(page)).controls.play;
  check(play0[1] - play1[1] === 30, `one wheel notch scrolls the panel by 30 pixels (Play moved from y ${play0[1]} to ${play1[1]})`);
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

  // Typing into SGD's learning-rate field.
  const field = async () => {
    const r = (await input(page)).controls["field:sgd/lr"];
    return [box.x + (r[0] + r[2]) / 2, box.y + (r[1] + r[3]) / 2];
  };
  // A key a frame, as a person types at 60 frames a second (the
  // headless page draws far fewer, and the field reads one Backspace a
  // frame).
  const typeInto = async (text) => {
    await page.mouse.click(...(await field()), { delay: 100 });
    await frames(page);
    for (const key of [...Array(12).fill("Backspace"), ...text, "Enter"]) {
      await page.keyboard.press(key);
      await frames(page, 1);
    }
    await frames(page);
  };
  await typeInto("0,025");
  s = await input(page);
  check(s.hypers.sgd.lr === 0.025 && !s.field_errors["sgd/lr"],
    `a decimal comma is read: 0,025 sets lr to ${s.hypers.sgd.lr} (error: ${s.field_errors["sgd/lr"] ?? "none"})`);
  await typeInto("abc");
  s = await input(page);
  const msg = s.field_errors["sgd/lr"] ?? "";
  check(s.hypers.sgd.lr === 0.025 && msg.includes("abc") && msg.includes("kept 0.025"),
    `an unparseable entry keeps lr (${s.hypers.sgd.lr}) and shows an error (${msg})`);
  writeFileSync(join(outDir, "input-field-error.png"), await page.screenshot());
  check(errors.length === 0, `no page errors with the mouse (${errors.join("; ")})`);
});
finish("input");
