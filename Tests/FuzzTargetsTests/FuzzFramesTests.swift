import FuzzTargets
import Testing

/// The GMP target's frame layout (``FuzzFrames``).
@Suite("Fuzz frame layout")
struct FuzzFramesTests {
    @Test("join and split are inverse")
    func roundTrip() {
        let frames: [[UInt8]] = [Array("GMP\u{1}\u{3}".utf8), [], Array(repeating: 0x41, count: 300), [0]]
        let bytes = FuzzFrames.join(frames, options: 5)
        #expect(bytes.first == 5)
        let split = bytes.withUnsafeBytes { FuzzFrames.split($0.dropFirst()) }
        #expect(split == frames)
    }

    @Test("a length past the end takes the rest, a lone trailing byte is an empty frame")
    func truncatedInput() {
        let split = ([0, 0, 9, 1, 2, 0, 1, 7, 0x42] as [UInt8]).withUnsafeBytes { FuzzFrames.split($0.dropFirst()) }
        #expect(split == [[1, 2, 0, 1, 7, 0x42]])
        let trailing = ([0, 0, 1, 9, 3] as [UInt8]).withUnsafeBytes { FuzzFrames.split($0.dropFirst()) }
        #expect(trailing == [[9], []])
    }

    @Test("a valid message decodes, a broken one is refused")
    func outcomes() {
        // HEARTBEAT: "GMP", version 1, command 3.
        #expect(FuzzTarget.gmp.run(FuzzFrames.join([[0x47, 0x4d, 0x50, 0x01, 0x03]])) == .accepted)
        #expect(FuzzTarget.gmp.run(FuzzFrames.join([[0x47, 0x4d, 0x51, 0x01, 0x03]])) == .rejected)
        #expect(FuzzTarget.gmp.run([]) == .rejected)
    }
}
