// The console's connection to the server: a Russian notice while it is lost, and the half-written reply kept when the page has to
// reload (a restarted host does not know the page's session any more).
(() => {
  const modal = document.getElementById("components-reconnect-modal");
  const draftKey = () => "assistant.staff.draft:" + location.pathname;
  const reply = () => document.getElementById("reply");

  modal?.addEventListener("components-reconnect-state-changed", event => {
    const state = event.detail.state;
    if (state === "show" || state === "retrying" || state === "failed" || state === "paused") {
      modal.dataset.state = state;
      if (!modal.open) {
        modal.showModal();
      }
    } else if (state === "hide") {
      modal.close();
    } else if (state === "rejected" || state === "resume-failed") {
      sessionStorage.setItem("assistant.staff.restore", "1");
      location.reload();
    }
  });

  document.getElementById("components-reconnect-button")?.addEventListener("click", async () => {
    modal.dataset.state = "retrying";
    try {
      if (!await Blazor.reconnect()) {
        sessionStorage.setItem("assistant.staff.restore", "1");
        location.reload();
      }
    } catch {
      modal.dataset.state = "failed";
    }
  });

  // Keep what is typed; forget it once it is sent.
  document.addEventListener("input", event => {
    if (event.target.id === "reply") {
      sessionStorage.setItem(draftKey(), event.target.value);
    }
  });
  document.addEventListener("click", event => {
    if (event.target.closest("button")?.textContent.trim() === "Ответить") {
      sessionStorage.removeItem(draftKey());
    }
  });

  // After a reload forced by a lost session, put the draft back once the reply box is there again.
  if (sessionStorage.getItem("assistant.staff.restore") === "1") {
    sessionStorage.removeItem("assistant.staff.restore");
    const draft = sessionStorage.getItem(draftKey());
    const started = Date.now();
    const restore = setInterval(() => {
      const box = reply();
      const ready = document.querySelector("h1[data-ready=yes]");
      if (box && ready && draft) {
        clearInterval(restore);
        if (!box.value) {
          box.value = draft;
          box.dispatchEvent(new Event("input", { bubbles: true }));
          const status = document.querySelector("p.status");
          if (status) {
            status.textContent = "Связь восстановлена. Неотправленный ответ сохранён в поле ответа.";
          }
        }
      } else if (Date.now() - started > 15000 || !draft) {
        clearInterval(restore);
      }
    }, 200);
  }
})();
