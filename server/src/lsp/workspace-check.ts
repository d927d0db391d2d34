/**
 * `Check Workspace`: every Markdown draft under the workspace folders checked from disk, its
 * diagnostics pushed so the Problems panel lists drafts that were never opened. A closed
 * draft keeps its workspace diagnostics (re-read from disk) instead of losing them.
 */
import * as fs from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Connection, PublishDiagnosticsParams } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { collectDrafts, decodeDraft } from "../cli/files";
import { nodeIo } from "../cli/io";
import type { Finding } from "../core/finding";
import { toDiagnostic, type DiagnosticSupport } from "./diagnostics";
import type { Project } from "./project";

export interface WorkspaceCheckDeps {
  connection: Connection;
  /** Sends a draft's diagnostics, as the server sends those of open drafts. */
  publish(params: PublishDiagnosticsParams): void;
  folders(): string[];
  isOpen(uri: string): boolean;
  /** Checks an open draft as typing does, returning its findings. */
  validateOpen(uri: string): Promise<Finding[]>;
  /** The project a draft is checked with, or undefined when claimlint is disabled for it. */
  projectFor(uri: string): Promise<Project | undefined>;
  /** What the editor shows of a diagnostic beyond the plain one. */
  diagnosticSupport(): DiagnosticSupport;
}

export function createWorkspaceCheck(deps: WorkspaceCheckDeps) {
  const { connection } = deps;
  /** Drafts whose diagnostics came from a workspace check. */
  const checked = new Set<string>();

  /** Checks a closed draft from disk and pushes its diagnostics; returns how many. */
  async function checkFromDisk(uri: string): Promise<number> {
    const project = await deps.projectFor(uri);
    let findings: Finding[] = [];
    let document = TextDocument.create(uri, "markdown", 0, "");
    if (project) {
      const decoded = decodeDraft(fs.readFileSync(fileURLToPath(uri)));
      if ("text" in decoded) {
        document = TextDocument.create(uri, "markdown", 0, decoded.text);
        findings = project.checker.check(decoded.text);
      } else connection.console.warn(`${fileURLToPath(uri)} ${decoded.error}; not checked`);
    }
    deps.publish({ uri, diagnostics: findings.map((f) => toDiagnostic(f, document, deps.diagnosticSupport())) });
    return findings.length;
  }

  return {
    async checkAll(): Promise<{ files: number; findings: number }> {
      const io = nodeIo();
      const drafts = collectDrafts(deps.folders(), io, (message) => connection.console.warn(message));
      let findings = 0;
      for (const draft of drafts) {
        if (draft.stdin) continue;
        const uri = pathToFileURL(draft.absolutePath).href;
        checked.add(uri);
        try {
          findings += deps.isOpen(uri) ? (await deps.validateOpen(uri)).length : await checkFromDisk(uri);
        } catch (error) {
          connection.console.error(`checking ${draft.absolutePath} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        // Let edits and hovers through between drafts: a big workspace must not freeze the editor.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return { files: drafts.length, findings };
    },
    /** A draft was closed: keep its workspace diagnostics current, or clear its diagnostics. */
    async closed(uri: string): Promise<void> {
      if (checked.has(uri) && fs.existsSync(fileURLToPath(uri))) await checkFromDisk(uri);
      else deps.publish({ uri, diagnostics: [] });
    },
  };
}
