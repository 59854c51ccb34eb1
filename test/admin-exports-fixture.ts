import ExcelJS from "exceljs";
import { parseString } from "fast-csv";
import type { Harness } from "./helpers/harness";
import { eventBody } from "./helpers/harness";

/** The questions every export fixture asks: each kind that prints differently. */
export const questions = [
  { id: "diet", label: "Kost / allergier", kind: "textarea" },
  { id: "track", label: "Spår", kind: "select", options: ["Lean", "Digitalisering"] },
  { id: "days", label: "Dagar", kind: "multiselect", options: ["Dag 1", "Dag 2"] },
  { id: "photo", label: "Får fotograferas", kind: "checkbox" },
];

/**
 * An event of two seats and a waitlist: two confirmed (one a formula in disguise, with
 * Swedish letters, quotes and a line break in answers), two waitlisted, one cancelled.
 */
export async function attendanceFixture(h: Harness, title = "Leankonferens Blekinge 2027", overrides: Record<string, unknown> = {}) {
  const event = (await h.api("POST", "/events", eventBody({ title, capacity: 2, questions, ...overrides }))).body;
  const signUp = async (body: Record<string, unknown>) => {
    const res = await h.api("POST", `/events/${event.id}/registrations`, body, { token: null });
    if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; manageUrl: string };
  };
  const asa = await signUp({
    name: "Åsa Öberg",
    email: "asa@industri.se",
    organisation: 'Bröderna "Ek" AB, Ronneby',
    phone: "+46 70 123 45 67",
    answers: { diet: "Laktos\nNötter", track: "Lean", days: ["Dag 1", "Dag 2"], photo: true },
  });
  h.clock.advance(60_000);
  const formula = await signUp({ name: "=1+1", email: "formula@evil.example", organisation: "@SUM(A1)", answers: { diet: "-2+3" } });
  h.clock.advance(60_000);
  const wait1 = await signUp({ name: "Erik Väntare", email: "erik@example.se", organisation: "Techtank" });
  h.clock.advance(60_000);
  const wait2 = await signUp({ name: "Karin Kö", email: "karin@example.se" });
  h.clock.advance(60_000);
  const gone = await signUp({ name: "Nils Avbokad", email: "nils@example.se" });
  const token = gone.manageUrl.slice(gone.manageUrl.lastIndexOf("/") + 1);
  const cancelled = await h.api("POST", `/manage/${token}/cancel`, undefined, { token: null });
  if (cancelled.status !== 200) throw new Error(`cancel failed: ${cancelled.status}`);
  const checkIn = await h.api("POST", `/registrations/${asa.id}/check-in`);
  if (checkIn.status !== 200) throw new Error(`check-in failed: ${checkIn.status}`);
  return { event: event as { id: string; slug: string; title: string }, ids: { asa: asa.id, formula: formula.id, wait1: wait1.id, wait2: wait2.id, gone: gone.id } };
}

/** A CSV read back by an independent parser (fast-csv, exceljs's own), BOM already checked and removed. */
export function readCsv(text: string, delimiter: string): Promise<string[][]> {
  if (!text.startsWith("\uFEFF")) throw new Error("the CSV has no BOM");
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text.slice(1), { delimiter })
      .on("error", reject)
      .on("data", (row: string[]) => rows.push(row))
      .on("end", () => resolve(rows));
  });
}

/**
 * An .xlsx read back with exceljs: the first sheet's rows as text (numbers stay numbers,
 * and a date cell reads as the wall clock it holds, `2026-11-21 10:00`).
 */
export async function readXlsx(bytes: ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.worksheets[0]!;
  const rows: (string | number | null)[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: (string | number | null)[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) {
      const v = row.getCell(i).value;
      values.push(v === null || v === undefined ? null : typeof v === "number" ? v : v instanceof Date ? v.toISOString().slice(0, 16).replace("T", " ") : String(v));
    }
    rows.push(values);
  });
  return { sheet, rows };
}
