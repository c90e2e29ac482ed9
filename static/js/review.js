// The review workspace's keyboard and buttons. The server renders #review (htmx swaps it
// after every verdict); this only fills the decision form's hidden fields and submits it.
// Listeners sit on the document, so they keep working across swaps.
(function () {
  "use strict";

  const WHAT = { escalate: "Escalate to SMEs", reject: "Reject: the input is unusable" };

  function panel() { return document.getElementById("review"); }
  function form() { return document.getElementById("decision-form"); }
  function typing(el) { return el && ["TEXTAREA", "INPUT", "SELECT"].includes(el.tagName); }
  function set(name, value) { form().querySelector("input[name=" + name + "]").value = value; }
  function box() { return form().querySelector("fieldset.rationale"); }

  function submit() { form().requestSubmit(); }

  function askWhy(verdict, label) {
    set("verdict", verdict);
    set("label", label || "");
    box().hidden = false;
    box().querySelector(".what").textContent =
      verdict === "override" ? "Correct to \u201c" + label + "\u201d" : WHAT[verdict];
    box().querySelector("textarea").focus();
  }

  function choose(label) {
    if (label === panel().dataset.suggestion) {
      set("verdict", "approve");
      set("label", "");
      submit();
    } else {
      askWhy("override", label);
    }
  }

  function cancel() {
    set("verdict", "");
    set("label", "");
    box().hidden = true;
    document.activeElement.blur();
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest("#review button[data-label], #review button[data-verdict], #review button[data-cancel]");
    if (!button || !form()) { return; }
    if (button.dataset.label) { choose(button.dataset.label); }
    else if (button.dataset.verdict === "approve") { choose(panel().dataset.suggestion); }
    else if (button.dataset.verdict) { askWhy(button.dataset.verdict); }
    else { cancel(); }
  });

  document.addEventListener("keydown", function (event) {
    if (!form()) { return; }
    // The raw-input reveal has its own form: no verdict hotkeys inside it.
    if (event.target.closest && event.target.closest("[data-no-hotkeys]")) { return; }
    if (typing(event.target)) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); submit(); }
      else if (event.key === "Escape") { event.preventDefault(); cancel(); }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) { return; }
    if (event.key === "Enter") { event.preventDefault(); choose(panel().dataset.suggestion); return; }
    if (event.shiftKey && event.key === "E") { event.preventDefault(); askWhy("escalate"); return; }
    if (event.shiftKey && event.key === "R") { event.preventDefault(); askWhy("reject"); return; }
    if (event.shiftKey || event.key.length !== 1) { return; }
    const button = panel().querySelector("button[data-hotkey=\"" + CSS.escape(event.key) + "\"]");
    if (button) { event.preventDefault(); choose(button.dataset.label); }
  });
})();
