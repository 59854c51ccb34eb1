/**
 * Small enhancements of workspace pages (served as /assets/admin.js): copy buttons, "all
 * on this page" on the attendance list, and
 * on the event form an end time suggested from the start and checked against it as the
 * times are typed. The buttons are hidden until this runs, so without JavaScript nothing
 * offers what cannot work; the server checks the times whatever the script did.
 *
 * The script has no words of its own: the page writes them in the member's language, on
 * the elements the script works on. A copy button says what happened with
 * `data-copied` ("Copied") and `data-copy-failed` ("Press Ctrl+C to copy"), English if a
 * page leaves them out; the end-time check is the text of #f-endsAt-check, only shown or hidden.
 */
export const adminScript = `(() => {
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const source = document.getElementById(button.dataset.copy);
    if (!source || !navigator.clipboard) continue;
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(source.value ?? source.textContent);
        button.textContent = button.dataset.copied || "Copied";
      } catch {
        source.select();
        button.textContent = button.dataset.copyFailed || "Press Ctrl+C to copy";
      }
      setTimeout(() => { button.textContent = label; }, 2500);
    });
  }

  // "All on this page" ticks every row's box as well, and follows them: the server takes
  // the page's ids from the form itself, so without this script the box still works.
  for (const all of document.querySelectorAll("input[data-select-all]")) {
    const boxes = [...document.querySelectorAll('input[name="ids"][form="' + all.dataset.selectAll + '"]')];
    all.addEventListener("change", () => { for (const box of boxes) box.checked = all.checked; });
    for (const box of boxes) box.addEventListener("change", () => { all.checked = boxes.every((b) => b.checked); });
  }

  const start = document.getElementById("f-startsAt");
  const end = document.getElementById("f-endsAt");
  const check = document.getElementById("f-endsAt-check");
  if (start && end && check) {
    // datetime-local values ("2027-03-18T08:30") compare as text, and read as local time.
    const HOUR = 3600000;
    const local = (ms) => {
      const d = new Date(ms);
      const two = (n) => String(n).padStart(2, "0");
      return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()) + "T" + two(d.getHours()) + ":" + two(d.getMinutes());
    };
    let length = start.value && end.value && end.value > start.value ? new Date(end.value) - new Date(start.value) : 2 * HOUR;
    const verdict = () => {
      const wrong = Boolean(start.value && end.value && end.value <= start.value);
      check.hidden = !wrong;
      end.setAttribute("aria-invalid", wrong ? "true" : "false");
    };
    // Moving the start moves the end with it, keeping the event's length (two hours for a
    // new one), as calendars do; the end can then be set by hand.
    start.addEventListener("input", () => {
      if (start.value) end.value = local(new Date(start.value).getTime() + length);
      verdict();
    });
    end.addEventListener("input", () => {
      if (start.value && end.value > start.value) length = new Date(end.value) - new Date(start.value);
      verdict();
    });
    verdict();
  }
})();`;
