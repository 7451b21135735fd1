import Foundation

/// Runs `openssl speed` (the OpenSSL CLI, same library build) and reads its verify/s figure.
enum OpenSSLSpeed {
    /// Verifications per second reported by `openssl speed -seconds S <algorithm>`.
    ///
    /// The summary line looks like ` 256 bits ecdsa (nistp256)   0.0000s   0.0001s  41234.5  13456.7`
    /// (sign/s then verify/s last); `marker` picks the line (`nistp256`, `Ed25519`).
    static func verificationsPerSecond(algorithm: String, marker: String, seconds: Int) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "speed", "-seconds", String(seconds), algorithm]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n") where line.contains(marker) && !line.contains("Doing") {
            let numbers = line.split(separator: " ").compactMap { Double($0) }
            if let verify = numbers.last, numbers.count >= 2 { return verify }
        }
        struct Unparsed: Error, CustomStringConvertible { let description: String }
        throw Unparsed(description: "no `\(marker)` summary line in `openssl speed \(algorithm)` output:\n\(text)")
    }
}
