// The site's one script for every page (a file, not inline: the Content-Security-Policy allows
// only the site's own scripts).

// A double tap on a slow village connection must not pay or order twice: a form marked
// data-submit-once sends once; the answer is a new page, which brings a fresh form.
document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.hasAttribute("data-submit-once")) return;
    if (form.dataset.sent) { e.preventDefault(); return; }
    form.dataset.sent = "1";
});
// Back to a page kept in the browser's cache: its forms may be sent again.
window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-sent]").forEach(function (f) { delete f.dataset.sent; });
});
// A read-only address to copy (the calendar feed): one tap selects all of it.
document.addEventListener("click", function (e) {
    var field = e.target;
    if (field instanceof HTMLInputElement && field.hasAttribute("data-select-on-click")) field.select();
});
// The menu's headings (a long menu is grouped): a tap opens or closes one, Escape or a tap
// elsewhere closes it, and aria-expanded says which is open for screen readers.
document.addEventListener("click", function (e) {
    var title = e.target instanceof Element ? e.target.closest(".nav-group-title") : null;
    document.querySelectorAll(".nav-group.open").forEach(function (g) {
        if (!title || g !== title.parentElement) closeGroup(g);
    });
    if (!title) return;
    var group = title.parentElement;
    var open = !group.classList.contains("open");
    if (open) {
        group.classList.add("open");
        title.setAttribute("aria-expanded", "true");
    } else {
        closeGroup(group);
    }
});
document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    document.querySelectorAll(".nav-group.open").forEach(closeGroup);
});
// Closed means closed: the heading also opens on focus, so it gives its focus up.
function closeGroup(group) {
    var title = group.querySelector(".nav-group-title");
    group.classList.remove("open");
    title.setAttribute("aria-expanded", "false");
    if (group.contains(document.activeElement)) document.activeElement.blur();
}
