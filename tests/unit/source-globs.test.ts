/**
 * Source globs as tests of paths: `**` for any run of folders, `*` and `?` within a name, and
 * a glob of many `**` answered by a table of pattern and path positions, not a search through
 * every way of splitting a deep path (which took minutes for fourteen of them).
 */
import { describe, expect, it } from "vitest";
import { splitSourcePattern } from "../../server/src/config/source-files";

const matches = (glob: string, relative: string) => splitSourcePattern(`/desk/${glob}`).matches!(relative);

describe("source globs", () => {
  it("match `**` over any run of folders, none included, and `*` and `?` within one name", () => {
    expect(matches("**/*.txt", "a.txt")).toBe(true);
    expect(matches("**/*.txt", "x/y/a.txt")).toBe(true);
    expect(matches("notes/**/day-?.md", "notes/2024/may/day-3.md")).toBe(true);
    expect(matches("notes/**/day-?.md", "notes/day-3.md")).toBe(true);
    expect(matches("notes/**/day-?.md", "notes/2024/day-13.md")).toBe(false);
    expect(matches("*.txt", "x/a.txt")).toBe(false);
    expect(matches("**/a/**/b.txt", "a/b.txt")).toBe(true);
    expect(matches("**/a/**/b.txt", "x/a/y/z/b.txt")).toBe(true);
    expect(matches("**/a/**/b.txt", "x/b.txt")).toBe(false);
  });

  it("answer a glob of thirty `**` against a path thirty folders deep, matching or not", () => {
    const deep = `${Array.from({ length: 30 }, (_, i) => `f${i}`).join("/")}/story.txt`;
    const glob = `${Array.from({ length: 30 }, (_, i) => (i % 2 ? "**" : "f*")).join("/")}/**/*.txt`;
    expect(matches(glob, deep)).toBe(true);
    expect(matches(`${"**/f*/".repeat(15)}**/*.md`, deep)).toBe(false);
  });
});
