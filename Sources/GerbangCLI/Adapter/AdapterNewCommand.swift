import ArgumentParser
import Foundation

/// `gerbang adapter new NAME`: scaffolds an adapter (library, executable, test, configuration)
/// and prints — or with `--apply` adds — its `Package.swift` targets and its route.
struct AdapterNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Scaffold a new adapter under Adapters/<name> with its configuration and a test.",
        discussion: """
            Writes Adapters/<name>/Sources/<Name>Adapter (the Adapter conformer and its native record), \
            Adapters/<name>/Sources/<name>-adapter (the executable), Adapters/<name>/Tests/<Name>AdapterTests \
            and Config/adapters/<name>.yaml. The generated adapter builds and its test passes as generated \
            (Adapters/example is one, kept identical to this output by a test). \
            Exit status: 0 written, 1 invalid arguments or existing files, 2 write failure.
            """
    )

    @Argument(help: "The adapter's name within its agency, as in Config/routes.yaml (e.g. bansos, csv-inbox).")
    var name: String

    @Option(help: "The agency the adapter speaks for (an id from Config/agencies.yaml).")
    var agency: String

    @Option(name: .customLong("consumes"), help: "An event type the adapter consumes (repeatable).")
    var consumes: [String] = []

    @Option(name: .customLong("produces"), help: "An event type the adapter publishes (repeatable).")
    var produces: [String] = []

    @Option(help: "The package root to write into.")
    var output: String = "."

    @Flag(help: "Also insert the targets into <output>/Package.swift (before the `// MARK: Benchmarks` line).")
    var apply = false

    @Flag(help: "Overwrite existing files.")
    var force = false

    func run() throws {
        do {
            let scaffold = try AdapterScaffold(name: name, agency: agency, consumes: consumes, produces: produces)
            let root = URL(fileURLWithPath: output)
            for path in try scaffold.write(to: root, force: force) { print("wrote \(path)") }
            if apply {
                try scaffold.apply(toPackageAt: root.appendingPathComponent("Package.swift"))
                print("added \(scaffold.libraryTarget), \(scaffold.executableTarget) and \(scaffold.testTarget) to Package.swift")
            } else {
                print("\nAdd to Package.swift, inside `targets:` (or run again with --apply):\n")
                print(scaffold.packageSnippet, terminator: "")
            }
            if !scaffold.routesSnippet.isEmpty {
                print("\nAdd to Config/routes.yaml under `subscriptions:` so that the broker delivers to it:\n")
                print(scaffold.routesSnippet, terminator: "")
            }
            print("\nThen: swift build --target \(scaffold.executableTarget) && swift test --filter \(scaffold.testTarget)")
        } catch {
            FileHandle.standardError.write(Data("gerbang adapter new: \(error.description)\n".utf8))
            throw ExitCode(error.reason == .writeFailed ? 2 : 1)
        }
    }
}
