// Browser test of "#config=" links: the page opened with a compute.Config
// (the descent.run/v1 config, URL-encoded JSON, as the python helper's
// descent.show(config) writes it) shows the state closest to it (the
// scenario, one racer with the Config's optimizer and hyperparameters,
// the race replayed to the run's length) and rewrites its address to the
// ordinary state link; what the state cannot express is one message on
// the page; a Config that is not valid is one message and the rest of the
// link still applies. Usage: node e2e/configlink_test.mjs BASE_URL OUT_DIR
import { base, check, finish, watch, withBrowser } from "./lib.mjs";

const config = (c) => "#config=" + encodeURIComponent(JSON.stringify(c));

// open loads a link in a fresh page and waits until the Go program has
// written its state link to the address.
async function open(context, link) {
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(base + link);
  await page.waitForFunction(() => window.descent && window.descent.getState && !location.hash.includes("config="),
    null, { timeout: 60000, polling: 100 });
  const st = JSON.parse(await page.evaluate(() => window.descent.getState()));
  const hash = await page.evaluate(() => location.hash);
  const message = await page.evaluate(() => document.getElementById("error").textContent);
  await page.close();
  return { st, hash, message, problems };
}

await withBrowser({}, async (context) => {
  // Adam on Rosenbrock, 300 steps, with a hyperparameter and a start.
  const a = await open(context, config({ model: "surface", surface: "rosenbrock", optimizer: "adam", lr: 0.05, beta1: 0.8, start: [-1, 2], steps: 300 }));
  check(a.st.scenario === "rosenbrock" && a.st.racers.join() === "adam", `the config opens its scenario with its one racer (${a.st.scenario}: ${a.st.racers})`);
  check(a.st.optimizers.adam.lr === 0.05 && a.st.optimizers.adam.beta1 === 0.8 && a.st.optimizers.adam.beta2 === 0.999,
    `with its hyperparameters, PyTorch's defaults for the others (${JSON.stringify(a.st.optimizers.adam)})`);
  check(a.st.start.join() === "-1,2" && a.st.steps === 300 && a.st.play === false, `from its start, replayed to its length (${a.st.start} after ${a.st.steps})`);
  check(a.hash === "#s=rosenbrock&o=adam&x0=-1,2&t=300&adam.lr=0.05&adam.b1=0.8", `the address is rewritten to the state link (${a.hash})`);
  check(a.message === "" && a.problems.length === 0, `no message, no console error (${a.message}; ${a.problems.join("; ")})`);

  // The classic example as descent run prints it, mini-batch on the
  // synthetic line, and what the playground cannot show.
  const b = await open(context, config({ data: "linear", n: 10000, variant: "minibatch", batch_size: 32, shuffle: true, optimizer: "momentum", lr: 0.001, epochs: 2 }) + "&embed=1");
  check(b.st.scenario === "linear" && b.st.variant === "minibatch" && b.st.batch_size === 32 && b.st.shuffle && b.st.embed,
    `mini-batch settings and the link's other keys apply (${b.hash})`);
  check(b.st.steps === 14, `two epochs of the playground's 200 points in batches of 32 are 14 steps (${b.st.steps})`);
  check(/n=10000: the playground's linear has 200/.test(b.message), `what it cannot show is one message on the page (${b.message})`);

  const c = await open(context, config({ optimizer: "adam", lr: -1 }) + "&s=beale");
  check(c.st.scenario === "beale" && /config: lr = -1/.test(c.message), `a Config that is not valid is one message, the rest applies (${c.st.scenario}: ${c.message})`);
});
finish("configlink");
