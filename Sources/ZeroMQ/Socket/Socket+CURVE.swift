import CZeroMQ

extension Socket {
    /// Makes this socket a CURVE server with `secretKey`: peers must know the matching public key,
    /// and the context's ZAP handler decides which client keys get in (see
    /// ``Context/startZAPHandler(logger:authorizer:)``). Call before ``bind(_:)``, which refuses a
    /// CURVE server while no ZAP handler runs.
    ///
    /// - Parameter zapDomain: the domain the ZAP handler sees in each request (default `"gerbang"`).
    public func makeCurveServer(secretKey: CurveSecretKey, zapDomain: String = "gerbang") throws(ZMQError) {
        try set(.curveServer, true)
        try set(.curveSecretKey, secretKey.bytes)
        try set(.zapDomain, zapDomain)
    }

    /// Makes this socket a CURVE client that proves `keyPair` and accepts only a server holding the
    /// secret of `serverKey`. Call before ``connect(_:)``.
    public func makeCurveClient(keyPair: CurveKeyPair, serverKey: CurvePublicKey) throws(ZMQError) {
        try set(.curveServerKey, serverKey.bytes)
        try set(.curvePublicKey, keyPair.publicKey.bytes)
        try set(.curveSecretKey, keyPair.secretKey.bytes)
    }
}
