// Loads descent.wasm; Ebitengine adds the canvas, which fills the page.
const go = new Go();
WebAssembly.instantiateStreaming(fetch("descent.wasm"), go.importObject)
  .then((res) => {
    document.getElementById("loading").remove();
    go.run(res.instance);
  })
  .catch((err) => {
    document.getElementById("error").textContent = "Could not load descent.wasm: " + err;
  });
