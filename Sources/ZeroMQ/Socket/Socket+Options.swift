import CZeroMQ

extension Socket {
    /// Sets an integer option (high-water marks, timeouts, heartbeats, linger).
    public func set(_ option: SocketOption<Int32>, _ value: Int32) throws(ZMQError) {
        var value = value
        try setRaw(option.code, &value, MemoryLayout<Int32>.size)
    }

    /// Sets a 64-bit option (maximum message size).
    public func set(_ option: SocketOption<Int64>, _ value: Int64) throws(ZMQError) {
        var value = value
        try setRaw(option.code, &value, MemoryLayout<Int64>.size)
    }

    /// Sets a boolean option (ROUTER_MANDATORY, IMMEDIATE, CURVE_SERVER).
    public func set(_ option: SocketOption<Bool>, _ value: Bool) throws(ZMQError) {
        var flag: Int32 = value ? 1 : 0
        try setRaw(option.code, &flag, MemoryLayout<Int32>.size)
    }

    /// Sets a binary option (routing id, subscriptions, CURVE keys).
    public func set(_ option: SocketOption<[UInt8]>, _ value: [UInt8]) throws(ZMQError) {
        let pointer = self.pointer
        try zmqCall("zmq_setsockopt") {
            value.withUnsafeBytes { zmq_setsockopt(pointer, option.code, $0.baseAddress, $0.count) }
        }
    }

    /// Sets a text option (ZAP domain).
    public func set(_ option: SocketOption<String>, _ value: String) throws(ZMQError) {
        try set(SocketOption<[UInt8]>(code: option.code, name: option.name), Array(value.utf8))
    }

    /// Reads an integer option.
    public func get(_ option: SocketOption<Int32>) throws(ZMQError) -> Int32 {
        var value: Int32 = 0
        try getRaw(option.code, &value, MemoryLayout<Int32>.size)
        return value
    }

    /// Reads a 64-bit option.
    public func get(_ option: SocketOption<Int64>) throws(ZMQError) -> Int64 {
        var value: Int64 = 0
        try getRaw(option.code, &value, MemoryLayout<Int64>.size)
        return value
    }

    /// Reads a boolean option.
    public func get(_ option: SocketOption<Bool>) throws(ZMQError) -> Bool {
        var value: Int32 = 0
        try getRaw(option.code, &value, MemoryLayout<Int32>.size)
        return value != 0
    }

    /// Reads a binary option (at most 256 bytes, the largest libzmq stores for these).
    public func get(_ option: SocketOption<[UInt8]>) throws(ZMQError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 256)
        var size = buffer.count
        let pointer = self.pointer
        try zmqCall("zmq_getsockopt") {
            buffer.withUnsafeMutableBytes { zmq_getsockopt(pointer, option.code, $0.baseAddress, &size) }
        }
        return Array(buffer.prefix(size))
    }

    /// Reads a text option; libzmq includes the terminating NUL, which is dropped.
    public func get(_ option: SocketOption<String>) throws(ZMQError) -> String {
        var bytes = try get(SocketOption<[UInt8]>(code: option.code, name: option.name))
        if bytes.last == 0 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func setRaw(_ code: Int32, _ value: UnsafeRawPointer, _ size: Int) throws(ZMQError) {
        let pointer = self.pointer
        try zmqCall("zmq_setsockopt") { zmq_setsockopt(pointer, code, value, size) }
    }

    private func getRaw(_ code: Int32, _ value: UnsafeMutableRawPointer, _ size: Int) throws(ZMQError) {
        var size = size
        let pointer = self.pointer
        try zmqCall("zmq_getsockopt") { zmq_getsockopt(pointer, code, value, &size) }
    }
}
