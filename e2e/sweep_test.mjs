// Browser test of the sweep in the page: the panel's Sweep section starts a
// sweep of every racer's learning rate; the page keeps drawing frames while
// it runs (its trials run a slice per frame) and the sweep_start button
// reads Stop, then Start when it is done; "apply best" changes the racers'
// rates and so the link.
// Usage: node e2e/sweep_test.mjs BASE_URL OUT_DIR
import { join } from "node:path";
import { base, check, finish, outDir, state, waitForPanel, waitForSurface, watch, withBrowser } from "./lib.mjs";

const control = (page, key) => page.evaluate((k) => {
  const walk = (cs) => cs.flatMap((c) => [c, ...walk(c.controls ?? [])]);
  return walk(JSON.parse(window.descent.controls()).sections.flatMap((s) => s.controls)).find((c) => c.key === k);
}, key);

await withBrowser({}, async (context) => {
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(base + "?scenario=blobs");
  await waitForSurface(page, Date.now());
  await waitForPanel(page);
  check(await page.locator('#controls [data-key="sweep_start"]').count() === 1, "the panel has the Sweep section's Start button");
  // A grid of 8 rates for each racer of the logistic regression (1000
  // epochs of 200 samples a trial): many frames' work.
  const setErr = await page.evaluate(() => window.descent.set("sweep_method", "grid"))
    + await page.evaluate(() => window.descent.set("sweep_trials", "8", "text"));
  check(setErr === "", `method and trials are set through the panel's controls (${setErr})`);
  const linkBefore = await page.evaluate(() => location.hash);
  const before = await state(page);
  await page.evaluate(() => window.descent.press("sweep_start"));
  const running = await control(page, "sweep_start");
  check(running?.label === "Stop" && running?.value === true, `the button reads Stop while the sweep runs (${running?.label})`);
  const t0 = Date.now();
  const done = await page.waitForFunction(() => {
    const walk = (cs) => cs.flatMap((c) => [c, ...walk(c.controls ?? [])]);
    const c = walk(JSON.parse(window.descent.controls()).sections.flatMap((s) => s.controls)).find((c) => c.key === "sweep_start");
    return c.value === false;
  }, null, { timeout: 120000, polling: 100 }).then(() => true, () => false);
  check(done, "the sweep finishes and the button reads Start again");
  const after = await state(page);
  check(after.frames - before.frames >= 5, `frames went on while it ran (${after.frames - before.frames} frames in ${Date.now() - t0} ms)`);
  await page.screenshot({ path: join(outDir, "sweep.png") });
  const err = await page.evaluate(() => window.descent.press("sweep_apply"));
  check(!err, `apply best is accepted (${err})`);
  await page.waitForTimeout(300);
  const linkAfter = await page.evaluate(() => location.hash);
  check(linkAfter !== linkBefore && /lr/.test(linkAfter), `the link follows the applied rates (${linkBefore} → ${linkAfter})`);
  check(problems.length === 0, `no page errors (${problems.join("; ")})`);
});
finish("sweep");
