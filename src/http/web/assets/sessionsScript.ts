/**
 * Runs on a form with session checkboxes (SessionChoices): as a session is ticked, the
 * sessions at the same time are greyed out, with a note saying why, and at the event's
 * maximum so are the others; a polite live region says what happened. Only a help: the
 * form works without it, and the server decides (choiceErrors in src/domain/programme).
 * The overlap test mirrors `overlap` there (one ending as the next starts is no clash),
 * so the browser never greys out what the server would take. Sessions the server
 * rendered disabled (full, no waitlist) stay so.
 */
export const sessionsScript = `(() => {
  for (const box of document.querySelectorAll("fieldset[data-session-choices]")) {
    const inputs = Array.from(box.querySelectorAll('input[type="checkbox"][name="sessions"]'));
    const fixed = new Set(inputs.filter((i) => i.disabled));
    const live = box.querySelector("[data-live]");
    const max = Number(box.dataset.max) || Infinity;
    const clash = (a, b) => Number(a.dataset.starts) < Number(b.dataset.ends) && Number(b.dataset.starts) < Number(a.dataset.ends);
    const note = (i) => document.getElementById(i.id + "-clash");
    const set = (i, off, clashing) => {
      i.disabled = off;
      const n = note(i);
      if (n) n.hidden = !clashing;
      if (clashing) i.setAttribute("aria-describedby", n.id);
      else i.removeAttribute("aria-describedby");
    };
    const update = (changed) => {
      const chosen = inputs.filter((i) => i.checked);
      const full = chosen.length >= max;
      let clashed = false;
      for (const i of inputs) {
        if (fixed.has(i) || i.checked) continue;
        const clashing = chosen.some((c) => clash(c, i));
        if (changed && clashing && clash(changed, i)) clashed = true;
        set(i, clashing || full, clashing);
      }
      if (!changed || !live) return;
      live.textContent = !changed.checked ? "" : full ? box.dataset.maxLive || "" : clashed ? box.dataset.clashLive.replace("{title}", changed.dataset.title) : "";
    };
    box.addEventListener("change", (e) => {
      if (inputs.includes(e.target)) update(e.target);
    });
    update(null);
  }
})();`;
