import CZeroMQ

extension Socket {
    /// Sends one frame, copying `bytes` into a libzmq message (`zmq_send`).
    ///
    /// On a ROUTER the first frame is the destination routing id; an unknown or gone peer fails with
    /// ``ZMQError/Reason/hostUnreachable``, a full one with ``ZMQError/Reason/wouldBlock`` (after
    /// the send timeout, or at once with ``SendFlags/dontWait``).
    public func send(_ bytes: UnsafeRawBufferPointer, flags: SendFlags = []) throws(ZMQError) {
        let pointer = self.pointer
        try zmqCall("zmq_send") { zmq_send(pointer, bytes.baseAddress, bytes.count, flags.rawValue) }
    }

    /// Sends one frame holding `bytes`.
    public func send(_ bytes: [UInt8], flags: SendFlags = []) throws(ZMQError) {
        let pointer = self.pointer
        try zmqCall("zmq_send") {
            bytes.withUnsafeBytes { zmq_send(pointer, $0.baseAddress, $0.count, flags.rawValue) }
        }
    }

    /// Sends one frame holding the UTF-8 bytes of `text`.
    public func send(_ text: String, flags: SendFlags = []) throws(ZMQError) {
        try send(Array(text.utf8), flags: flags)
    }

    /// Sends `message` without copying its bytes; libzmq takes its content, leaving it empty
    /// (`zmq_msg_send`).
    public func send(_ message: Message, flags: SendFlags = []) throws(ZMQError) {
        let pointer = self.pointer
        try zmqCall("zmq_msg_send") { zmq_msg_send(message.pointer, pointer, flags.rawValue) }
    }

    /// Sends a multipart message: every frame but the last carries ``SendFlags/sendMore``.
    /// libzmq delivers the frames all together or not at all. `flags` (e.g. ``SendFlags/dontWait``)
    /// apply to every frame.
    public func send(multipart frames: [[UInt8]], flags: SendFlags = []) throws(ZMQError) {
        for (index, frame) in frames.enumerated() {
            let more: SendFlags = index == frames.count - 1 ? [] : .sendMore
            try send(frame, flags: flags.union(more))
        }
    }

    /// Sends received frames on, without copying their bytes (`zmq_msg_send` per frame; each
    /// `Message` is left empty). This is how a broker forwards a message between sockets.
    public func send(multipart frames: [Message], flags: SendFlags = []) throws(ZMQError) {
        for (index, frame) in frames.enumerated() {
            let more: SendFlags = index == frames.count - 1 ? [] : .sendMore
            try send(frame, flags: flags.union(more))
        }
    }
}
