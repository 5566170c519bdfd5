// End-to-end test of the wasm playground in Debian's headless Chromium:
// the canvas renders a surface within 3 s of navigation (a fresh profile),
// pressing space starts the race, the loss falls, the playing race's frame
// rate is measured, a click moves the start, the GPU agrees with the CPU,
// and the JavaScript bridge returns descent.run/v1. The timings and the
// wasm's transfer size go to OUT_DIR/timing.json. Usage:
// node e2e/playground_test.mjs BASE_URL OUT_DIR
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { base, outDir, check, finish, distinctColours, state, watch, withBrowser } from "./lib.mjs";

// firstSurfaceBound is the bound on navigation to the first drawn
// surface, in milliseconds.
const firstSurfaceBound = 3000;

await withBrowser({}, async (context) => {
  const page = await context.newPage();
  const errors = await watch(page);

  const t0 = Date.now();
  await page.goto(base + "?scenario=rosenbrock");
  await page.waitForFunction(
    () => window.descent && JSON.parse(window.descent.state()).surface_frames > 0,
    null, { timeout: 60000, polling: 20 });
  const firstSurfaceMs = Date.now() - t0;
  console.log(`first surface drawn ${firstSurfaceMs} ms after navigation`);
  check(firstSurfaceMs <= firstSurfaceBound, `the first surface is drawn within ${firstSurfaceBound} ms of navigation (${firstSurfaceMs} ms)`);
  // What the page's descent.wasm cost to fetch: its bytes on the wire
  // (gzip, from cmd/serve) and decoded.
  const wasm = await page.evaluate(() => {
    const e = performance.getEntriesByType("resource").find((r) => r.name.endsWith("descent.wasm"));
    return e ? { transfer: e.encodedBodySize, decoded: e.decodedBodySize } : null;
  });
  console.log(`descent.wasm: ${wasm?.transfer} bytes transferred, ${wasm?.decoded} decoded`);

  const before = JSON.parse(await page.evaluate(() => window.descent.state()));
  check(before.scenario === "rosenbrock" && !before.playing && before.steps === 0, "opens paused on the scenario in the URL");
  check(before.racers.length === 6, `six racers (got ${before.racers.length})`);
  const still = await page.screenshot();
  check(distinctColours(still) > 50, "the canvas shows a picture, not a blank page");

  await page.locator("canvas").focus();
  await page.keyboard.press("Space");
  await page.waitForFunction(() => JSON.parse(window.descent.state()).steps >= 100, null, { timeout: 60000 });
  const after = JSON.parse(await page.evaluate(() => window.descent.state()));
  check(after.playing, "space starts the race");
  const fell = after.racers.filter((r) => r.loss < r.first_loss).length;
  check(fell >= 5, `the loss fell for ${fell} of ${after.racers.length} racers`);
  writeFileSync(join(outDir, "playground.png"), await page.screenshot());

  // The playing race's frame rate: frames drawn and steps taken over five
  // seconds of wall-clock time.
  const r0 = await state(page), w0 = Date.now();
  await page.waitForTimeout(5000);
  const r1 = await state(page), seconds = (Date.now() - w0) / 1000;
  const fps = (r1.frames - r0.frames) / seconds, stepsPerSecond = (r1.steps - r0.steps) / seconds;
  console.log(`playing race: ${fps.toFixed(1)} frames/s, ${stepsPerSecond.toFixed(0)} steps/s (5 steps an update; Ebitengine runs up to 60 updates a second, several a frame when frames are slow)`);
  check(fps > 1 && r1.playing, `the playing race draws frames (${fps.toFixed(1)} frames/s)`);
  writeFileSync(join(outDir, "timing.json"), JSON.stringify({
    first_surface_ms: firstSurfaceMs, playing_fps: Number(fps.toFixed(1)), playing_steps_per_second: Math.round(stepsPerSecond),
    wasm_transfer_bytes: wasm?.transfer, wasm_decoded_bytes: wasm?.decoded,
  }) + "\n");

  await page.keyboard.press("Space");
  const paused = await page.waitForFunction(() => !JSON.parse(window.descent.state()).playing, null, { timeout: 10000 })
    .then(() => true, () => false);
  check(paused, "space pauses the race");
  // A click on the middle of the surface (x from -2 to 2, y from -1 to 3 on
  // Rosenbrock) restarts every racer there, at about (0, 1).
  const box = await page.locator("canvas").boundingBox();
  // The surface's rectangle as the playground laid it out (device pixels;
  // the headless page has a device scale of 1).
  const [left, top, right, bottom] = JSON.parse(await page.evaluate(() => window.descent.state())).surface_rect;
  const surface = { left, top, right, bottom };
  await page.mouse.move(box.x + (surface.left + surface.right) / 2, box.y + (surface.top + surface.bottom) / 2);
  await page.mouse.down();
  await page.waitForTimeout(150); // held across frames, as a person's click is
  await page.mouse.up();
  const moved = await page.waitForFunction(() => {
    const s = JSON.parse(window.descent.state());
    return s.steps === 0 && s.racers.every((r) => Math.abs(r.params[0]) < 0.05 && Math.abs(r.params[1] - 1) < 0.05);
  }, null, { timeout: 10000 }).then(() => true, () => false);
  check(moved, "a click on the surface restarts every racer at the clicked point");
  // The GPU backend's kernels, run in Chromium's WebGL (SwiftShader), agree
  // with the CPU backend within their documented tolerances.
  const gpu = JSON.parse(await page.evaluate(() => window.descent.gpuCheck()));
  if (gpu.error) {
    check(false, `the GPU self-check runs (${gpu.error})`);
  } else {
    const r = gpu.report;
    console.log(`gpu self-check: ${JSON.stringify(r)}`);
    writeFileSync(join(outDir, "gpucheck.json"), JSON.stringify(r) + "\n");
    check(r.ok, "GPU and CPU agree in the browser for every kernel");
  }
  // The JavaScript bridge returns the same descent.run/v1 result as
  // `descent run --format json`, for an optimizer added through the registry.
  const res = JSON.parse(await page.evaluate(() =>
    window.descent.run(JSON.stringify({ model: "surface", surface: "rosenbrock", optimizer: "radam", lr: 0.002, steps: 50 }))));
  check(res.schema === "descent.run/v1" && res.steps === 50 && res.path.length === 51 && res.counts.gradient_passes === 50 &&
    res.stop === "finished", `window.descent.run returns a descent.run/v1 result (${JSON.stringify(res).slice(0, 200)})`);
  const bad = JSON.parse(await page.evaluate(() => window.descent.run(JSON.stringify({ optimizer: "radam", momentum: 0.9 }))));
  check(typeof bad.error === "string" && bad.error.includes("momentum"), `a bad config is refused by name (${bad.error})`);
  // A long run does not freeze the page: animation frames keep coming while
  // it trains; a run beyond the bridge's bound is refused at once.
  const long = await page.evaluate(async () => {
    let frames = 0, going = true;
    const tick = () => { frames++; if (going) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const t0 = performance.now();
    const res = JSON.parse(await window.descent.run(JSON.stringify({ model: "surface", surface: "bowl", lr: 0.001, steps: 1500000 })));
    going = false;
    return { ms: performance.now() - t0, frames, steps: res.steps, points: res.path.length };
  });
  console.log(`a 1.5·10⁶-step run: ${Math.round(long.ms)} ms, ${long.frames} animation frames meanwhile, ${long.points} path points`);
  check(long.steps === 1500000 && long.points <= 16385 && long.frames >= 3,
    `the page keeps drawing during a long run (${long.frames} frames in ${Math.round(long.ms)} ms, ${long.points} points)`);
  const tooLong = JSON.parse(await page.evaluate(() => window.descent.run(JSON.stringify({ model: "surface", steps: 20000000 }))));
  check(typeof tooLong.error === "string" && tooLong.error.includes("10000000"), `a run beyond the bound is refused (${tooLong.error})`);
  check(errors.length === 0, `no page errors, console errors or CSP violations (${errors.join("; ")})`);
});
finish("playground");
