import GMP
import ZeroMQ

extension BrokerLoop {
    /// Receives one multipart message without waiting: the routing id and at most
    /// `max_frames + 1` GMP frames; further frames are read and dropped, so that the decoder
    /// still sees more than `max_frames` and the peer gets ERROR `protocol.too-many-frames`.
    func receiveMessage() throws(ZMQError) -> [Message] {
        let keep = limits.maxFrames + 2
        var frames = [try router.receive(flags: .dontWait)]
        while frames[frames.count - 1].hasMore && frames.count < keep {
            frames.append(try router.receive())
        }
        if frames[frames.count - 1].hasMore {
            let dropped = Message()
            repeat { try router.receive(into: dropped) } while dropped.hasMore
        }
        return frames
    }

    /// Applies every monitor event queued so far: ACCEPTED counts a connection on its descriptor
    /// (idle until a session opens on it, with its peer address); DISCONNECTED marks the sessions of the routing ids bound to it to be ended once the
    /// messages they sent before closing have been read (``endDisconnectedSessions()``).
    func drainMonitor() {
        guard let monitor else { return }
        while true {
            let event: MonitorEvent?
            do {
                event = try MonitorEvent.receive(from: monitor)
            } catch {
                logger.error("monitor receive failed", metadata: ["error": "\(error.reason.rawValue)"])
                return
            }
            guard let event else { break }
            logger.debug("connection event", metadata: ["event": "\(event.kind)", "descriptor": "\(event.value)"])
            switch event.kind {
            case .accepted:
                let descriptor = Int32(bitPattern: event.value)
                connections.accepted(descriptor: descriptor, peer: PeerAddress(descriptor: descriptor), at: clock.now)
            case .disconnected:
                disconnectedPeers += connections.disconnected(descriptor: Int32(bitPattern: event.value))
            default:
                break
            }
        }
        services.metrics.setOpenConnections(connections.openCount)
    }

    /// Ends the sessions whose connection the monitor reported closed, and forgets what the loop
    /// kept for those peers.
    func endDisconnectedSessions() {
        guard !disconnectedPeers.isEmpty else { return }
        for routingID in disconnectedPeers {
            outbound.removeValue(forKey: routingID)
            lastErrorSent.removeValue(forKey: routingID)
            if let session = sessions[routingID] { end(session, reason: .sessionDisconnected) }
        }
        disconnectedPeers.removeAll()
    }
}
