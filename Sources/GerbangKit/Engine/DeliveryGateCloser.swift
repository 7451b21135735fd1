/// Marks the client's delivery gate closed when a stream ends, without keeping the client alive.
/// `Sendable`: holds only a weak reference to a `Sendable` client.
struct DeliveryGateCloser: Sendable {
    weak var client: GerbangClient?

    func closed(generation: Int) {
        client?.deliveryGate.withLock { gate in
            if gate.generation == generation { gate.isOpen = false }
        }
    }
}
