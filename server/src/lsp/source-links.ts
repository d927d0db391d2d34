/**
 * Go to definition on a figure of the draft that the writer's own sources give: the source
 * figures it was traced to, or, for a figure-conflict, those it disagrees with (the sentence
 * to check it against). The nearest figures an untraced-figure names are not where the
 * figure comes from, so they are not offered. Pure: positions come from the line starts kept
 * of each source document.
 */
import type { Location } from "vscode-languageserver";
import type { Finding } from "../core/finding";
import type { SourceFigure } from "../core/sources/source-index";
import type { EditorSources } from "./sources";

/**
 * The places of the source figures behind the findings at `offset`: those whose span holds it,
 * else those ending there (as hover cards choose them). Empty on anything else.
 */
export function sourceLocationsAt(findings: readonly Finding[], offset: number, sources: EditorSources): Location[] {
  const cited = findings.filter((f) => f.rule !== "untraced-figure" && f.traces?.length);
  for (const touches of [(f: Finding) => f.offset <= offset && offset < f.offset + f.length, (f: Finding) => f.offset + f.length === offset]) {
    const figures = new Set(cited.filter(touches).flatMap((f) => f.traces!));
    if (figures.size > 0) return sourceLocations([...figures], sources);
  }
  return [];
}

/** The places of source figures (those a claim at the cursor was traced to). */
export function sourceLocations(figures: readonly SourceFigure[], sources: EditorSources): Location[] {
  return figures.flatMap((figure) => locationOf(figure, sources) ?? []);
}

/** Where a source figure is: its document's URI and the figure's range in it. */
function locationOf(figure: SourceFigure, sources: EditorSources): Location | undefined {
  const document = sources.documents.get(figure.file);
  if (!document) return undefined;
  const position = (offset: number) => {
    const line = document.lines.lineOf(offset);
    return { line, character: offset - document.lines.startOf(line) };
  };
  return { uri: document.uri, range: { start: position(figure.offset), end: position(figure.offset + figure.length) } };
}
