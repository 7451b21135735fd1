#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GMP

extension BrokerLoop {
    /// Closes every adapter connection that has carried no session for `limits.hello-timeout-ms`:
    /// one that never said HELLO (whether or not it finished the CURVE handshake), and one whose
    /// session ended (heartbeat timeout, ERROR) without a new HELLO. Counted in
    /// `gerbang_connections_closed_total{reason="session.hello-timeout"}`.
    ///
    /// libzmq gives a ROUTER's owner no call to close one peer's connection, so the loop shuts the
    /// connection's socket down itself (`shutdown(2)` on the descriptor the monitor reported).
    /// `shutdown` does not release the descriptor ("The shutdown() call causes all or part of a
    /// full-duplex connection on the socket associated with sockfd to be shut down", shutdown(2));
    /// libzmq's I/O thread then reads end-of-file, ends the connection the way it ends one the
    /// peer closed (monitor `DISCONNECTED`), and closes the descriptor itself: libzmq stays its
    /// only owner. The monitor events queued so far are applied first, and the peer address is
    /// compared with the one read at the accept, so that a descriptor libzmq closed and reused for
    /// a new connection in the meantime is left alone.
    func closeIdleConnections() {
        let timeout = services.configuration.limits.helloTimeoutMilliseconds
        guard timeout > 0 else { return }
        drainMonitor()
        for (connection, peer) in connections.takeIdle(before: clock.now - .milliseconds(timeout)) {
            guard let peer, PeerAddress(descriptor: connection.descriptor) == peer else { continue }
            guard shutdown(connection.descriptor, Int32(SHUT_RDWR)) == 0 else { continue }
            services.metrics.connectionClosed(.sessionHelloTimeout)
            logger.info("connection closed: no session within the HELLO timeout",
                        metadata: ["reason": "\(ReasonCode.sessionHelloTimeout.rawValue)", "descriptor": "\(connection.descriptor)",
                                   "timeoutMs": "\(timeout)"])
        }
    }
}
