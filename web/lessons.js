// The lessons' playgrounds. Each <figure class="embed"> holds an "open in
// playground" link to index.html#<state>; this script puts a frame above
// it that shows the same state embedded (index.html#<state>&embed=1, no
// panel). A frame loads the 4 MB playground only when asked: on a large
// screen with a mouse when it comes near the view (at most maxLive at
// once, the longest-running one going back to its button), on a phone
// when its "click to start" is pressed (one at a time).
(() => {
  const large = matchMedia("(min-width: 48rem) and (pointer: fine)").matches;
  const maxLive = large ? 4 : 1;
  const live = []; // frames, oldest first

  function stop(fig) {
    fig.querySelector("iframe")?.remove();
    fig.querySelector(".start").hidden = false;
    live.splice(live.indexOf(fig), 1);
  }

  function start(fig) {
    if (fig.querySelector("iframe")) return;
    while (live.length >= maxLive) stop(live[0]);
    const open = fig.querySelector("a.open");
    const frame = document.createElement("iframe");
    frame.loading = "lazy";
    frame.title = "Descent playground: " + (fig.querySelector("figcaption")?.textContent ?? "");
    frame.allow = "fullscreen";
    const url = new URL(open.href);
    url.hash += "&embed=1";
    frame.src = url.href;
    fig.querySelector(".start").hidden = true;
    fig.querySelector(".frame").append(frame);
    live.push(fig);
  }

  const near = large && "IntersectionObserver" in window
    ? new IntersectionObserver((entries) => entries.forEach((e) => { if (e.isIntersecting) start(e.target); }), { rootMargin: "200px 0px" })
    : null;

  for (const fig of document.querySelectorAll("figure.embed")) {
    const box = document.createElement("div");
    box.className = "frame";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "start";
    button.textContent = "▶ click to start (loads the 4 MB playground)";
    button.addEventListener("click", () => start(fig));
    box.append(button);
    fig.prepend(box);
    near?.observe(fig);
  }
})();
