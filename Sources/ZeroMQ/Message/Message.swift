import CZeroMQ

/// One message frame, owning a libzmq `zmq_msg_t`.
///
/// Received bytes stay in libzmq's buffer: ``withUnsafeBytes(_:)`` lends them without copying.
/// A `Message` can be reused: receiving into it again releases the previous content
/// ("any content previously stored in msg shall be properly deallocated", zmq_msg_recv(3)), which
/// is how a receive loop avoids allocating per frame.
///
/// Metadata such as the ZAP `User-Id` is read with ``gets(_:)`` while the message is alive — the
/// string libzmq returns points into the message ("the string ... shall not be modified or freed
/// by the caller"; it lives as long as the message), so `gets` copies it into a Swift `String`.
///
/// `Message` is not `Sendable`: it is mutable C state. Copy ``bytes`` to hand content to another
/// thread.
public final class Message {
    /// Heap storage for the `zmq_msg_t`, so its address never moves (small messages keep their
    /// bytes inside the struct itself).
    let pointer: UnsafeMutablePointer<zmq_msg_t>

    /// An empty message, ready to receive into.
    public init() {
        pointer = .allocate(capacity: 1)
        zmq_msg_init(pointer)  // "The function ... shall not fail" (zmq_msg_init(3))
    }

    /// A message holding a copy of `bytes`, ready to send.
    public init(_ bytes: some Collection<UInt8>) throws(ZMQError) {
        pointer = .allocate(capacity: 1)
        let pointer = self.pointer
        do throws(ZMQError) {
            try zmqCall("zmq_msg_init_size") { zmq_msg_init_size(pointer, bytes.count) }
        } catch {
            zmq_msg_init(pointer)  // leave a valid empty message for deinit to close
            throw error
        }
        let destination = UnsafeMutableRawBufferPointer(start: zmq_msg_data(pointer), count: bytes.count)
        destination.copyBytes(from: bytes)
    }

    deinit {
        zmq_msg_close(pointer)
        pointer.deallocate()
    }

    /// The number of bytes in the frame.
    public var count: Int { zmq_msg_size(pointer) }

    /// Whether more frames of the same multipart message follow this one.
    public var hasMore: Bool { zmq_msg_more(pointer) != 0 }

    /// Lends the frame's bytes to `body` without copying. The buffer is valid only during `body`.
    public func withUnsafeBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(start: zmq_msg_data(pointer), count: zmq_msg_size(pointer)))
    }

    /// A copy of the frame's bytes.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// The frame decoded as UTF-8 (invalid sequences become U+FFFD).
    public var string: String { withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }

    /// A metadata property of the connection the message came from (`zmq_msg_gets`), e.g.
    /// `"User-Id"` (set by the ZAP handler), `"Peer-Address"`, `"Socket-Type"`, `"Routing-Id"`.
    /// `nil` when the property is not set for this message.
    public func gets(_ property: String) -> String? {
        guard let value = zmq_msg_gets(pointer, property) else { return nil }
        return String(cString: value)
    }

    /// The identity the ZAP handler assigned to the sending peer (`gets("User-Id")`).
    public var userID: String? { gets("User-Id") }
}

@available(*, unavailable, message: "a zmq_msg_t is mutable C state; copy its bytes to share them")
extension Message: Sendable {}
