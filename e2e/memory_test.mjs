// Browser test of bounded resources: a race plays for two minutes and,
// after the first 20 seconds, the page's WebAssembly memory, the live Go
// heap and the race's steps per second stay flat (before the recorders were
// thinned, memory grew from 53 MB to 389 MB in four minutes and steps per
// second fell from 195 to 54 as the paths grew). Every 10 s it samples
// go.mem.buffer.byteLength (the wasm's linear memory, which never shrinks),
// window.descent.memory(true) (runtime.MemStats after a collection: the
// live heap) and the steps taken. The bands, after the first 20 s:
//   - the wasm memory grows by at most 25% (and 16 MiB);
//   - the live heap stays within 1.5× its value at 20 s (and 8 MiB);
//   - the median steps per second over the last three windows is at least
//     60% of the median over the first three (medians, so that a moment's
//     load on the machine does not decide).
// The race opens at step 20,000 (a link replays it), past the 16,384
// points at which the recorders start to thin, so that what is measured
// after 20 s is the steady state; the speed is chosen from a first measure
// so that the race ends the two minutes short of the 100,000 steps at which
// it stops by itself. Figures go to OUT_DIR/memory.json.
// Usage: node e2e/memory_test.mjs BASE_URL OUT_DIR
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { base, outDir, check, finish, state, waitForPanel, waitForSurface, watch, withBrowser } from "./lib.mjs";

const playSeconds = 120, sampleSeconds = 10, settleSeconds = 20;
const speeds = [1, 2, 5, 10, 50, 200];
const openAt = 20000, endBefore = 90000;

const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const mib = (b) => (b / (1 << 20)).toFixed(1);

await withBrowser({}, async (context) => {
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(base + `#s=rosenbrock&t=${openAt}`);
  await waitForSurface(page, Date.now());
  await waitForPanel(page);
  const set = (key, value) => page.evaluate(([k, v]) => window.descent.set(k, v), [key, value]);
  const press = (name) => page.evaluate((n) => window.descent.press(n), name);

  // A first measure of the game's updates a second (each takes `speed`
  // steps), at 1 step an update.
  check(await set("speed", 1) === "", "the speed is set to 1 step an update for a first measure");
  await press("play");
  await page.waitForTimeout(1000);
  const c0 = await state(page), t0 = Date.now();
  await page.waitForTimeout(5000);
  const c1 = await state(page);
  await press("play");
  const updates = (c1.steps - c0.steps) / ((Date.now() - t0) / 1000);
  const speed = speeds.filter((s) => c1.steps + s * updates * playSeconds * 1.2 <= endBefore).pop() ?? 1;
  console.log(`${updates.toFixed(1)} updates/s at first, from step ${c1.steps}: ${speed} steps an update`);
  check(await set("speed", speed) === "", `the speed is set to ${speed} steps an update`);

  const sample = async (t) => {
    const s = await state(page);
    const wasm = await page.evaluate(() => go.mem.buffer.byteLength);
    const m = JSON.parse(await page.evaluate(() => window.descent.memory(true)));
    return { t, steps: s.steps, frames: s.frames, playing: s.playing, wasm_bytes: wasm, live_heap: m.heap_alloc, heap_sys: m.heap_sys };
  };
  await press("play");
  const start = Date.now();
  const samples = [await sample(0)];
  for (let i = 1; i <= playSeconds / sampleSeconds; i++) {
    await page.waitForTimeout(Math.max(0, start + i * sampleSeconds * 1000 - Date.now()));
    samples.push(await sample((Date.now() - start) / 1000));
  }
  const windows = samples.slice(1).map((s, i) => ({
    t: s.t, steps_per_second: (s.steps - samples[i].steps) / (s.t - samples[i].t), fps: (s.frames - samples[i].frames) / (s.t - samples[i].t),
  }));
  for (const [i, s] of samples.entries()) {
    const w = windows[i - 1];
    console.log(`t ${s.t.toFixed(0).padStart(3)} s: step ${String(s.steps).padStart(6)}, wasm ${mib(s.wasm_bytes)} MiB, live heap ${mib(s.live_heap)} MiB` +
      (w ? `, ${w.steps_per_second.toFixed(0)} steps/s, ${w.fps.toFixed(1)} frames/s` : ""));
  }
  writeFileSync(join(outDir, "memory.json"), JSON.stringify({ speed, samples, windows }) + "\n");

  const last = samples[samples.length - 1];
  check(last.playing && last.steps > samples[0].steps && last.steps < 100000,
    `the race played the whole time (steps ${samples[0].steps} to ${last.steps})`);
  const settled = samples.filter((s) => s.t >= settleSeconds - 1);
  const at = settled[0];
  const wasmMax = Math.max(...settled.map((s) => s.wasm_bytes));
  check(wasmMax <= at.wasm_bytes * 1.25 + 16 * (1 << 20),
    `the wasm memory stays flat after ${settleSeconds} s (${mib(at.wasm_bytes)} → at most ${mib(wasmMax)} MiB; band ×1.25 + 16 MiB)`);
  const heapMax = Math.max(...settled.map((s) => s.live_heap));
  check(heapMax <= at.live_heap * 1.5 + 8 * (1 << 20),
    `the live heap stays flat after ${settleSeconds} s (${mib(at.live_heap)} → at most ${mib(heapMax)} MiB; band ×1.5 + 8 MiB)`);
  const rates = windows.filter((w) => w.t >= settleSeconds + sampleSeconds - 1).map((w) => w.steps_per_second);
  const first = median(rates.slice(0, 3)), end = median(rates.slice(-3));
  check(end >= 0.6 * first, `steps per second stay flat (median ${first.toFixed(0)} in the first windows, ${end.toFixed(0)} in the last; band ≥ 60%)`);
  check(problems.length === 0, `no page errors (${problems.join("; ")})`);
});
finish("memory");
