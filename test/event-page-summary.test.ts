import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setLogo } from "../src/domain/organisations";
import { eventBody, harness, type Harness } from "./helpers/harness";
import { PNG } from "./helpers/images";

// The event page at a glance: a summary before the description (when with the weekday,
// where with a map link, the online note, seats or the waitlist from the event's tally,
// the organiser with logo and contact), the description's few kinds of formatting with
// everything else escaped, and the sign-up link that stays in reach on a phone.
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

const actor = () => ({ orgId: h.orgId, id: null, email: "test" });
async function page(overrides: Record<string, unknown> = {}, query = "") {
  const event = (await h.api("POST", "/events", eventBody(overrides))).body;
  const res = await h.app.request(`/e/${event.slug}${query}`, { headers: { "accept-language": "sv" } });
  expect(res.status).toBe(200);
  return { event, html: await res.text() };
}
const summaryOf = (html: string) => /<dl class="meta">([\s\S]*?)<\/dl>/.exec(html)![1]!;
const signup = (id: string, n: number) => h.api("POST", `/events/${id}/registrations`, { name: `P ${n}`, email: `p${n}@example.se` }, { token: null });

describe("the summary before the description", () => {
  it("when with the weekday, where with an OpenStreetMap link, seats left, and the organiser by name", async () => {
    const { html } = await page({ venue: "BTH Campus Karlshamn", address: "Biblioteksgatan 4, Karlshamn", description: "Om lean." });
    const dl = summaryOf(html);
    expect(dl).toContain('<dt>När</dt><dd><time datetime="2027-03-18T08:30:00.000Z">torsdag 18 mars 2027 kl. 09.30–16.30</time></dd>');
    expect(dl).toContain("<dt>Var</dt><dd>BTH Campus Karlshamn, Biblioteksgatan 4, Karlshamn<br/>");
    expect(dl).toContain('href="https://www.openstreetmap.org/search?query=BTH%20Campus%20Karlshamn%2C%20Biblioteksgatan%204%2C%20Karlshamn"');
    expect(dl).toContain('<dt>Platser</dt><dd><span class="badge">50 platser kvar</span>');
    expect(dl).toContain('<dt>Arrangör</dt><dd class="organiser"><span><strong>Test org</strong></span></dd>');
    expect(dl).not.toContain("<dt>Digitalt</dt>");
    // Before the description, and said once: no "Arrangör: …" line beside it.
    expect(html.indexOf('<dl class="meta">')).toBeLessThan(html.indexOf('<div class="description">'));
    expect(html).not.toContain("Arrangör: Test org");
  });

  it("in English and Norwegian, the weekday their way", async () => {
    const { event } = await page();
    const text = async (lang: string) => (await (await h.app.request(`/e/${event.slug}?lang=${lang}`)).text());
    expect(await text("en")).toContain("Thursday 18 March 2027, 09:30–16:30</time>");
    expect(await text("en")).toContain("<dt>Seats</dt>");
    expect(await text("nb")).toContain("torsdag 18. mars 2027 kl. 09.30–16.30</time>");
    expect(await text("nb")).toContain("<dt>Arrangør</dt>");
  });

  it("an online event without a place: the note, never the join link; a place is escaped in the page and encoded in the map link", async () => {
    const online = await page({ venue: null, onlineUrl: "https://teams.example/join/secret-meeting" });
    const dl = summaryOf(online.html);
    expect(dl).toContain("<dt>Digitalt</dt><dd>Evenemanget är digitalt. Länken för att delta får du när du har fått en plats.</dd>");
    expect(dl).not.toContain("<dt>Var</dt>");
    expect(online.html).not.toContain("secret-meeting");

    const odd = await page({ venue: 'Hall "A" & <B>', address: "Väg 1?x=<y>#z" });
    expect(odd.html).toContain("Hall &quot;A&quot; &amp; &lt;B&gt;, Väg 1?x=&lt;y&gt;#z");
    expect(odd.html).toContain("search?query=Hall%20%22A%22%20%26%20%3CB%3E%2C%20V%C3%A4g%201%3Fx%3D%3Cy%3E%23z");
  });

  it("full with a waitlist, full without one, and cancelled: the tally's state in the summary; the sign-up link only while the form is offered", async () => {
    const waitlist = (await h.api("POST", "/events", eventBody({ capacity: 1 }))).body;
    await signup(waitlist.id, 1);
    await signup(waitlist.id, 2);
    const full = await (await h.app.request(`/e/${waitlist.slug}`, { headers: { "accept-language": "sv" } })).text();
    expect(summaryOf(full)).toContain('<dd><span class="badge wait">Fullbokat – ställ dig på väntelistan</span> <span class="optional">1 person väntar</span></dd>');
    expect(full).toContain('<p class="sticky-signup no-print"><a class="button" href="#signup">Ställ dig på väntelistan</a></p>');
    expect(full).toContain('id="signup"');

    const closed = (await h.api("POST", "/events", eventBody({ capacity: 1, waitlist: false }))).body;
    await signup(closed.id, 3);
    const noRoom = await (await h.app.request(`/e/${closed.slug}`, { headers: { "accept-language": "sv" } })).text();
    expect(summaryOf(noRoom)).toContain('<span class="badge bad">Fullbokat</span>');
    expect(noRoom).not.toContain("sticky-signup");

    const cancelled = (await h.api("POST", "/events", eventBody())).body;
    await h.api("POST", `/events/${cancelled.id}/cancel`);
    const gone = await (await h.app.request(`/e/${cancelled.slug}`, { headers: { "accept-language": "sv" } })).text();
    expect(summaryOf(gone)).toContain('<span class="badge bad">Evenemanget är inställt.</span>');
    expect(gone).not.toContain("sticky-signup");
  });

  it("the sign-up link on an open event, and never in the embed", async () => {
    const open = await page();
    expect(open.html).toContain('<a class="button" href="#signup">Anmäl dig</a>');
    // Right before the form's section: where it comes to rest.
    expect(open.html.indexOf("sticky-signup")).toBeLessThan(open.html.indexOf('id="register"'));
    const embed = await (await h.app.request(`/e/${open.event.slug}?embed=1`)).text();
    expect(embed).not.toContain("sticky-signup");
  });

  it("the organiser with its logo beside the name, its contact email and phone, in the summary and not again below", async () => {
    await h.api("PATCH", "/organisation", { contactEmail: "evenemang@techtank.se", contactPhone: "+46 455 12 34 56", footer: "Techtank, Box 1" });
    await setLogo({ ctx: h.ctx, input: { orgId: h.orgId, bytes: PNG }, actor: actor() });
    const { html } = await page();
    const dl = summaryOf(html);
    expect(dl).toMatch(/<dd class="organiser"><img src="\/o\/[a-z0-9-]+\/logo\/[0-9a-f]{32}\.png" alt="" class="organiser-logo"\/><span><strong>Test org<\/strong>/);
    expect(dl).toContain('<br/><a href="mailto:evenemang@techtank.se">evenemang@techtank.se</a><br/><a href="tel:+46455123456">+46 455 12 34 56</a>');
    expect(html.match(/mailto:evenemang@techtank.se"/g)).toHaveLength(1);
    expect(html).not.toContain('class="org-logo"');
    expect(html).toContain('<p class="org-footer">Techtank, Box 1</p>');
    // The organisation's page still frames its list with them.
    const org = (await h.api("GET", "/organisation")).body;
    const list = await (await h.app.request(`/?org=${org.slug}`, { headers: { "accept-language": "sv" } })).text();
    expect(list).toContain('class="org-logo"');
    expect(list).toContain("Frågor? Kontakta Test org");
  });
});

describe("the description", () => {
  it("paragraphs, lists, bold, italic and links, with rel noopener noreferrer nofollow", async () => {
    const { html } = await page({
      description: "**Välkommen** till en dag om *lean*.\nLunch ingår.\n\nProgram:\n- Kaffe\n- [Föredrag](https://techtank.se/lean?a=1&b=2)\n\n1. Anmäl dig\n2. Kom\n\nFrågor: https://techtank.se/fragor.",
    });
    const description = /<div class="description">([\s\S]*?)<\/div>/.exec(html)![1]!;
    expect(description).toBe(
      "<p><strong>Välkommen</strong> till en dag om <em>lean</em>.<br/>Lunch ingår.</p>" +
        "<p>Program:</p>" +
        '<ul><li>Kaffe</li><li><a href="https://techtank.se/lean?a=1&amp;b=2" rel="noopener noreferrer nofollow">Föredrag</a></li></ul>' +
        "<ol><li>Anmäl dig</li><li>Kom</li></ol>" +
        '<p>Frågor: <a href="https://techtank.se/fragor" rel="noopener noreferrer nofollow">https://techtank.se/fragor</a>.</p>',
    );
  });

  it("hostile text stays text: tags escaped, script links are no links, attributes cannot be broken into", async () => {
    const { html } = await page({
      description:
        '<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n[klick](javascript:alert)\n[data](data:text/html,x)\nhttps://a.se/"onmouseover="alert(1)\n**<b>fet</b>**',
    });
    const description = /<div class="description">([\s\S]*?)<\/div>/.exec(html)![1]!;
    expect(description).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(description).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(description).toContain("[klick](javascript:alert)");
    expect(description).toContain('<a href="https://a.se/" rel="noopener noreferrer nofollow">https://a.se/</a>&quot;onmouseover=&quot;alert(1)');
    expect(description).toContain("<strong>&lt;b&gt;fet&lt;/b&gt;</strong>");
    expect(description).not.toMatch(/<(script|img|b)[\s>]/);
    expect([...description.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(["https://a.se/"]);
  });
});
