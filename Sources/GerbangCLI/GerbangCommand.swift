import ArgumentParser

/// The root of the `gerbang` command line: the operator's and integrator's tool.
///
/// Each subcommand lives in its own file (`<Name>Command.swift`); the executable target only
/// calls `GerbangCommand.main()`, so every command is testable from this library.
public struct GerbangCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gerbang",
        abstract: "Gerbang, the interoperability gateway for citizen-service data.",
        version: GerbangVersion.current,
        subcommands: [
            // Subcommands are added here, one line each, as their issues land.
            CanonicalizeCommand.self,
            PKICommand.self,
            SignCommand.self,
            VerifyCommand.self,
            SchemaCommand.self,
            RoutesCommand.self,
            TailCommand.self,
            StatusCommand.self,
            QueuesCommand.self,
            AdaptersCommand.self,
            DLQCommand.self,
            EventsCommand.self,
            ActionsCommand.self,
            AuditCommand.self,
            AdapterCommand.self,
        ]
    )

    public init() {}
}

/// The version of the Gerbang tools.
public enum GerbangVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
