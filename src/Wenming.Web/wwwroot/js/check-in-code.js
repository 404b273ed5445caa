// The on-site code screen: fetch the next code when the current one rotates, and the list of who is in
// every few seconds. Every web node derives the same code, so any node may answer.
(function () {
    var box = document.querySelector("[data-testid=check-in-code]");
    if (!box) {
        return;
    }
    var qr = box.querySelector(".qr");
    var counts = document.querySelector("[data-testid=live-counts]");
    var list = document.querySelector("[data-testid=live-list]");
    var leftText = list ? (list.getAttribute("data-left") || "") : "";

    function render(data) {
        qr.innerHTML = data.svg;
        box.setAttribute("data-scan-url", data.url);
        box.setAttribute("data-rotates-at", String(Date.parse(data.rotatesAt)));
        counts.textContent = data.counts;
        list.innerHTML = "";
        data.in.forEach(function (p) {
            var li = document.createElement("li");
            li.textContent = (p.name || "—") + " ";
            var time = document.createElement("span");
            time.className = "muted";
            time.textContent = p.time + (p.out ? " " + leftText : "");
            li.appendChild(time);
            list.appendChild(li);
        });
    }

    function refresh() {
        fetch(box.getAttribute("data-live"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (data) { if (data) { render(data); } })
            .catch(function () { /* offline for a moment: keep showing the last code, try again next tick */ })
            .finally(schedule);
    }

    function schedule() {
        // Next rotation (plus a little, so the server is surely in the new period), at most 5 s away for the list.
        var untilRotation = Number(box.getAttribute("data-rotates-at")) - Date.now() + 300;
        setTimeout(refresh, Math.max(500, Math.min(5000, untilRotation)));
    }

    schedule();
})();
