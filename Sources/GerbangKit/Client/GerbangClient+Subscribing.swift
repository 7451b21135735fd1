extension GerbangClient {
    /// Starts receiving deliveries: the client sends CREDIT = ``Configuration/concurrency`` (and
    /// again after every reconnect), and the stream yields each DELIVER. One stream at a time;
    /// ending its iteration sends CREDIT 0.
    ///
    /// - Throws: ``GerbangClientError/Reason/alreadySubscribed`` while another stream is open;
    ///   ``GerbangClientError/Reason/closed``.
    public func subscribe() throws(GerbangClientError) -> DeliveryStream {
        let generation: Int? = deliveryGate.withLock { gate in
            guard !gate.isOpen else { return nil }
            gate.isOpen = true
            gate.generation += 1
            return gate.generation
        }
        guard let generation else {
            throw GerbangClientError(.alreadySubscribed, "a delivery stream is already open on this client")
        }
        let (stream, continuation) = AsyncStream<Delivery>.makeStream(bufferingPolicy: .unbounded)
        let mailbox = self.mailbox
        let gate = DeliveryGateCloser(client: self)
        continuation.onTermination = { _ in
            gate.closed(generation: generation)
            _ = mailbox.post(.closeDeliveries(generation: generation))
        }
        guard mailbox.post(.openDeliveries(generation: generation, continuation)) else {
            continuation.finish()
            throw GerbangClientError(.closed, "the client is closed")
        }
        return DeliveryStream(stream)
    }
}
