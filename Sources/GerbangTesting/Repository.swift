import Foundation

/// Where the repository's files are, for tests and benchmarks that read `Config/` or the shared
/// data next to it.
///
/// `Sendable`: a namespace without state.
public enum Repository {
    /// The repository root: this file is `Sources/GerbangTesting/Repository.swift`, so the path
    /// the compiler recorded for it, three levels up.
    public static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
