import CZeroMQ
import Foundation

extension Socket {
    /// Starts monitoring this socket and returns the receiving end of the monitor: a PAIR socket
    /// owned by the calling thread, to be polled next to this socket (``Poller``) and read with
    /// ``MonitorEvent/receive(from:)``.
    ///
    /// Unlike ``monitor(_:handler:)`` no thread is involved, so the owner of both sockets decides
    /// the order in which it reads them: a receive with ``ReceiveFlags/dontWait`` returns every
    /// event libzmq queued before the call. libzmq's I/O thread sends the events; the caller must
    /// read them promptly (poll the returned socket), or they queue up to the PAIR's high-water
    /// mark. Call it on the thread that owns this socket, like any socket call; the returned socket
    /// is not `Sendable` either.
    ///
    /// - Parameters:
    ///   - kinds: the events wanted. ``MonitorEvent/Kind/monitorStopped`` is always subscribed
    ///     (the last event, when this socket closes).
    ///   - receiveHighWaterMark: events the returned socket queues beyond libzmq's own 1000
    ///     (default 100,000; each is a few dozen bytes).
    public func monitorSocket(_ kinds: MonitorEvent.Kinds, receiveHighWaterMark: Int32 = 100_000) throws(ZMQError) -> Socket {
        let endpoint = "inproc://gerbang.monitor.\(UUID().uuidString)"
        let pointer = self.pointer
        let subscribed = kinds.union(MonitorEvent.Kinds(.monitorStopped))
        try zmqCall("zmq_socket_monitor") { zmq_socket_monitor(pointer, endpoint, subscribed.rawValue) }
        do throws(ZMQError) {
            let receiver = try Socket(.pair, handle: contextHandle, context: nil, defaults: SocketDefaults(lingerMilliseconds: 0))
            // libzmq sends events with a blocking send from its I/O thread: a full pipe would stall
            // that thread until the owner reads. An inproc pipe holds the sender's SNDHWM (1000)
            // plus the receiver's RCVHWM, so this leaves room for bursts of connections.
            try receiver.set(.receiveHighWaterMark, receiveHighWaterMark)
            try receiver.connect(endpoint)
            return receiver
        } catch {
            _ = zmq_socket_monitor(pointer, nil, 0)
            throw error
        }
    }
}

extension MonitorEvent {
    /// Receives one event from a monitor socket made by ``Socket/monitorSocket(_:)``: `nil` when
    /// none is waiting (with the default ``ReceiveFlags/dontWait``) or the frames do not form an
    /// event libzmq 4.3 defines (skipped).
    public static func receive(from monitor: Socket, flags: ReceiveFlags = .dontWait) throws(ZMQError) -> MonitorEvent? {
        let header = Message()
        do throws(ZMQError) {
            try monitor.receive(into: header, flags: flags)
        } catch where error.wouldBlock {
            return nil
        }
        guard header.hasMore else { return nil }
        let endpoint = Message()
        try monitor.receive(into: endpoint)
        if endpoint.hasMore {
            // Not a libzmq 4.3 event (two frames): skip the rest of the message.
            let rest = Message()
            repeat { try monitor.receive(into: rest) } while rest.hasMore
            return nil
        }
        return parse(header, endpoint)
    }
}
