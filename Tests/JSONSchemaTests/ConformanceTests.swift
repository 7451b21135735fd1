import Foundation
import GerbangJSON
import JSONSchema
import Testing

/// Runs every required case of the official JSON-Schema-Test-Suite for draft 2020-12.
@Suite struct ConformanceTests {
    /// A compiler with the suite's remotes registered under `http://localhost:1234/`.
    static func compilerWithRemotes() throws -> SchemaCompiler {
        var compiler = SchemaCompiler()
        let remotes = TestData.testSuite.appendingPathComponent("remotes")
        let prefix = remotes.standardizedFileURL.path + "/"
        for file in TestData.jsonFiles(under: remotes) {
            let relative = String(file.standardizedFileURL.path.dropFirst(prefix.count))
            try compiler.addResource(try TestData.load(file), uri: "http://localhost:1234/" + relative)
        }
        return compiler
    }

    @Test func draft202012RequiredSuitePasses() throws {
        let compiler = try Self.compilerWithRemotes()
        let directory = TestData.testSuite.appendingPathComponent("tests/draft2020-12")
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        #expect(files.count >= 40, "the suite's draft2020-12 files are missing")
        var passed = 0
        var failures: [String] = []
        for file in files {
            guard case .array(let groups) = try TestData.load(file) else {
                Issue.record("\(file.lastPathComponent) is not an array of test groups")
                continue
            }
            for group in groups {
                guard case .object(let groupObject) = group, let schema = groupObject["schema"],
                    case .array(let cases)? = groupObject["tests"]
                else { continue }
                let groupName = groupObject["description"]?.stringValue ?? "?"
                let compiled: CompiledSchema
                do {
                    compiled = try compiler.compile(schema)
                } catch {
                    failures.append("\(file.lastPathComponent) / \(groupName): compile error \(error)")
                    continue
                }
                for testCase in cases {
                    guard case .object(let caseObject) = testCase, let data = caseObject["data"],
                        case .bool(let expected)? = caseObject["valid"]
                    else { continue }
                    let result = compiled.validate(data)
                    if result.isValid == expected && compiled.isValid(data) == expected
                        && result.errors.isEmpty == expected
                    {
                        passed += 1
                    } else {
                        let description = caseObject["description"]?.stringValue ?? "?"
                        failures.append(
                            "\(file.lastPathComponent) / \(groupName) / \(description): expected \(expected ? "valid" : "invalid"); errors: \(result.errors)")
                    }
                }
            }
        }
        print("JSON-Schema-Test-Suite draft2020-12: \(passed) passed, \(failures.count) failed")
        for failure in failures { print("  FAIL \(failure)") }
        #expect(failures.isEmpty)
        #expect(passed >= 1200)
    }
}
