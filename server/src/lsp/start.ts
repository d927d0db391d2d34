/**
 * The language server: open drafts in, diagnostics, hover cards and quick fixes out. All
 * judgement lives in the core; this file keeps documents, settings and configurations in
 * step with the editor and turns findings into protocol messages.
 */
import { fileURLToPath } from "node:url";
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  MarkupKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from "vscode-languageserver";
import { version } from "../../../package.json";
import { SOURCE_FILE } from "../config/source-files";
import { citedSources } from "../core/cited-sources";
import { SIZE_LIMIT, type Finding } from "../core/finding";
import type { OpenDraft } from "../core/open-draft";
import { FIX_ALL_KIND, fixAll, quickFixes } from "./code-actions";
import { createConfigProblems } from "./config-problems";
import { assertChanges, DraftDocument } from "./draft-document";
import { FULL_SUPPORT, toDiagnostic, type DiagnosticSupport } from "./diagnostics";
import { diagnosticList } from "./diagnostic-list";
import { hoverCardAt } from "./hover-cards";
import { createProjects, type Project } from "./project";
import { createSettingsSource } from "./settings-source";
import type { EditorSettings } from "./settings";
import { createWorkspaceCheck } from "./workspace-check";
import { nodeProjectIo } from "./node-io";
import { markdownToPlainText } from "./plain-text";
import { CLAIMS_REQUEST, MOST_CLAIMS, sheetClaims, type ClaimsParams, type ClaimsResult } from "./claims-request";
import { sourceLocations, sourceLocationsAt } from "./source-links";

/** The findings of one text of an open draft (see DraftDocument.revision). */
interface Analysis {
  revision: number;
  findings: Finding[];
  project: Project;
  /** The open draft whose last check this is, when it lists its claims; none when the check failed. */
  draft?: OpenDraft;
}

/** A draft open in the editor, as the checker of its project keeps it between edits. */
interface Kept {
  project: Project;
  draft: OpenDraft;
  /** Whether its checks list the draft's claims (see `lists`). */
  listing: boolean;
}

/**
 * How long a check runs before it lets the editor's other messages through. A long check
 * (a huge draft opened, a fence opened at its top) runs in slices this long, and a newer
 * edit drops it at the next slice.
 */
const SLICE_MS = 8;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What the client can do, read once from `initialize`. */
interface ClientSupport {
  /** Hover contents may be Markdown; otherwise cards go as plain text. */
  markdownHover: boolean;
  pullDiagnostics: boolean;
  pullRefresh: boolean;
  snippetEdits: boolean;
  watchedFiles: boolean;
  configurationChange: boolean;
  workspaceFolders: boolean;
  diagnostics: DiagnosticSupport;
}

/**
 * Diagnostics sent but not yet written out to the client, beyond which it is falling behind:
 * those of a huge draft, some 2 MB of JSON.
 */
const BACKLOG = 5_000;

export function startServer(connection: Connection): void {
  const kept = new Map<string, Kept>();
  // Each edit is noted on the draft's open check as it is applied, one change at a time (each
  // change's range is in the text the change before it left), so the next check re-reads
  // only what the edits touched.
  const documents = new TextDocuments<DraftDocument>({
    create: DraftDocument.create,
    update(document, changes, version) {
      // A malformed change refuses its whole notification before anything is noted or applied.
      assertChanges(changes, version);
      const draft = kept.get(document.uri)?.draft;
      for (const change of changes) {
        if (draft) {
          const from = "range" in change ? document.offsetAt(change.range.start) : 0;
          const to = "range" in change ? document.offsetAt(change.range.end) : document.snapshot().length;
          draft.edited({ from: Math.min(from, to), to: Math.max(from, to), inserted: change.text.length });
        }
        document.update([change], version);
      }
      return document;
    },
  });
  const analyses = new Map<string, Analysis>();
  const checks = new Map<string, { revision: number; generation: number; done: Promise<Analysis | undefined> }>();
  const pending = new Map<string, NodeJS.Immediate>();
  let folders: string[] = [];
  let client: ClientSupport = { markdownHover: true, pullDiagnostics: false, pullRefresh: false, snippetEdits: false, watchedFiles: false, configurationChange: false, workspaceFolders: false, diagnostics: FULL_SUPPORT };

  const problems = createConfigProblems(connection);
  // VS Code's extension says whether the user trusts the workspace. Other editors (Neovim,
  // Emacs) have no such notion and send nothing: the user started the server on files they
  // chose, so the workspace is trusted.
  let workspaceTrusted = true;
  const projects = createProjects(nodeProjectIo, problems.report, { trusted: () => workspaceTrusted, folders: () => folders });
  const settings = createSettingsSource(connection, (message) => problems.notifyOnce(message));

  /** An error in a handler is logged and answered with an empty result: the editor goes on. */
  function guarded<P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>) {
    return async (params: P): Promise<R> => {
      try {
        return await handler(params);
      } catch (error) {
        connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }

  function pathOf(uri: string): string | undefined {
    if (!uri.startsWith("file:")) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }

  /** The workspace folder holding a draft (the innermost), or the first folder for an unsaved one. */
  function folderOf(filePath: string | undefined): string | undefined {
    if (!filePath) return folders[0];
    return folders.filter((f) => filePath === f || filePath.startsWith(f.endsWith("/") ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0] ?? folders[0];
  }

  function projectFor(uri: string, editorSettings: EditorSettings): Promise<Project> {
    const filePath = pathOf(uri);
    return projects.projectFor(filePath, folderOf(filePath), editorSettings);
  }

  /**
   * Counts the times every draft must be checked afresh (settings, configuration or reference
   * files changed): a check begun before the last of them is dropped.
   */
  let generation = 0;
  /** The draft is still open as this object, with this text, and nothing asked for a fresh check. */
  const isCurrent = (document: DraftDocument, revision: number, since: number) =>
    documents.get(document.uri) === document && document.revision === revision && generation === since;

  /**
   * The analysis of the draft's current text: the one in hand, the one under way, or a new
   * one, which pushes its diagnostics when done. Undefined when checking is off for the draft
   * or a newer edit overtook the check.
   */
  function analysisOf(uri: string): Promise<Analysis | undefined> {
    const document = documents.get(uri);
    if (!document) return Promise.resolve(undefined);
    const known = analyses.get(uri);
    if (known?.revision === document.revision) return Promise.resolve(known);
    const running = checks.get(uri);
    if (running?.revision === document.revision && running.generation === generation) return running.done;
    const done = check(document).finally(() => {
      if (checks.get(uri)?.done === done) checks.delete(uri);
    });
    checks.set(uri, { revision: document.revision, generation, done });
    return done;
  }

  /**
   * The analysis of the draft's text as it stands when the answer is ready: when an edit
   * overtakes the check, it waits for the check of the newest text. Undefined when the draft
   * is closed or not checked.
   */
  async function newestAnalysis(document: DraftDocument): Promise<Analysis | undefined> {
    let analysis: Analysis | undefined;
    for (let asked = document.revision; ; asked = document.revision) {
      analysis = await analysisOf(document.uri);
      if (document.revision === asked || documents.get(document.uri) !== document) break;
    }
    return analysis?.revision === document.revision ? analysis : undefined;
  }

  /** Drafts a claims sheet has asked about, until they close. */
  const sheets = new Set<string>();
  /**
   * Whether a draft's checks list its claims: for a claims sheet, and, with sources, for the
   * hover and definition of a figure attributed in the draft and traced to a source. Listing
   * costs a keystroke nothing measurable, as only the sections an edit touched are read for
   * it, but a long draft's claims take room: 58,000 of them, 20 MB, on a 10 MB draft.
   */
  const lists = (uri: string, project: Project) => sheets.has(uri) || !!project.sources;

  /** Checks the draft's current text, unless it changes meanwhile (see `dropped`). */
  async function check(document: DraftDocument): Promise<Analysis | undefined> {
    const { uri, version, revision } = document;
    const since = generation;
    const editorSettings = await settings.for(uri);
    if (!isCurrent(document, revision, since)) return dropped(document);
    if (!editorSettings.enable) {
      kept.delete(uri);
      publish({ uri, version, diagnostics: [] });
      return undefined;
    }
    // At once, unless the project's sources are being read: the check then waits for them.
    const project = await projectFor(uri, editorSettings);
    if (!isCurrent(document, revision, since)) return dropped(document);
    let open = kept.get(uri);
    const listing = lists(uri, project);
    if (open?.project !== project || open.listing !== listing) {
      open = { project, draft: project.checker.open(undefined, listing), listing };
      kept.set(uri, open);
    }
    let findings: Finding[] = [];
    let listed: OpenDraft | undefined = listing ? open.draft : undefined;
    try {
      const run = open.draft.check(document.snapshot());
      for (let slice = performance.now(); ; ) {
        const step = run.next();
        if (step.done) {
          findings = step.value;
          break;
        }
        if (performance.now() - slice >= SLICE_MS) {
          await nextTurn();
          if (!isCurrent(document, revision, since) || kept.get(uri) !== open) return dropped(document);
          slice = performance.now();
        }
      }
    } catch (error) {
      kept.delete(uri); // the next check starts afresh
      listed = undefined;
      connection.console.error(`checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    const analysis = { revision, findings, project, draft: listed };
    analyses.set(uri, analysis);
    publish({ uri, version, diagnostics: diagnosticList(findings, document, client.diagnostics) });
    return analysis;
  }

  /**
   * A check overtaken by an edit, a close or a change of settings is dropped, and the draft, if
   * still open, is checked again as it now stands: in the `onSave` mode no keystroke would.
   */
  function dropped(document: DraftDocument): undefined {
    if (documents.get(document.uri) === document) schedule(document.uri);
    return undefined;
  }

  /**
   * Diagnostics go out at once while the client takes them. When more than BACKLOG of them
   * are still to be written out (a client that stopped reading), each draft's newest list
   * waits instead, replacing any older one waiting: the server holds one list per draft for
   * such a client, not one per check.
   */
  let unwritten = 0;
  const waiting = new Map<string, PublishDiagnosticsParams>();
  function publish(params: PublishDiagnosticsParams): void {
    if (waiting.size === 0 && unwritten <= BACKLOG) return send(params);
    waiting.delete(params.uri); // drafts go in the order of their newest lists
    waiting.set(params.uri, params);
  }
  function send(params: PublishDiagnosticsParams): void {
    const count = params.diagnostics.length;
    unwritten += count;
    const written = () => {
      unwritten -= count;
      for (const [uri, next] of waiting) {
        if (unwritten > BACKLOG) break;
        waiting.delete(uri);
        send(next);
      }
    };
    // Settled once written out, or failed (the library logs why).
    connection.sendDiagnostics(params).then(written, written);
  }

  /** Checks a draft now (or joins the check under way) and returns its findings. */
  async function validate(uri: string): Promise<Finding[]> {
    return (await analysisOf(uri))?.findings ?? [];
  }

  /**
   * Queues a check for the next turn of the event loop, and each edit queues it again: the
   * messages of a burst are read one per turn, so the draft is checked once they stop
   * coming, not between every two of them.
   */
  function schedule(uri: string): void {
    clearImmediate(pending.get(uri));
    pending.set(
      uri,
      setImmediate(() => {
        pending.delete(uri);
        void analysisOf(uri);
      }),
    );
  }

  function recheckAll(): void {
    generation++;
    analyses.clear();
    for (const document of documents.all()) schedule(document.uri);
    if (client.pullRefresh) void connection.languages.diagnostics.refresh();
  }

  const workspace = createWorkspaceCheck({
    connection,
    publish,
    diagnosticSupport: () => client.diagnostics,
    folders: () => folders,
    isOpen: (uri) => documents.get(uri) !== undefined,
    validateOpen: validate,
    projectFor: async (uri) => {
      const editorSettings = await settings.for(uri);
      return editorSettings.enable ? projectFor(uri, editorSettings) : undefined;
    },
  });

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    const options = (params.initializationOptions ?? {}) as { pullDiagnostics?: unknown; workspaceTrusted?: unknown };
    workspaceTrusted = options.workspaceTrusted !== false;
    const hoverFormats = caps.textDocument?.hover?.contentFormat;
    client = {
      markdownHover: !hoverFormats || hoverFormats.includes(MarkupKind.Markdown),
      pullDiagnostics: !!caps.textDocument?.diagnostic && options.pullDiagnostics !== false,
      pullRefresh: !!caps.workspace?.diagnostics?.refreshSupport,
      snippetEdits: !!caps.workspace?.workspaceEdit?.snippetEditSupport && !!caps.workspace?.workspaceEdit?.documentChanges,
      watchedFiles: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      configurationChange: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
      workspaceFolders: !!caps.workspace?.workspaceFolders,
      // Links and related information go only to editors that say they show them: on a long
      // draft they are a good part of what every keystroke sends.
      diagnostics: {
        codeDescription: !!caps.textDocument?.publishDiagnostics?.codeDescriptionSupport,
        relatedInformation: !!caps.textDocument?.publishDiagnostics?.relatedInformation,
      },
    };
    client.pullRefresh &&= client.pullDiagnostics;
    settings.useConfigurationRequests(!!caps.workspace?.configuration);
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = roots.map(pathOf).filter((p): p is string => p !== undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        ...(client.pullDiagnostics ? { diagnosticProvider: { identifier: "claimlint", interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "claimlint", version },
    };
  });

  connection.onInitialized(() => {
    if (client.configurationChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: "claimlint" });
    if (client.watchedFiles)
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        // Reference files may have any name, so any JSON file's change re-reads the configuration;
        // a text or Markdown file's change re-reads only the sources that name it (see below).
        watchers: [{ globPattern: "**/.claimlintrc.json" }, { globPattern: "**/*.json" }, { globPattern: "**/*.{txt,md,markdown}" }],
      });
    // The library refuses the subscription, with an error, for a client without workspace folders.
    if (client.workspaceFolders)
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => pathOf(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => pathOf(f.uri)).filter((p): p is string => !!p)];
        projects.invalidate();
        recheckAll();
      });
  });

  // Opening or saving a draft always checks it; typing checks it in the `onType` mode.
  // (The documents manager reports an open as a change of content, too.)
  const opened = new Set<string>();
  /** Drops all the server holds for a draft. */
  function forget(uri: string): void {
    opened.delete(uri);
    clearImmediate(pending.get(uri));
    pending.delete(uri);
    sheets.delete(uri);
    forgetChecks(uri);
  }
  /** The next check of the draft starts afresh; one under way is dropped at its next slice. */
  function forgetChecks(uri: string): void {
    analyses.delete(uri);
    checks.delete(uri);
    kept.delete(uri);
  }
  // A draft opened again without being closed (a client's slip) is a new text: nothing kept
  // for the old one may serve it, and it is checked as any opened draft is.
  documents.onDidOpen((event) => forget(event.document.uri));
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    if (!opened.has(uri)) {
      opened.add(uri);
      schedule(uri);
    } else
      void settings.for(uri).then((s) => {
        if (s.run === "onType") schedule(uri);
      });
  });
  documents.onDidSave((event) => schedule(event.document.uri));
  documents.onDidClose((event) => {
    forget(event.document.uri);
    void workspace.closed(event.document.uri);
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    recheckAll();
  });
  connection.onDidChangeWatchedFiles((params) => {
    const files = params.changes.map((change) => pathOf(change.uri) ?? "");
    if (files.length > 0 && files.every((file) => SOURCE_FILE.test(file))) {
      // Only source documents (or drafts) changed: the projects whose sources name one read
      // them again, and a draft saved to disk costs nothing.
      if (projects.sourcesChanged(files)) recheckAll();
      return;
    }
    // A configuration or reference file changed, appeared or went: read them all again.
    projects.invalidate();
    problems.reset();
    recheckAll();
  });

  connection.languages.diagnostics.on(
    guarded("diagnostics", { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      // An empty report would clear the editor's list: the answer is for the newest text.
      const analysis = await newestAnalysis(document);
      const items = analysis ? analysis.findings.map((f) => toDiagnostic(f, document, client.diagnostics)) : [];
      return { kind: DocumentDiagnosticReportKind.Full, items };
    }),
  );

  connection.onHover(
    guarded("hover", null, async (params) => {
      const document = documents.get(params.textDocument.uri);
      const analysis = document && (await analysisOf(document.uri));
      if (!document || analysis?.revision !== document.revision) return null; // edited meanwhile: the offsets are stale
      const claimAt = (offset: number) => analysis.draft?.claimAt(offset);
      // The snapshot, not getText(): a hover reads a window of the draft, never a copy of all of it.
      const card = hoverCardAt(document.snapshot(), document.offsetAt(params.position), analysis.findings, analysis.project.reference, analysis.project.weapons, claimAt);
      if (!card) return null;
      return {
        contents: client.markdownHover ? { kind: MarkupKind.Markdown, value: card.markdown } : { kind: MarkupKind.PlainText, value: markdownToPlainText(card.markdown) },
        range: { start: document.positionAt(card.offset), end: document.positionAt(card.offset + card.length) },
      };
    }),
  );

  connection.onDefinition(
    guarded("definition", null, async (params) => {
      const document = documents.get(params.textDocument.uri);
      const analysis = document && (await analysisOf(document.uri));
      if (!document || analysis?.revision !== document.revision) return null; // edited meanwhile: the offsets are stale
      if (!analysis.project.sources) return null; // no sources: nothing is traced
      const offset = document.offsetAt(params.position);
      const flagged = sourceLocationsAt(analysis.findings, offset, analysis.project.sources);
      // A figure attributed in the draft has no finding, but may still be traced.
      const traced = flagged.length > 0 ? flagged : sourceLocations(analysis.draft?.claimAt(offset)?.source?.figures ?? [], analysis.project.sources);
      return traced.length > 0 ? traced : null;
    }),
  );

  connection.onCodeAction(
    guarded("code actions", [] as CodeAction[], async (params) => {
      const document = documents.get(params.textDocument.uri);
      const analysis = document && (await analysisOf(document.uri));
      if (!document || analysis?.revision !== document.revision) return []; // edited meanwhile: the offsets are stale
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        // A range given end first is taken as the same range, as edits take it.
        const ends = [document.offsetAt(params.range.start), document.offsetAt(params.range.end)];
        const from = Math.min(...ends);
        const to = Math.max(...ends);
        const touched = analysis.findings.filter((f) => f.offset <= to && from <= f.offset + f.length);
        const sourceChoices = () => [...new Set([...referenceSources(analysis.project), ...citedSources(document.getText())])];
        actions.push(...quickFixes(touched, { document, snippetEdits: client.snippetEdits, sourceChoices }));
      }
      if (wants(FIX_ALL_KIND)) {
        const all = fixAll(analysis.findings, document);
        if (all) actions.push(all);
      }
      return actions;
    }),
  );

  connection.onRequest(
    "claimlint/checkDocument",
    guarded("check document", { findings: 0 }, async (params: { uri: string }) => ({ findings: (await validate(params.uri)).length })),
  );
  connection.onRequest(
    CLAIMS_REQUEST,
    guarded<ClaimsParams, ClaimsResult>("claims", { version: null, claims: [], total: 0 }, async (params) => {
      const document = documents.get(params.uri);
      if (!document) return { version: null, claims: [], total: 0 };
      if (!sheets.has(params.uri)) {
        // The first sheet of a draft: from now on its checks list claims, starting with a
        // check of the whole draft now.
        sheets.add(params.uri);
        forgetChecks(params.uri);
      }
      // As for pulled diagnostics, the answer is for the newest text: a sheet never shows claims placed in an older one.
      const analysis = await newestAnalysis(document);
      if (!analysis) return { version: null, claims: [], total: 0 };
      // A visible sheet asks after every check: only the claims it lists are placed and copied.
      const claims = analysis.draft?.claims(MOST_CLAIMS) ?? [];
      const sizeNotice = analysis.findings.find((f) => f.rule === SIZE_LIMIT)?.message;
      return { version: document.version, claims: sheetClaims(claims, (offset) => document.positionAt(offset)), total: analysis.draft?.claimCount() ?? 0, ...(sizeNotice && { sizeNotice }) };
    }),
  );
  connection.onRequest("claimlint/checkWorkspace", guarded("check workspace", { files: 0, findings: 0 }, () => workspace.checkAll()));

  documents.listen(connection);
  connection.listen();
}

/** The outlets the reference names, as a writer would cite them. */
function referenceSources(project: Project): string[] {
  return project.reference.sources.map((s) => s.outlet).filter((o): o is string => !!o);
}
