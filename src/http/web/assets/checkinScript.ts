/**
 * The door's script (/assets/checkin.js). The page works without it (GET search, a form
 * per row); this adds search-as-you-type, taps without reloading, counts that follow the
 * other doors' check-ins, and the camera scanner (scannerScript.ts) wherever the page
 * may use a camera. Without it, the phone's own camera app opens the QR link, which lands
 * on /admin/c/… instead.
 * Everything is built with textContent: names never become markup. Every word it shows
 * comes from the page, in the member's language (the JSON block #checkin-words that
 * checkinPages.tsx renders; the CSP allows no inline script, and data is not script).
 */
import { scannerScript } from "./scannerScript";

// How often the door asks for the counts while the page is in view.
const COUNTS_EVERY_MS = 10_000;

export const checkinScript = `(() => {
  const root = document.querySelector(".checkin-desk[data-base]");
  if (!root) return;
  const base = root.getAttribute("data-base");
  // At one session's door every address carries ?session= (withSession in checkinSessionParts.tsx).
  const session = root.getAttribute("data-session") || "";
  const at = (url) => session ? url + (url.indexOf("?") < 0 ? "?" : "&") + "session=" + encodeURIComponent(session) : url;
  const live = document.getElementById("checkin-live");
  const list = document.getElementById("arrivals");
  const hint = document.getElementById("arrivals-hint");
  const nextLink = document.getElementById("arrivals-next");
  const search = document.getElementById("f-q");
  const codeForm = document.getElementById("code-form");
  const codeInput = document.getElementById("f-code");
  const words = JSON.parse(document.getElementById("checkin-words").textContent);
  const fill = (template, values) => template.replace(/\\{(\\w+)\\}/g, (all, key) => (key in values ? String(values[key]) : all));
  const number = new Intl.NumberFormat(words.locale);
  const clock = new Intl.DateTimeFormat(words.locale, { timeZone: words.timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  // The same words as the server's (arrivalNotice in checkinRoutes.tsx).
  const arrived = (person, changed) => {
    if (changed || !person.checkedInAt) return fill(changed ? words.notice.checkedIn : words.notice.already, { name: person.name });
    const parts = clock.formatToParts(new Date(person.checkedInAt));
    const part = (type) => (parts.find((p) => p.type === type) || { value: "" }).value;
    const time = fill(words.notice.clock, { h: part("hour"), m: part("minute") });
    return fill(words.notice.alreadyAt, { name: person.name, time });
  };

  const say = (text, ok) => {
    live.textContent = "";
    live.className = "notice checkin-live " + (ok ? "ok" : "wait");
    // A fresh text node each time, so screen readers announce a repeated message too.
    window.setTimeout(() => { live.textContent = text; }, 30);
  };
  const problem = (body) => (body && body.error && ((body.error.fields && body.error.fields.code) || body.error.message)) || words.notice.failed;
  const call = async (url, init) => {
    const res = await fetch(url, Object.assign({ credentials: "same-origin", headers: { accept: "application/json" } }, init || {}));
    if (res.status === 401) { window.location.reload(); throw new Error("signed out"); }
    const body = await res.json().catch(() => null);
    return { ok: res.ok, body };
  };
  const setCounts = (counts) => {
    if (!counts) return;
    const values = { checkedIn: counts.checkedIn, confirmed: counts.confirmed, attended: counts.checkedIn, noShow: counts.noShow, waitlisted: counts.waitlisted };
    for (const el of document.querySelectorAll("[data-count]")) {
      const key = el.getAttribute("data-count");
      if (key in values) el.textContent = number.format(values[key]);
    }
  };

  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  // The same choice as the page's own (doorStatusText and doorBadgeClass in checkinSessionParts.tsx).
  const noSeat = (p) => p.seat && p.seat !== "confirmed";
  const statusText = (p) => p.status === "cancelled" ? words.status.cancelled : p.status === "waitlisted" ? words.status.waitlisted
    : p.status === "offered" ? words.status.offered
    : noSeat(p) ? (p.seat === "waitlisted" ? words.session.queued : p.seat === "pending" ? words.session.pending : words.session.noSeat)
    : p.checkedInAt ? words.status.checkedIn : words.status.notCheckedIn;
  const badgeClass = (p) => p.status === "cancelled" ? "bad" : p.status !== "confirmed" || noSeat(p) ? "wait" : p.checkedInAt ? "" : "none";
  const row = (p) => {
    const li = el("li", "arrival" + (p.checkedInAt ? " in" : "") + (p.checkable ? "" : " off"));
    li.setAttribute("data-id", p.id);
    const who = el("div", "who");
    who.appendChild(el("strong", "", p.name));
    if (p.organisation) who.appendChild(el("span", "small", p.organisation));
    who.appendChild(el("span", "badge " + badgeClass(p), statusText(p)));
    li.appendChild(who);
    // The server decides which button a row has (checkable, canUndo), as on its own page.
    if (p.checkable) {
      const undo = p.canUndo;
      const form = el("form", "tap");
      form.method = "post";
      form.action = at(base + "/r/" + encodeURIComponent(p.id) + (undo ? "/undo" : ""));
      const button = el("button", undo ? "secondary" : "", undo ? words.undo : words.checkIn);
      button.type = "submit";
      button.setAttribute("aria-label", fill(undo ? words.undoName : words.checkInName, { name: p.name }));
      form.appendChild(button);
      li.appendChild(form);
    }
    return li;
  };

  // Search as you type: the newest answer wins, older ones are dropped.
  let asked = 0;
  let timer = 0;
  const find = async () => {
    const q = search.value.trim();
    const mine = ++asked;
    const url = new URL(window.location.href);
    if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
    url.searchParams.delete("done");
    url.searchParams.delete("r");
    window.history.replaceState(null, "", url.pathname + url.search);
    const { ok, body } = await call(at(base + "/search?q=" + encodeURIComponent(q)));
    if (mine !== asked) return;
    if (!ok) { say(problem(body), false); return; }
    list.replaceChildren(...body.results.map(row));
    list.setAttribute("aria-label", body.browsing ? words.desk.listBrowsing : words.desk.listFound);
    // The same choice as the page's own (hintText in checkinPages.tsx).
    hint.textContent = q && !body.results.length ? words.desk.nobodyFound : body.more && !body.browsing ? words.desk.moreMatch
      : body.browsing && !body.results.length ? words.desk.nobodyHasSeat : body.browsing ? words.desk.browsing : "";
    nextLink.hidden = !body.next;
    nextLink.replaceChildren();
    if (body.next) {
      const a = el("a", "", words.desk.next);
      a.href = at(base + "?after=" + encodeURIComponent(body.next));
      nextLink.appendChild(a);
    }
    setCounts(body.counts);
  };
  search.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(find, 200);
  });
  search.form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    find();
  });

  // One tap: check in or undo, then say so and swap the row.
  list.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    event.preventDefault();
    const button = form.querySelector("button");
    if (button) button.disabled = true;
    try {
      const { ok, body } = await call(form.action, { method: "POST" });
      if (!ok) { say(problem(body), false); if (button) button.disabled = false; return; }
      const undone = new URL(form.action).pathname.endsWith("/undo");
      say(undone ? fill(words.notice.undone, { name: body.person.name }) : arrived(body.person, body.changed), true);
      setCounts(body.counts);
      if (!undone && search.value.trim()) {
        // Done with this person: the search is cleared and waits for the next one.
        search.value = "";
        search.focus();
        await find();
        return;
      }
      const fresh = row(body.person);
      form.closest("li").replaceWith(fresh);
      const next = fresh.querySelector("button");
      if (next) next.focus();
    } catch (err) {
      say(words.notice.offline, false);
      if (button) button.disabled = false;
    }
  });

  // Other doors check people in too: the counts follow, while the page is in view.
  window.setInterval(async () => {
    if (document.visibilityState !== "visible") return;
    try {
      const { ok, body } = await call(at(base + "/counts"));
      if (ok) setCounts(body.counts);
    } catch (err) {
      // Offline for a moment: the next round tries again.
    }
  }, ${COUNTS_EVERY_MS});

  // A code, typed or scanned: checked in at once, or the reason why not.
  const byCode = async (value) => {
    try {
      const { ok, body } = await call(at(base + "/code"), {
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/json" },
        body: JSON.stringify({ code: value }),
      });
      if (!ok) { say(problem(body), false); return false; }
      say(arrived(body.person, body.changed), true);
      setCounts(body.counts);
      const shown = list.querySelector('li[data-id="' + CSS.escape(body.person.id) + '"]');
      if (shown) shown.replaceWith(row(body.person));
      return true;
    } catch (err) {
      say(words.notice.offline, false);
      return false;
    }
  };
  codeForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!codeInput.value.trim()) { codeInput.focus(); return; }
    if (await byCode(codeInput.value)) codeInput.value = "";
    else codeInput.focus();
  });

  // The camera (scannerScript.ts): a scanned code goes through byCode like a typed one.
${scannerScript}
})();`;
