// Browser test of the lessons page (web/lessons.html) on a phone-sized,
// touch screen: no playground loads before it is asked for; then each
// figure's "click to start", one after another (one live frame at a time,
// to stay within two cores), loads the embedded playground, which draws a
// picture (not blank) in the state its link states, with no panel, the
// canvas filling the frame, and no console error or CSP violation; its
// "open in playground" links (the figure's and the frame's own) open the
// same state without embed. In the first frame a tap moves the start and
// a key turns the 3-D view on: touch and keyboard work inside the frame.
// A large screen loads the frames near the view by itself; the
// playground's panel links to the lessons. Usage:
// node e2e/lessons_test.mjs BASE_URL OUT_DIR
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { base, outDir, check, distinctColours, finish, watch, withBrowser } from "./lib.mjs";

// pairs returns a link's fragment as a sorted list of key=value, less embed.
const pairs = (href) => new URL(href, base).hash.slice(1).split("&").filter((p) => p && !/^embed=/.test(p)).sort();
// stateOf reads a page's or frame's state, less embed.
const stateOf = async (target) => {
  const st = JSON.parse(await target.evaluate(() => window.descent.getState()));
  delete st.embed;
  return JSON.stringify(st);
};
const ready = (target) => target.waitForFunction(
  () => window.descent && window.descent.getState && JSON.parse(window.descent.state()).frames > 10,
  null, { timeout: 90000, polling: 100 });

await withBrowser({ viewport: { width: 412, height: 860 }, isMobile: true, hasTouch: true }, async (context) => {
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(base + "lessons.html");
  const figs = page.locator("figure.embed");
  const n = await figs.count();
  check(n >= 7, `the lessons page has its figures (${n})`);
  await page.waitForTimeout(1500);
  check(await page.locator("iframe").count() === 0, "on a phone no playground loads before it is asked for");
  const label = await figs.first().locator("button.start").textContent();
  check(/click to start/.test(label), `each figure says "click to start" (${label})`);

  const viewerProblems = [];
  for (let i = 0; i < n; i++) {
    const fig = figs.nth(i);
    const href = await fig.locator("a.open").getAttribute("href");
    const what = `figure ${i + 1} (${href})`;
    const t0 = Date.now();
    check(!/embed/.test(href), `${what}: its link has no embed`);
    await fig.locator("button.start").tap();
    const frame = await (await fig.locator("iframe").elementHandle()).contentFrame();
    const loaded = await ready(frame).then(() => true, () => false);
    check(loaded, `${what}: the embedded playground runs`);
    if (!loaded) continue;
    check(await page.locator("iframe").count() === 1, `${what}: one frame is live at a time`);
    await page.waitForTimeout(1500); // a map draws its first bands
    const shot = await fig.locator("iframe").screenshot();
    writeFileSync(join(outDir, `lessons-embed-${i + 1}.png`), shot);
    const colours = distinctColours(shot);
    check(colours >= 12, `${what}: the frame is not blank (${colours} colours)`);
    const view = await frame.evaluate(() => {
      const st = JSON.parse(window.descent.getState());
      const s = JSON.parse(window.descent.state());
      const panel = document.getElementById("panel");
      const canvas = document.querySelector("canvas").getBoundingClientRect();
      return {
        embed: st.embed, view: st.view, surface: s.surface_frames,
        panel: getComputedStyle(panel).display, fill: canvas.width / innerWidth,
        link: document.getElementById("open-playground")?.href ?? "",
        link2: window.descent.stateURL(),
      };
    });
    check(view.embed === true && view.panel === "none" && view.fill > 0.98,
      `${what}: embed mode, no panel, the canvas fills the frame (panel ${view.panel}, width ${view.fill.toFixed(2)})`);
    check(view.view !== "race" || view.surface > 0, `${what}: the surface is drawn (${view.surface} frames)`);
    check(pairs(view.link2).join("&") === pairs(href).join("&"), `${what}: the frame is in the stated state (${pairs(view.link2).join("&")})`);

    // The figure's link and the frame's own link open the same state, without embed.
    const inFrame = await stateOf(frame);
    const viewer = await context.newPage();
    const seen = await watch(viewer);
    await viewer.goto(new URL(href, base).href);
    const opened = await ready(viewer).then(() => true, () => false);
    const st = opened ? await stateOf(viewer) : "";
    const viewerEmbed = opened && await viewer.evaluate(() => JSON.parse(window.descent.getState()).embed);
    const panelShown = opened && await viewer.evaluate(() => getComputedStyle(document.getElementById("panel")).display !== "none");
    check(opened && st === inFrame && viewerEmbed === false && panelShown,
      `${what}: "open in playground" opens the same state without embed, with the panel`);
    const canonical = opened ? await viewer.evaluate(() => location.href) : "";
    check(view.link !== "" && !/embed/.test(view.link) && JSON.stringify(pairs(view.link)) === JSON.stringify(pairs(canonical)),
      `${what}: the frame's own "open in playground" link is that state's link (${view.link})`);
    viewerProblems.push(...seen);
    await viewer.close();
    console.log(`  ${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    if (i === 0) {
      // Touch and keys inside the frame: a finger held on the surface for
      // a few frames (as in input_test.mjs) moves the start, then "3"
      // turns the 3-D view on.
      const before = JSON.parse(await frame.evaluate(() => window.descent.getState())).start;
      const { rect: [l, t, r, b], scale } = await frame.evaluate(() => ({ rect: JSON.parse(window.descent.state()).surface_rect, scale: devicePixelRatio }));
      const box = await fig.locator("iframe").boundingBox();
      const at = [{ x: box.x + (l + (r - l) * 0.3) / scale, y: box.y + (t + (b - t) * 0.7) / scale, id: 1 }];
      const cdp = await context.newCDPSession(page);
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at });
      await page.waitForTimeout(150);
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
      const moved = await frame.waitForFunction((s) => JSON.stringify(JSON.parse(window.descent.getState()).start) !== s,
        JSON.stringify(before), { timeout: 10000 }).then(() => true, () => false);
      check(moved, "a tap inside the frame moves the start");
      await page.keyboard.press("3");
      const turned = await frame.waitForFunction(() => JSON.parse(window.descent.getState())["3d"], null, { timeout: 10000 })
        .then(() => true, () => false);
      check(turned, "a key pressed in the frame reaches the playground (3: 3-D view)");
    }
  }
  check(problems.length === 0, `no page errors, console errors or CSP violations in the lessons or their frames (${problems.join("; ")})`);
  check(viewerProblems.length === 0, `none in the opened playgrounds (${viewerProblems.join("; ")})`);

  // The playground links to the lessons.
  const index = await context.newPage();
  await index.goto(base);
  const lessonsLink = await index.locator('#panel a[href="lessons.html"]').count();
  check(lessonsLink === 1, "the playground's panel links to the lessons");
});

// On a large screen with a mouse the frames near the view load by themselves.
await withBrowser({ viewport: { width: 1280, height: 800 } }, async (context) => {
  const page = await context.newPage();
  await page.goto(base + "lessons.html");
  await page.locator("figure.embed").first().scrollIntoViewIfNeeded();
  const auto = await page.waitForFunction(() => document.querySelectorAll("figure.embed iframe").length >= 1, null, { timeout: 10000 })
    .then(() => true, () => false);
  const count = await page.locator("iframe").count();
  check(auto && count < await page.locator("figure.embed").count(), `on a large screen the frames near the view load by themselves, not all (${count})`);
});
finish("lessons");
