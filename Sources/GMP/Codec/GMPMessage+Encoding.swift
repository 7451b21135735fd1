extension GMPMessage {
    /// Encodes this message into the frames of one ZeroMQ multipart message, header frame first.
    ///
    /// Event payloads become frames of their own, unchanged. Fields are checked against the
    /// same rules the decoder applies (text syntax and lengths, numbers that must be at least
    /// 1, a PUBLISH with at least one event), so that an encoded message is always well-formed;
    /// the receiver's configurable limits (``GMPLimits``, announced in WELCOME) are the sender's
    /// to respect.
    ///
    /// - Throws: ``GMPProtocolError`` naming the field and frame that break a rule.
    public func encode() throws(GMPProtocolError) -> [[UInt8]] {
        var header = HeaderWriter(command: command)
        switch self {
        case .hello(let hello):
            var frames: [[UInt8]] = [
                header.bytes,
                try TextField.identifier.encode(hello.agency, field: "agency", frame: 1),
                try TextField.identifier.encode(hello.adapterName, field: "adapter name", frame: 2),
                try TextField.label.encode(hello.adapterVersion, field: "adapter version", frame: 3),
            ]
            try Self.appendSubscriptions(hello.subscriptions, to: &frames)
            return frames
        case .welcome(let welcome):
            try welcome.validateNumbers()
            header.write(welcome.sessionID)
            header.write(welcome.heartbeatIntervalMilliseconds)
            header.write(welcome.heartbeatLiveness)
            header.write(welcome.maxFrameBytes)
            header.write(welcome.maxEventBytes)
            header.write(welcome.maxEventsPerPublish)
            header.write(welcome.maxCredit)
            header.write(welcome.leaseMilliseconds)
            var frames: [[UInt8]] = [header.bytes, try TextField.label.encode(welcome.brokerID, field: "broker id", frame: 1)]
            try Self.appendSubscriptions(welcome.subscriptions, to: &frames)
            return frames
        case .heartbeat:
            return [header.bytes]
        case .bye(let bye):
            return [header.bytes, try TextField.identifier.encode(bye.reason.rawValue, field: "reason", frame: 1)]
        case .error(let error):
            return [
                header.bytes,
                try TextField.identifier.encode(error.reason.rawValue, field: "reason", frame: 1),
                try TextField.prose(maxBytes: GMPProtocol.maxMessageBytes).encode(error.detail, field: "detail", frame: 2),
            ]
        case .publish(let publish):
            if publish.events.isEmpty {
                throw GMPProtocolError(.protocolEmptyBatch, "PUBLISH carries no event")
            }
            var frames = [header.bytes]
            frames.reserveCapacity(1 + 2 * publish.events.count)
            for event in publish.events {
                frames.append(NumberFrame.encode(event.tag))
                frames.append(event.event)
            }
            return frames
        case .accepted(let accepted):
            header.write(accepted.tag)
            header.write(accepted.sequence)
            header.write(accepted.duplicate ? Accepted.duplicateFlag : 0)
            return [header.bytes]
        case .rejected(let rejected):
            header.write(rejected.tag)
            return [
                header.bytes,
                try TextField.identifier.encode(rejected.reason.rawValue, field: "reason", frame: 1),
                try TextField.optionalIdentifier.encode(rejected.specificCode, field: "specific code", frame: 2),
                try TextField.prose(maxBytes: GMPProtocol.maxMessageBytes).encode(rejected.message, field: "message", frame: 3),
                try TextField.prose(maxBytes: GMPProtocol.maxLocationBytes).encode(rejected.location, field: "location", frame: 4),
            ]
        case .deliver(let deliver):
            try deliver.validateNumbers()
            header.write(deliver.deliveryID)
            header.write(deliver.sequence)
            header.write(deliver.attempt)
            header.write(deliver.leaseMilliseconds)
            return [
                header.bytes,
                try TextField.identifier.encode(deliver.subscription, field: "subscription", frame: 1),
                deliver.event,
            ]
        case .ack(let ack):
            header.write(ack.deliveryID)
            guard ack.deliveryIDs.count > 1 else { return [header.bytes] }
            return [header.bytes, NumberFrame.encode(ack.deliveryIDs.dropFirst())]
        case .nack(let nack):
            header.write(nack.deliveryID)
            switch nack.disposition {
            case .retry(let delay):
                header.write(Nack.Disposition.retryByte)
                header.write(delay)
            case .permanent:
                header.write(Nack.Disposition.permanentByte)
                header.write(UInt32(0))
            }
            return [
                header.bytes,
                try TextField.identifier.encode(nack.reason, field: "reason", frame: 1),
                try TextField.prose(maxBytes: GMPProtocol.maxMessageBytes).encode(nack.message, field: "message", frame: 2),
            ]
        case .credit(let credit):
            header.write(credit.credit)
            return [header.bytes]
        }
    }

    private static func appendSubscriptions(_ subscriptions: [String], to frames: inout [[UInt8]]) throws(GMPProtocolError) {
        for subscription in subscriptions {
            frames.append(try TextField.identifier.encode(subscription, field: "subscription", frame: frames.count))
        }
    }
}
