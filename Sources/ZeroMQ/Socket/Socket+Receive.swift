import CZeroMQ

extension Socket {
    /// The default limit on frames per multipart message in ``receiveMultipart(flags:maximumFrames:)``.
    public static let defaultMaximumFrames = 64

    /// Receives one frame into `message`, replacing its previous content (no allocation when the
    /// message is reused). Returns the frame's size in bytes.
    ///
    /// Blocks until a frame arrives or the receive timeout expires
    /// (``ZMQError/Reason/wouldBlock``); with ``ReceiveFlags/dontWait`` fails at once when empty.
    @discardableResult
    public func receive(into message: Message, flags: ReceiveFlags = []) throws(ZMQError) -> Int {
        let pointer = self.pointer
        return Int(try zmqCall("zmq_msg_recv") { zmq_msg_recv(message.pointer, pointer, flags.rawValue) })
    }

    /// Receives one frame into a new ``Message``.
    public func receive(flags: ReceiveFlags = []) throws(ZMQError) -> Message {
        let message = Message()
        try receive(into: message, flags: flags)
        return message
    }

    /// Receives every frame of one multipart message. libzmq delivers multipart messages
    /// atomically, so once the first frame is there the rest are too; `flags` apply to the first.
    ///
    /// - Parameter maximumFrames: a message with more frames is drained and refused with
    ///   ``ZMQError/Reason/tooManyFrames`` (default ``defaultMaximumFrames``).
    public func receiveMultipart(
        flags: ReceiveFlags = [], maximumFrames: Int = Socket.defaultMaximumFrames
    ) throws(ZMQError) -> [Message] {
        var frames = [try receive(flags: flags)]
        while frames[frames.count - 1].hasMore {
            let frame = try receive()
            if frames.count < maximumFrames {
                frames.append(frame)
                continue
            }
            while frame.hasMore { try receive(into: frame) }
            throw ZMQError(
                reason: .tooManyFrames, call: "Socket.receiveMultipart",
                message: "a multipart message had more than \(maximumFrames) frames; it was discarded")
        }
        return frames
    }
}
