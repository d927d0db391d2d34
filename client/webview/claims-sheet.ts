/**
 * The claims sheet's page: lays out the table the extension sends and tells it which row was
 * chosen. Every word comes from the draft or its sources, so all of it goes in as text
 * (`textContent`), never as markup.
 */
import type { FromSheet, SheetRow, ToSheet } from "./messages";

declare function acquireVsCodeApi(): { postMessage(message: FromSheet): void };
const vscode = acquireVsCodeApi();
const sheet = document.getElementById("sheet")!;

window.addEventListener("message", (event: MessageEvent<ToSheet>) => show(event.data));
// Messages sent before the page listened are lost: the extension sends the sheet on this.
vscode.postMessage({ type: "ready" });

function show(message: ToSheet): void {
  // A row chosen or focused before an update stays so, by its place in the table.
  const chosen = rowIndex(sheet.querySelector("tr.chosen"));
  const focused = rowIndex(document.activeElement);
  if (message.type === "unchecked") {
    sheet.replaceChildren(paragraph("Not checked: claimlint is off for this draft, or the draft is closed."));
    return;
  }
  if (message.rows.length === 0) {
    sheet.replaceChildren(paragraph("No claims."));
    return;
  }
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const column of message.columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column;
    head.append(th);
  }
  const body = table.createTBody();
  message.rows.forEach((row) => body.append(rowFor(row)));
  sheet.replaceChildren(paragraph(message.summary), table);
  if (chosen >= 0) body.rows[chosen]?.classList.add("chosen");
  if (focused >= 0) body.rows[focused]?.focus();
}

function rowFor(row: SheetRow): HTMLTableRowElement {
  const tr = document.createElement("tr");
  // Reachable with Tab and chosen with Enter or Space, as well as by a click.
  tr.tabIndex = 0;
  for (const cell of row.cells) {
    const td = tr.insertCell();
    td.textContent = cell.text;
    if (cell.tone) td.className = cell.tone;
  }
  const choose = () => {
    sheet.querySelector("tr.chosen")?.classList.remove("chosen");
    tr.classList.add("chosen");
    vscode.postMessage({ type: "reveal", range: row.range });
  };
  tr.addEventListener("click", choose);
  tr.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    choose();
  });
  return tr;
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.textContent = text;
  return p;
}

/** The place of a table row among the body's rows, or -1. */
function rowIndex(element: Element | null): number {
  return element instanceof HTMLTableRowElement && element.parentElement instanceof HTMLTableSectionElement ? element.sectionRowIndex : -1;
}
