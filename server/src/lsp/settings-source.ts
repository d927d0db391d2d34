/**
 * Where the editor's settings come from: `workspace/configuration` requests per draft where
 * the client answers them (VS Code, Neovim), else whatever `didChangeConfiguration` last
 * carried. Answers are cached until the settings change.
 */
import type { Connection } from "vscode-languageserver";
import { readSettings, type EditorSettings } from "./settings";

export interface SettingsSource {
  useConfigurationRequests(enabled: boolean): void;
  /** The settings that apply to a draft. */
  for(uri: string): Promise<EditorSettings>;
  /** `didChangeConfiguration`'s payload: forget the cache and keep any settings it carries. */
  changed(payload: unknown): void;
}

export function createSettingsSource(connection: Connection, problem: (message: string) => void): SettingsSource {
  let requests = false;
  let pushed: unknown;
  const cache = new Map<string, Promise<EditorSettings>>();

  function read(raw: unknown): EditorSettings {
    const { settings, problems } = readSettings(raw);
    if (problems.length > 0) problem(`claimlint settings: ${problems.join("; ")}. The defaults are used for those.`);
    return settings;
  }

  return {
    useConfigurationRequests(enabled) {
      requests = enabled;
    },
    for(uri) {
      let settings = cache.get(uri);
      if (!settings) {
        settings = requests
          ? connection.workspace.getConfiguration({ scopeUri: uri, section: "claimlint" }).then(read, () => read(pushed))
          : Promise.resolve(read(pushed));
        cache.set(uri, settings);
      }
      return settings;
    },
    changed(payload) {
      const section = (payload as { claimlint?: unknown } | null | undefined)?.claimlint;
      if (section !== undefined) pushed = section;
      cache.clear();
    },
  };
}
