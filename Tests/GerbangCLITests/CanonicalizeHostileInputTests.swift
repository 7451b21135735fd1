import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The hostile-input acceptance point, end to end: the real binary answers each hostile file with
/// its reason code and exit status 1 — no crash, no hang — and its memory stays bounded.
@Suite("gerbang canonicalize: hostile input")
struct CanonicalizeHostileInputTests {
    static let tenMB = 10 * 1024 * 1024

    static func tenMegabyteString() -> [UInt8] {
        var document = [UInt8](repeating: UInt8(ascii: "x"), count: tenMB + 2)
        document[0] = UInt8(ascii: "\"")
        document[tenMB + 1] = UInt8(ascii: "\"")
        return document
    }

    /// The hostile documents, by name (built in the test so that the test log stays small).
    static func hostileDocument(_ name: String) -> [UInt8] {
        switch name {
        case "deep": [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        case "string-default", "string-roomy": tenMegabyteString()
        case "duplicate": Array(#"{"nik":"1","nik":"2"}"#.utf8)
        case "utf8": [0x7B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x3A, 0x31, 0x7D]  // {"<encoded U+D800>":1}
        default: [UInt8](repeating: UInt8(ascii: "9"), count: 1024 * 1024)  // "number"
        }
    }

    @Test(arguments: [
        ("deep", [String](), "json.too-deep"),
        ("string-default", [], "json.too-large"),
        ("string-roomy", ["--max-input-bytes", "33554432"], "json.string-too-long"),
        ("duplicate", [], "json.duplicate-key"),
        ("utf8", [], "json.invalid-utf8"),
        ("number", [], "json.number-too-long"),
    ])
    func hostileFileIsRejected(name: String, options: [String], reason: String) throws {
        let path = try temporaryFile(Self.hostileDocument(name), name: "\(name).json")
        let result = try GerbangProcess.run(["canonicalize"] + options + [path])
        #expect(result.status == 1, "\(name)")
        #expect(result.stdout.isEmpty, "\(name)")
        #expect(result.stderr.contains(reason), "\(name): \(result.stderr)")
        #expect(result.stderr.utf8.count < 1024, "the message does not echo the input")
    }

    #if canImport(Glibc)
    /// The peak resident set of the binary on the hostile files stays far below what copying
    /// (UTF-16, per-character arrays) or recursing over the input would need.
    @Test func peakMemoryIsBounded() throws {
        let string = try temporaryFile(Self.tenMegabyteString(), name: "memory-string.json")
        let deep = try temporaryFile([UInt8](repeating: UInt8(ascii: "["), count: 100_000), name: "memory-deep.json")
        for arguments in [[string], ["--max-input-bytes", "33554432", string], [deep]] {
            let (status, peakKiB) = try Self.runMeasuringPeakMemory(["canonicalize"] + arguments)
            #expect(status == 1)
            #expect(peakKiB < 96 * 1024, "peak RSS \(peakKiB / 1024) MiB for \(arguments)")
        }
    }

    /// Runs the binary with output discarded and returns its exit status and peak RSS in KiB,
    /// from `wait4`'s resource usage of exactly that child.
    static func runMeasuringPeakMemory(_ arguments: [String]) throws -> (status: Int32, peakKiB: Int) {
        let path = GerbangProcess.binary.path
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&fileActions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &fileActions, nil, argv, environ)
        try #require(spawned == 0, "posix_spawn failed: \(spawned)")
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
        return (exitStatus, usage.ru_maxrss)  // ru_maxrss is in KiB on Linux
    }
    #endif
}
