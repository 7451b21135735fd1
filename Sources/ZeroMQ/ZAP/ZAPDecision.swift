/// What a ZAP authorizer answers for one connecting peer.
public enum ZAPDecision: Sendable, Equatable {
    /// Let the peer in (ZAP status 200). `userID` becomes the `User-Id` property that the receiving
    /// side reads on every message from this peer (``Message/userID``).
    case allow(userID: String)
    /// Refuse the peer (ZAP status 400); the handshake fails and none of its messages arrive.
    /// `reason` is the status text (do not put secrets in it: libzmq may pass it to the peer's logs).
    case deny(reason: String)
}

/// Decides one ZAP request. Runs on the context's ZAP handler thread, one request at a time.
public typealias ZAPAuthorizer = @Sendable (ZAPRequest) -> ZAPDecision
