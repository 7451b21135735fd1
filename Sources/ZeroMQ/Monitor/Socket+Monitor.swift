import CZeroMQ
import Foundation

extension Socket {
    /// The default number of unconsumed monitor events kept (the newest win).
    public static let defaultMonitorBufferLimit = 1024
    /// How often a monitor thread checks whether its consumer has gone.
    static let monitorStopCheckIntervalMilliseconds: Int32 = 100

    /// Starts monitoring this socket and returns its events as an `AsyncStream`.
    ///
    /// Built on ``monitor(_:handler:)``: the monitor thread yields each event into the stream.
    /// The stream always ends with ``MonitorEvent/Kind/monitorStopped``, which libzmq sends when
    /// this socket is closed or monitored again. If the consumer stops iterating first, the thread
    /// ends within ``monitorStopCheckIntervalMilliseconds``.
    ///
    /// - Parameters:
    ///   - kinds: the events wanted (default all).
    ///   - bufferLimit: events kept while nobody consumes them; older ones are dropped
    ///     (default ``defaultMonitorBufferLimit``).
    public func monitor(
        _ kinds: MonitorEvent.Kinds = .all, bufferLimit: Int = Socket.defaultMonitorBufferLimit
    ) throws(ZMQError) -> AsyncStream<MonitorEvent> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: MonitorEvent.self, bufferingPolicy: .bufferingNewest(bufferLimit))
        let consumerGone = LockedValue(false)
        continuation.onTermination = { _ in consumerGone.withLock { $0 = true } }
        do throws(ZMQError) {
            try startMonitorThread(
                kinds, shouldStop: { consumerGone.current },
                deliver: { continuation.yield($0) }, finished: { continuation.finish() })
        } catch {
            continuation.finish()
            throw error
        }
        return stream
    }

    /// Starts monitoring this socket and calls `handler` with each event, on the monitor thread,
    /// in order. The last call is always ``MonitorEvent/Kind/monitorStopped`` (subscribed whatever
    /// `kinds` says), sent by libzmq when this socket is closed or monitored again; the thread ends
    /// after it.
    ///
    /// libzmq publishes the events on an `inproc://` PAIR (`zmq_socket_monitor`); a thread the
    /// binding owns receives and parses them. Returns once that PAIR is connected, so no event
    /// after this call is lost. Call it on the thread that owns the socket, like any socket call.
    /// `handler` should be quick: while it runs, further events queue in libzmq.
    public func monitor(
        _ kinds: MonitorEvent.Kinds = .all, handler: @escaping @Sendable (MonitorEvent) -> Void
    ) throws(ZMQError) {
        try startMonitorThread(kinds, shouldStop: { false }, deliver: handler, finished: {})
    }

    private func startMonitorThread(
        _ kinds: MonitorEvent.Kinds, shouldStop: @escaping @Sendable () -> Bool,
        deliver: @escaping @Sendable (MonitorEvent) -> Void, finished: @escaping @Sendable () -> Void
    ) throws(ZMQError) {
        let endpoint = "inproc://gerbang.monitor.\(UUID().uuidString)"
        let pointer = self.pointer
        // MONITOR_STOPPED is always subscribed: it is how the monitor thread learns to end.
        let subscribed = kinds.union(MonitorEvent.Kinds(.monitorStopped))
        try zmqCall("zmq_socket_monitor") { zmq_socket_monitor(pointer, endpoint, subscribed.rawValue) }
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
                Self.forwardEvents(from: receiver, until: shouldStop, to: deliver)
                finished()
            }
        } catch {
            _ = zmq_socket_monitor(pointer, nil, 0)
            throw error
        }
    }

    private static func forwardEvents(
        from receiver: Socket, until shouldStop: () -> Bool, to deliver: (MonitorEvent) -> Void
    ) {
        let header = Message()
        let endpoint = Message()
        while !shouldStop() {
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
            deliver(event)
            if event.kind == .monitorStopped { return }
        }
    }
}
