import Envelope
import Foundation
import GerbangJSON
import Trust

extension GerbangClient {
    /// Publishes an already signed event (CloudEvents JSON bytes, sent unchanged) and returns
    /// the broker's receipt once the event is durably stored.
    ///
    /// With an outbox, the event is stored there first and deleted when the broker answered.
    /// Concurrent calls are batched into one PUBLISH. If the session ends before the answer, the
    /// event is sent again in the next session. Cancelling the calling task does not withdraw
    /// the event (it may already be stored): the call still returns the broker's verdict.
    ///
    /// - Throws: ``GerbangClientError/Reason/rejected`` with the broker's reason code, specific
    ///   code, location and message; ``GerbangClientError/Reason/publishTimeout`` after
    ///   ``Configuration/publishTimeout``; ``GerbangClientError/Reason/closed``.
    public func publish(signed event: [UInt8]) async throws(GerbangClientError) -> Receipt {
        let outboxID = try await outbox?.store([event]).first
        let deadline = ContinuousClock.now + configuration.publishTimeout
        let result = await withCheckedContinuation { continuation in
            let request = PublishRequest(event: event, outboxID: outboxID, deadline: deadline, completion: .single(continuation))
            if !mailbox.post(.publish(request)) {
                continuation.resume(returning: .failure(GerbangClientError(.closed, "the client is closed")))
            }
        }
        return try result.get()
    }

    /// Publishes several signed events at once and returns each one's verdict, in order. Cheaper
    /// than one task per event: one outbox transaction, one wake-up of the I/O thread.
    public func publish(batch events: [[UInt8]]) async -> [Result<Receipt, GerbangClientError>] {
        guard !events.isEmpty else { return [] }
        var outboxIDs: [Int64?] = Array(repeating: nil, count: events.count)
        if let outbox {
            do {
                outboxIDs = try await outbox.store(events)
            } catch {
                return Array(repeating: .failure(error), count: events.count)
            }
        }
        let deadline = ContinuousClock.now + configuration.publishTimeout
        return await withCheckedContinuation { continuation in
            let collector = BatchCollector(count: events.count, continuation: continuation)
            let commands = events.indices.map { index in
                ClientCommand.publish(PublishRequest(event: events[index], outboxID: outboxIDs[index],
                                                     deadline: deadline, completion: .batch(collector, index)))
            }
            if !mailbox.post(contentsOf: commands) {
                let closed = GerbangClientError(.closed, "the client is closed")
                for index in events.indices { collector.complete(index, with: .failure(closed)) }
            }
        }
    }

    /// Signs `event` with ``Configuration/signer`` and publishes it (see ``publish(signed:)``).
    public func publish(_ event: CloudEvent) async throws(GerbangClientError) -> Receipt {
        try await publish(signed: try sign(event))
    }

    /// Builds a canonical event around typed `data` (its type and `dataschema` from the model,
    /// `source` = ``Configuration/eventSource``), signs and publishes it.
    ///
    /// - Parameters:
    ///   - id: the event id; keep it stable when publishing the same fact again (the broker
    ///     de-duplicates by `source` and `id`). Default: a new UUID.
    ///   - subject: what the event is about (a certificate number, a disbursement id).
    ///   - partitionKey: events with the same key are delivered in order where a route asks for it.
    ///   - time: when it happened (default now).
    public func publish<Data: CanonicalEventData>(
        _ data: Data, id: String = UUID().uuidString.lowercased(), subject: String? = nil,
        partitionKey: String? = nil, time: Date = Date(), correlationID: String? = nil, causationID: String? = nil
    ) async throws(GerbangClientError) -> Receipt {
        let event = try CloudEvent(canonical: data, source: configuration.eventSource, id: id, subject: subject,
                                   partitionKey: partitionKey, time: time, correlationID: correlationID,
                                   causationID: causationID)
        return try await publish(event)
    }

    /// The signed bytes of `event`, as ``publish(_:)-(CloudEvent)`` would send them.
    public func sign(_ event: CloudEvent) throws(GerbangClientError) -> [UInt8] {
        guard let signer = configuration.signer else {
            throw GerbangClientError(.configuration, "no signer configured: set Configuration.signer or publish signed bytes")
        }
        do {
            return try signer.sign(event).serializedBytes()
        } catch {
            throw GerbangClientError(.signing, error.description)
        }
    }
}
