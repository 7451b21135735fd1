import Foundation
import GerbangCLI
import Testing

/// `gerbang adapter new`: the committed `Adapters/example` (a real target that CI builds and
/// tests) is exactly what the scaffold generates, so "the scaffold compiles and its test passes"
/// is checked by every CI run.
@Suite("gerbang adapter new")
struct AdapterNewCommandTests {
    /// The command that generated `Adapters/example` (also in docs/writing-an-adapter.md).
    static let exampleArguments = [
        "adapter", "new", "example", "--agency", "kemensos",
        "--consumes", "population.death.registered", "--consumes", "population.address.changed",
    ]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gerbang-scaffold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("regenerating the example gives the committed files byte for byte, and Package.swift declares them")
    func committedExampleIsTheScaffold() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try GerbangProcess.run(Self.exampleArguments + ["--output", directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        let scaffold = try AdapterScaffold(name: "example", agency: "kemensos",
                                           consumes: ["population.death.registered", "population.address.changed"])
        for file in scaffold.files {
            let generated = try String(contentsOf: directory.appendingPathComponent(file.path), encoding: .utf8)
            let committed = try String(contentsOf: Self.root.appendingPathComponent(file.path), encoding: .utf8)
            #expect(generated == committed, "\(file.path) differs from the scaffold; regenerate it with gerbang \(Self.exampleArguments.joined(separator: " ")) --force")
        }
        let package = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(package.contains(scaffold.packageSnippet))
        #expect(String(decoding: result.stdout, as: UTF8.self).contains(scaffold.packageSnippet))
    }

    @Test("--apply inserts the targets before the benchmarks mark; a second run refuses existing files")
    func applyAndRefuse() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifest = "let package = Package(\n    targets: [\n        .target(name: \"A\"),\n\n        // MARK: Benchmarks\n    ]\n)\n"
        try manifest.write(to: directory.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let arguments = ["adapter", "new", "death-watch", "--agency", "bpjs-kesehatan",
                         "--consumes", "population.death.registered", "--output", directory.path, "--apply"]
        let first = try GerbangProcess.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let edited = try String(contentsOf: directory.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(edited.contains("name: \"DeathWatchAdapter\""))
        #expect(edited.contains("name: \"death-watch-adapter\""))
        #expect(edited.range(of: "DeathWatchAdapterTests")!.lowerBound < edited.range(of: "// MARK: Benchmarks")!.lowerBound)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Config/adapters/death-watch.yaml").path))

        let again = try GerbangProcess.run(arguments)
        #expect(again.status == 1)
        #expect(again.stderr.contains("scaffold.file-exists"))
    }

    @Test("bad names, agencies and types are refused with their reason codes")
    func refusals() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (arguments, reason) in [
            (["adapter", "new", "Bad_Name", "--agency", "kemensos"], "scaffold.invalid-name"),
            (["adapter", "new", "ok", "--agency", "Kemensos!"], "scaffold.invalid-agency"),
            (["adapter", "new", "ok", "--agency", "kemensos", "--consumes", "population.unknown"], "scaffold.unknown-type"),
        ] {
            let result = try GerbangProcess.run(arguments + ["--output", directory.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains(reason), "\(result.stderr)")
        }
    }
}
