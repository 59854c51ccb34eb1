import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { inviteesOf } from "../../src/http/web/admin/invitationList";
import { readDelimited } from "../../src/lib/delimitedText";
import { readXlsx, UnreadableWorkbook } from "../../src/lib/xlsxRows";

describe("readDelimited", () => {
  it("reads quoted fields with separators, doubled quotes and line breaks, naming the line each row starts on", () => {
    const text = 'email,name\r\n"a@x.se","Ek, ""Bo"""\r\n\r\n"b@x.se","Två\nrader"\nc@x.se,Cia\n';
    expect(readDelimited(text)).toEqual([
      { line: 1, cells: ["email", "name"] },
      { line: 2, cells: ["a@x.se", 'Ek, "Bo"'] },
      { line: 4, cells: ["b@x.se", "Två\nrader"] },
      { line: 6, cells: ["c@x.se", "Cia"] },
    ]);
  });

  it("takes a file's separator from its first line, and a pasted list's from each line", () => {
    expect(readDelimited("a@x.se;Ann, Berg\nb@x.se;Bo").map((r) => r.cells)).toEqual([["a@x.se", "Ann, Berg"], ["b@x.se", "Bo"]]);
    expect(readDelimited("a@x.se;Ann\nb@x.se,Bo\nc@x.se\tCia", { eachLine: true }).map((r) => r.cells)).toEqual([["a@x.se", "Ann"], ["b@x.se", "Bo"], ["c@x.se", "Cia"]]);
  });
});

describe("inviteesOf", () => {
  it("maps a header's names in any language and order, seats one when blank", () => {
    const rows = readDelimited("Namn;E-post;Platser;Språk\nAnna Berg;anna@x.se;;nb");
    expect(inviteesOf(rows, "sv")).toEqual({ invitees: [{ email: "anna@x.se", name: "Anna Berg", language: "nb", seats: 1 }] });
  });

  it("names every problem of every line in the reader's language", () => {
    const rows = readDelimited("x; Bo; ; 101; de\nok@x.se", { eachLine: true });
    expect(inviteesOf(rows, "nb")).toEqual({
      errors: [
        { line: 1, text: "Linje 1: «x» er ikke en e-postadresse." },
        { line: 1, text: "Linje 1: antall plasser må være et heltall fra 1 til 100." },
        { line: 1, text: "Linje 1: «de» er ikke et språk vi skriver på. Skriv sv, nb eller en." },
      ],
    });
  });
});

describe("readXlsx", () => {
  it("reads the first sheet's shared, inline and number cells with their row numbers, gaps kept", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Lista");
    sheet.getCell("A1").value = "email";
    sheet.getCell("C1").value = "seats";
    sheet.getCell("A3").value = "å@x.se";
    sheet.getCell("C3").value = 4;
    sheet.getCell("B3").value = { richText: [{ text: "Ann " }, { text: "& Bo" }] };
    const rows = await readXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { line: 1, cells: ["email", "", "seats"] },
      { line: 3, cells: ["å@x.se", "Ann & Bo", "4"] },
    ]);
  });

  it("refuses what is no workbook", async () => {
    await expect(readXlsx(new TextEncoder().encode("PK not really"))).rejects.toBeInstanceOf(UnreadableWorkbook);
  });
});

describe("readXlsx on a workbook no spreadsheet wrote", () => {
  const workbook = (sheet: string) =>
    zipSync({ "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`) });
  it("keeps an entity past Unicode as written, and refuses a column past XFD", async () => {
    expect(await readXlsx(workbook('<row r="1"><c r="A1" t="inlineStr"><is><t>a&#x110000;b</t></is></c></row>'))).toEqual([{ line: 1, cells: ["a&#x110000;b"] }]);
    await expect(readXlsx(workbook('<row r="1"><c r="ZZZZZZ1" t="inlineStr"><is><t>x</t></is></c></row>'))).rejects.toBeInstanceOf(UnreadableWorkbook);
    await expect(readXlsx(strToU8("not a zip at all"))).rejects.toBeInstanceOf(UnreadableWorkbook);
  });
});
