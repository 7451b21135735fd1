/// The byte layout the GMP fuzz target reads a multipart message from (docs/fuzzing.md).
///
/// `[options] ([length: UInt16 big-endian] [length bytes])*`: the first byte selects the sender
/// role and the limits (see ``fuzzGMP(_:)``); then each frame is its length in two bytes and its
/// bytes. A last frame whose length runs past the end takes the bytes that remain, and a single
/// trailing byte is an empty frame, so every input is a message.
public enum FuzzFrames {
    /// Splits `bytes` (without the options byte) into frames.
    public static func split(_ bytes: UnsafeRawBufferPointer.SubSequence) -> [[UInt8]] {
        var frames: [[UInt8]] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes.endIndex - index >= 2 else {
                frames.append([])
                break
            }
            let length = Int(bytes[index]) << 8 | Int(bytes[index + 1])
            let start = index + 2
            let end = min(start + length, bytes.endIndex)
            frames.append(Array(bytes[start..<end]))
            index = end
        }
        return frames
    }

    /// Lays out `frames` after the `options` byte; the inverse of ``split(_:)`` for frames of at
    /// most 65,535 bytes (used to make seed inputs).
    public static func join(_ frames: [[UInt8]], options: UInt8 = 0) -> [UInt8] {
        var bytes: [UInt8] = [options]
        for frame in frames {
            let length = min(frame.count, Int(UInt16.max))
            bytes.append(UInt8(length >> 8))
            bytes.append(UInt8(length & 0xff))
            bytes.append(contentsOf: frame.prefix(length))
        }
        return bytes
    }
}
