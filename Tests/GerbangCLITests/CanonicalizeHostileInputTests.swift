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

    /// Runs the binary with output discarded and returns its exit status and peak RSS in KiB.
    ///
    /// The child is started by a small Python process with a real `fork` + `execv`, and its
    /// `wait4` resource usage is read there. Spawning it from the test process itself would not
    /// measure the binary: glibc's `posix_spawn` uses `CLONE_VM`, and Linux carries the high-water
    /// RSS of the pre-exec address space (here, the whole test process) into `ru_maxrss`.
    static func runMeasuringPeakMemory(_ arguments: [String]) throws -> (status: Int32, peakKiB: Int) {
        let script = """
            import os, sys
            pid = os.fork()
            if pid == 0:
                null = os.open("/dev/null", os.O_WRONLY)
                os.dup2(null, 1); os.dup2(null, 2)
                os.execv(sys.argv[1], sys.argv[1:])
            _, status, usage = os.wait4(pid, 0)
            print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, GerbangProcess.binary.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(separator: " ")
        let measured = fields.count == 2 ? (Int32(fields[0]), Int(fields[1].trimmingCharacters(in: .whitespacesAndNewlines))) : (nil, nil)
        let status = try #require(measured.0, "measuring helper printed \(String(decoding: data, as: UTF8.self))")
        let peak = try #require(measured.1)
        return (status, peak)  // ru_maxrss is in KiB on Linux
    }
    #endif
}
