// End-to-end checks of careless use of the page (found by reviewing the
// exports, history and lessons): the export keys save every export with that key (x: the
// run's CSV and JSON; n: the notebook and the PyTorch script), typing
// those letters into a field of the panel saves nothing, and with every
// racer switched off the panel keeps following the game (no script error);
// the lessons' divergent race (rate 0.09) opens diverged at step 102, as
// its caption says (the cross drawn), and its link is the state's own;
// in an embedded playground the export keys save nothing.
// Usage: node e2e/careless_test.mjs BASE_URL OUT_DIR
import { base, check, finish, waitForPanel, watch, withBrowser } from "./lib.mjs";

const control = (key) => `#controls [data-key="${key}"]`;

await withBrowser({}, async (context) => {
  const page = await context.newPage();
  const problems = await watch(page);
  const downloads = [];
  page.on("download", (d) => downloads.push(d.suggestedFilename().replace(/^.*\./, "")));
  await page.goto(base + "#s=bowl");
  await waitForPanel(page);
  await page.waitForSelector("#exports button");

  const typed = async (key, want) => {
    downloads.length = 0;
    await page.keyboard.press(key);
    await page.waitForFunction((n) => document.querySelectorAll("#exports button:disabled").length === 0, null, { timeout: 10000 });
    await page.waitForTimeout(500);
    check(JSON.stringify(downloads.sort()) === JSON.stringify(want), `key ${key} downloads ${want.join(" and ")} (${downloads.join(", ")})`);
  };
  await page.click("canvas");
  await typed("x", ["csv", "json"]);
  await typed("n", ["ipynb", "py"]);

  downloads.length = 0;
  await page.click(control("sweep_trials"));
  await page.keyboard.type("paxn");
  await page.waitForTimeout(1000);
  check(downloads.length === 0, `typing p, a, x, n in a field saves nothing (${downloads.join(", ")})`);

  await page.evaluate(() => window.descent.set("racers", []));
  await page.selectOption(control("scenario"), { label: "Rosenbrock" }).catch(() => page.evaluate(() => window.descent.set("scenario", "rosenbrock")));
  const followed = await page.waitForFunction((sel) => {
    const s = document.querySelector(sel);
    return s && s.options[s.selectedIndex].textContent.toLowerCase().includes("rosenbrock");
  }, control("scenario"), { timeout: 10000 }).then(() => true, () => false);
  check(followed && problems.length === 0, `with no racer the panel follows a change of scenario, without errors (${problems.join("; ")})`);

  const lessons = await (await fetch(new URL("lessons.html", base))).text();
  const href = lessons.match(/href="(index\.html#[^"]*sgd\.lr=0\.09[^"]*)"/)[1].replaceAll("&amp;", "&");
  await page.goto("about:blank");
  await page.goto(new URL(href, base).href);
  await page.waitForFunction(() => window.descent && JSON.parse(window.descent.state()).frames > 5, null, { timeout: 60000 });
  const st = JSON.parse(await page.evaluate(() => window.descent.state()));
  const sorted = (h) => h.slice(1).split("&").sort().join("&");
  const own = await page.evaluate(() => new URL(window.descent.stateURL()).hash);
  check(st.racers[0].diverged_at === 102 && sorted(own) === sorted(new URL(href, base).hash),
    `the lessons' rate 0.09 opens diverged at step 102 (${st.racers[0].diverged_at}), its link the state's own (${own})`);

  // An embedded playground (a lesson's frame) saves nothing on a key.
  await page.goto("about:blank");
  await page.goto(base + "#s=bowl&embed=1");
  await page.waitForFunction(() => window.descent && JSON.parse(window.descent.state()).frames > 5, null, { timeout: 60000 });
  downloads.length = 0;
  await page.click("canvas");
  for (const key of ["p", "x", "n"]) await page.keyboard.press(key);
  await page.waitForTimeout(1500);
  check(downloads.length === 0, `keys p, x, n in an embedded playground download nothing (${downloads.join(", ")})`);
});
finish("careless");
