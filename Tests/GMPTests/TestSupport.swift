import Foundation
import GMP

/// Paths of files the tests read, found from this file's location.
enum TestPaths {
    /// The repository root.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // GMPTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Tests/GMPTests/Vectors/<name>`.
    static func vector(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/GMPTests/Vectors/\(name)")
    }
}

/// Hexadecimal conversion for vectors.
enum Hex {
    static func decode(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: digit - 0x30
        case 0x61...0x66: digit - 0x61 + 10
        default: nil
        }
    }
}

/// A deterministic pseudo-random generator (SplitMix64), so that the property tests are
/// reproducible from their seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Whether a decoded message carries a reason code that decoded to `.unrecognized` (such a
/// message does not re-encode to the same bytes).
func containsUnrecognizedReason(_ message: GMPMessage) -> Bool {
    switch message {
    case .bye(let bye): bye.reason == .unrecognized
    case .error(let error): error.reason == .unrecognized
    case .rejected(let rejected): rejected.reason == .unrecognized
    default: false
    }
}
