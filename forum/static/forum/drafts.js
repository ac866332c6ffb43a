// Keeps what a member types in the forum's composer in this browser, so that nothing is lost when
// a session expires before the form is sent; the page after a successful post clears it. Progressive enhancement: the forum works without it.
(function () {
  "use strict";
  document.querySelectorAll("form[data-draft-key]").forEach(function (form) {
    var key = "forum-draft:" + form.dataset.draftKey;
    if (form.hasAttribute("data-draft-sent")) { window.localStorage.removeItem(key); }
    var fields = form.querySelectorAll("[data-draft]");
    var saved = {};
    try { saved = JSON.parse(window.localStorage.getItem(key) || "{}"); } catch (error) { saved = {}; }
    fields.forEach(function (field) {
      if (!field.value && saved[field.dataset.draft]) { field.value = saved[field.dataset.draft]; }
      field.addEventListener("input", function () {
        var draft = {};
        fields.forEach(function (each) { draft[each.dataset.draft] = each.value; });
        window.localStorage.setItem(key, JSON.stringify(draft));
      });
    });
  });
})();
