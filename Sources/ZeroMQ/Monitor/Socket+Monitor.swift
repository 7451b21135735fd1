import CZeroMQ
import Foundation

extension Socket {
    /// The default number of unconsumed monitor events kept (the newest win).
    public static let defaultMonitorBufferLimit = 1024
    /// How often a monitor thread checks whether its stream's consumer has gone.
    static let monitorStopCheckIntervalMilliseconds: Int32 = 100

    /// Starts monitoring this socket and returns its events as an `AsyncStream`.
    ///
    /// libzmq publishes the events on an `inproc://` PAIR (`zmq_socket_monitor`); a thread the
    /// binding owns receives them, parses them into ``MonitorEvent``s and yields them. The stream
    /// always ends with ``MonitorEvent/Kind/monitorStopped`` (subscribed whatever `kinds` says),
    /// which libzmq sends when this socket is closed or monitored again; the thread ends with it.
    /// If the consumer stops iterating first, the thread ends within
    /// ``monitorStopCheckIntervalMilliseconds``. Returns once the monitor is connected, so no event
    /// after this call is lost. Call it on the thread that owns the socket, like any socket call.
    ///
    /// - Parameters:
    ///   - kinds: the events wanted (default all).
    ///   - bufferLimit: events kept while nobody consumes them; older ones are dropped
    ///     (default ``defaultMonitorBufferLimit``).
    public func monitor(
        _ kinds: MonitorEvent.Kinds = .all, bufferLimit: Int = Socket.defaultMonitorBufferLimit
    ) throws(ZMQError) -> AsyncStream<MonitorEvent> {
        let endpoint = "inproc://gerbang.monitor.\(UUID().uuidString)"
        let pointer = self.pointer
        // MONITOR_STOPPED is always subscribed: it is how the monitor thread learns to end.
        let subscribed = kinds.union(MonitorEvent.Kinds(.monitorStopped))
        try zmqCall("zmq_socket_monitor") { zmq_socket_monitor(pointer, endpoint, subscribed.rawValue) }
        let (stream, continuation) = AsyncStream.makeStream(
            of: MonitorEvent.self, bufferingPolicy: .bufferingNewest(bufferLimit))
        let consumerGone = LockedValue(false)
        continuation.onTermination = { _ in consumerGone.withLock { $0 = true } }
        let handle = contextHandle
        do throws(ZMQError) {
            _ = try IOThread.startAfterSetUp(name: "zmq.monitor") { setUp in
                let receiver: Socket
                do throws(ZMQError) {
                    receiver = try Socket(.pair, handle: handle, context: nil, defaults: SocketDefaults(lingerMilliseconds: 0))
                    try receiver.set(.receiveTimeoutMilliseconds, Self.monitorStopCheckIntervalMilliseconds)
                    try receiver.connect(endpoint)
                } catch {
                    setUp.failed(error)
                    return
                }
                setUp.succeeded()
                Self.forwardEvents(from: receiver, to: continuation, until: consumerGone)
            }
        } catch {
            continuation.finish()
            _ = zmq_socket_monitor(pointer, nil, 0)
            throw error
        }
        return stream
    }

    private static func forwardEvents(
        from receiver: Socket, to continuation: AsyncStream<MonitorEvent>.Continuation,
        until consumerGone: LockedValue<Bool>
    ) {
        defer { continuation.finish() }
        let header = Message()
        let endpoint = Message()
        while !consumerGone.current {
            do throws(ZMQError) {
                try receiver.receive(into: header)
                guard header.hasMore else { continue }
                try receiver.receive(into: endpoint)
            } catch where error.wouldBlock {
                continue
            } catch {
                return
            }
            guard let event = MonitorEvent.parse(header, endpoint) else { continue }
            continuation.yield(event)
            if event.kind == .monitorStopped { return }
        }
    }
}
