// Browser test of the pictures that teach: on the saddle x² − y², whose
// default racers include Momentum and Nesterov at rates that make them
// escape the ridge ever faster until they diverge, a diverging racer is
// marked (window.descent.state() reports the step it diverged at, and its
// steps stop there) while the others go on stepping. Usage:
// node e2e/pictures_test.mjs BASE_URL OUT_DIR
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { base, outDir, check, finish, state, waitForSurface, withBrowser } from "./lib.mjs";

await withBrowser({}, async (context) => {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });

  await page.goto(base + "?scenario=saddle&play=1");
  await waitForSurface(page, Date.now());
  const start = await state(page);
  check(start.scenario === "saddle" && start.racers.every((r) => r.diverged_at === 0),
    `opens the saddle with no racer diverged (${JSON.stringify(start.racers.map((r) => r.diverged_at))})`);

  const diverged = await page.waitForFunction(
    () => JSON.parse(window.descent.state()).racers.some((r) => r.diverged_at > 0),
    null, { timeout: 90000, polling: 100 }).then(() => true, () => false);
  check(diverged, "a racer diverges while the race plays");
  const at = await state(page);
  const gone = at.racers.filter((r) => r.diverged_at > 0);
  const first = gone[0] ?? { name: "none", diverged_at: 0, steps: 0 };
  console.log(`diverged: ${gone.map((r) => `${r.name} at step ${r.diverged_at}`).join(", ")}`);
  check(gone.every((r) => r.steps === r.diverged_at),
    `a diverged racer stops at the step it diverged (${gone.map((r) => `${r.name} ${r.steps}/${r.diverged_at}`).join(", ")})`);

  // The others go on: within a while, every racer that has not diverged is
  // well past the first divergence, and the diverged one has not moved.
  const target = first.diverged_at + 100;
  const wentOn = await page.waitForFunction((target) => {
    const s = JSON.parse(window.descent.state());
    return s.racers.filter((r) => r.diverged_at === 0).every((r) => r.steps >= target);
  }, target, { timeout: 90000, polling: 100 }).then(() => true, () => false);
  const later = await state(page);
  const still = later.racers.find((r) => r.name === first.name);
  check(wentOn && later.racers.some((r) => r.diverged_at === 0),
    `the others go on past step ${target} (${later.racers.map((r) => `${r.name} ${r.steps}`).join(", ")})`);
  check(still && still.diverged_at === first.diverged_at && still.steps === first.diverged_at,
    `${first.name} stays where it diverged (step ${still?.steps}, diverged at ${still?.diverged_at})`);
  writeFileSync(join(outDir, "diverged.png"), await page.screenshot());
  check(errors.length === 0, `no page errors (${errors.join("; ")})`);
});
finish("pictures");
