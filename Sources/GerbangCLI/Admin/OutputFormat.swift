import ArgumentParser

/// `--output`: tables and lines for people, or JSON for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned tables, human times (tail: one readable line per event).
    case table
    /// JSON (tail: JSON lines).
    case json
}
