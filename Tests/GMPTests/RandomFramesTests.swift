import GMP
import Testing

/// Property-style tests: random and mutated frames never trap the decoder; whatever decodes
/// re-encodes to exactly the same frames (the encoding is canonical); whatever fails, fails with
/// a `protocol.*` reason code. Counts are bounded and seeds fixed, so failures reproduce.
@Suite("GMP/1 random input")
struct RandomFramesTests {
    static let limits = GMPLimits(maxFrames: 12, maxFrameBytes: 96, maxEventsPerPublish: 4, maxSubscriptions: 4)

    /// Decodes `frames`; checks the properties; returns whether it decoded.
    @discardableResult
    static func check(_ frames: [[UInt8]], limits: GMPLimits = limits) -> Bool {
        do {
            let message = try GMPMessage(decoding: frames, limits: limits)
            if !containsUnrecognizedReason(message) {
                #expect(try message.encode() == frames, "re-encoding \(message) changed the bytes")
            }
            return true
        } catch {
            #expect(error.category == "protocol", "\(error)")
            if let frame = error.frameIndex {
                #expect(frame >= 0 && frame <= frames.count)
            }
            return false
        }
    }

    static func randomFrame(_ rng: inout SplitMix64, header: Bool) -> [UInt8] {
        let length = Int.random(in: 0...24, using: &rng)
        var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
        if header && Bool.random(using: &rng) {
            // Mostly valid prefixes, so that the generator reaches the field rules.
            let command = GMPCommand.allCases.randomElement(using: &rng)!
            bytes = [0x47, 0x4D, 0x50, 0x01, command.rawValue] + Array(bytes.prefix(command.headerLength - 5))
        }
        if !header && Bool.random(using: &rng) {
            let alphabet = Array("abcz09.-_ A\u{00}".utf8)
            bytes = bytes.map { _ in alphabet.randomElement(using: &rng)! }
        }
        return bytes
    }

    @Test("50,000 random messages decode or fail with a protocol reason")
    func randomMessages() {
        var rng = SplitMix64(seed: 0x474D_5031)
        var decoded = 0
        for _ in 0..<50_000 {
            let count = Int.random(in: 0...8, using: &rng)
            let frames = (0..<count).map { Self.randomFrame(&rng, header: $0 == 0) }
            if Self.check(frames) { decoded += 1 }
        }
        // The generator reaches well-formed messages too, not only the first checks.
        #expect(decoded > 100)
    }

    @Test("20,000 mutations of the valid vectors decode or fail with a protocol reason")
    func mutatedVectors() throws {
        let vectors = try VectorFile<ValidVector>.load("valid.json").map(\.frameBytes)
        try #require(!vectors.isEmpty)
        var rng = SplitMix64(seed: 0x5645_4354)
        let limits = GMPLimits.default
        for _ in 0..<20_000 {
            var frames = vectors.randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                mutate(&frames, &rng)
            }
            Self.check(frames, limits: limits)
        }
    }

    func mutate(_ frames: inout [[UInt8]], _ rng: inout SplitMix64) {
        guard !frames.isEmpty else {
            frames.append([0x47, 0x4D, 0x50, 0x01])
            return
        }
        let index = Int.random(in: 0..<frames.count, using: &rng)
        switch Int.random(in: 0..<7, using: &rng) {
        case 0 where !frames[index].isEmpty:
            let position = Int.random(in: 0..<frames[index].count, using: &rng)
            frames[index][position] ^= UInt8(1) << UInt8.random(in: 0...7, using: &rng)
        case 1:
            frames[index] = Array(frames[index].prefix(Int.random(in: 0...frames[index].count, using: &rng)))
        case 2:
            frames[index].append(UInt8.random(in: 0...255, using: &rng))
        case 3:
            frames.remove(at: index)
        case 4:
            frames.insert(frames[index], at: index)
        case 5 where !frames[index].isEmpty:
            let position = Int.random(in: 0..<frames[index].count, using: &rng)
            frames[index][position] = [0x00, 0x80, 0xC0, 0xED, 0xF4, 0xFF].randomElement(using: &rng)!
        default:
            frames.append([])
        }
    }
}

extension GMPProtocolError {
    /// The reason's category.
    var category: Substring { reason.category }
}

@Suite("GMP/1 UTF-8 validation")
struct UTF8ValidationTests {
    @Test("text fields accept exactly the byte strings that the standard library accepts as UTF-8")
    func agreesWithStandardLibrary() throws {
        guard #available(macOS 15, *) else { return }
        var rng = SplitMix64(seed: 0x5554_4638)
        // Lead bytes, continuation bytes and their edges, so that the generator hits every row of
        // Unicode's table 3-7 and its boundaries.
        let alphabet: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var accepted = 0
        for _ in 0..<100_000 {
            let bytes = (0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let frames: [[UInt8]] = [[0x47, 0x4D, 0x50, 0x01, 0x05], Array("broker.internal".utf8), bytes]
            let decodes = (try? GMPMessage(decoding: frames)) != nil
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect(decodes == valid, "\(bytes)")
            if valid { accepted += 1 }
        }
        #expect(accepted > 1000)
    }
}
