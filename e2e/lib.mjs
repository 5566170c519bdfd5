// Shared helpers of the browser tests (e2e/*_test.mjs): a checklist that
// prints ok/FAIL lines, a fresh headless Chromium with the flags this
// machine needs, and a colour count for "not blank" checks. Each test file
// is run as: node e2e/NAME_test.mjs BASE_URL OUT_DIR
import { chromium } from "playwright-core";
import { PNG } from "pngjs";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const base = process.argv[2] ?? "http://127.0.0.1:8080/";
export const outDir = process.argv[3] ?? "e2e/out";
mkdirSync(outDir, { recursive: true });

const failures = [];
let passed = 0;

// check prints one line and remembers a failure.
export function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (ok) passed++;
  else failures.push(what);
}

// finish prints the closing line and exits 0 only when every check passed.
export function finish(name) {
  console.log(`e2e ${name}: ${passed} passed, ${failures.length} failed`);
  process.exit(failures.length === 0 ? 0 : 1);
}

// distinctColours counts the colours in a PNG, a cheap "not blank" test.
export function distinctColours(buf) {
  const png = PNG.sync.read(buf);
  const seen = new Set();
  for (let i = 0; i < png.data.length; i += 4 * 97) {
    seen.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
  }
  return seen.size;
}

// withBrowser runs fn(context) in a fresh profile of Debian's headless
// Chromium (options are merged into launchPersistentContext's, e.g. a
// viewport, deviceScaleFactor, hasTouch or isMobile) and removes the
// profile afterwards.
export async function withBrowser(options, fn) {
  const profile = mkdtempSync(join(tmpdir(), "descent-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    viewport: { width: 1280, height: 800 },
    args: [
      "--headless", "--no-sandbox", "--enable-unsafe-swiftshader", "--use-angle=swiftshader",
      "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync",
    ],
    ...options,
  });
  try {
    return await fn(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// watch collects what a page reports as wrong: uncaught errors, console
// errors and Content-Security-Policy violations (a securitypolicyviolation
// listener installed before the page's own scripts run). Call it before
// the page's first navigation; it returns the list, which grows.
export async function watch(page) {
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
  await page.exposeFunction("__descentViolation", (v) => problems.push(`CSP violation: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__descentViolation(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
  });
  return problems;
}

// waitForPanel waits until web/panel.js has built the page's panel.
export async function waitForPanel(page) {
  await page.waitForFunction(() => document.querySelector('#controls [data-key="play"]'), null, { timeout: 30000, polling: 20 });
}

// state returns the playground's window.descent.state() as an object.
export async function state(page) {
  return JSON.parse(await page.evaluate(() => window.descent.state()));
}

// waitForSurface waits until the first surface is drawn and returns the
// milliseconds since t0.
export async function waitForSurface(page, t0) {
  await page.waitForFunction(
    () => window.descent && JSON.parse(window.descent.state()).surface_frames > 0,
    null, { timeout: 60000, polling: 20 });
  return Date.now() - t0;
}
