// Small progressive enhancement for the khaibao console; every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => { if (!window.confirm(form.dataset.confirm)) event.preventDefault(); });
  });
  const reach = document.getElementById("reach");
  if (reach) {
    const form = reach.closest("form");
    const update = async () => {
      const kind = form.querySelector("input[name=kind]:checked").value;
      const area = form.querySelector("select[name=area]").value;
      const answer = await fetch(`/web/broadcasts/reach?kind=${encodeURIComponent(kind)}&area=${encodeURIComponent(area)}`,
        { credentials: "same-origin" });
      const body = await answer.json();
      reach.textContent = body.text || body.error;
    };
    form.querySelectorAll("[data-reach]").forEach((input) => input.addEventListener("change", update));
  }
  const progress = document.getElementById("progress");
  if (progress && progress.dataset.events && window.EventSource) {
    const names = {};
    document.getElementById("status-names").content.querySelectorAll("[data-status]")
      .forEach((span) => { names[span.dataset.status] = span.textContent; });
    const source = new EventSource(progress.dataset.events);
    source.addEventListener("progress", (event) => {
      const data = JSON.parse(event.data);
      progress.querySelectorAll("[data-field]").forEach((field) => {
        const name = field.dataset.field;
        if (name === "percent") { field.value = data.percent; field.textContent = `${data.percent}%`; }
        else if (name === "status-text") { field.textContent = names[data.status] || data.status; }
        else if (name === "eta") { field.textContent = data.eta === null ? "—" : data.eta; }
        else if (name in data) { field.textContent = data[name]; }
      });
      progress.dataset.status = data.status;
      if (data.status === "done" || data.status === "cancelled") {
        source.close();
        document.querySelectorAll("form[data-cancel]").forEach((form) => { form.hidden = true; });
      }
    });
  }
});
