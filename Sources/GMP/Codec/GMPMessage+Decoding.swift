extension GMPMessage {
    /// Decodes the frames of one ZeroMQ multipart message, enforcing `limits` and every rule of
    /// `docs/protocol.md`, in the order that document gives ("Validation order"), so that every
    /// implementation reports the same reason for the same bytes.
    ///
    /// - Parameters:
    ///   - frames: the message's frames, header frame first (without the ROUTER's routing-id
    ///     frame).
    ///   - limits: the limits to enforce.
    ///   - sender: when given, a command that this role may not send is refused with
    ///     `protocol.unexpected-command`.
    /// - Throws: ``GMPProtocolError`` with a `protocol.*` reason code; never traps on any input.
    public init(decoding frames: [[UInt8]], limits: GMPLimits = .default, from sender: GMPRole? = nil) throws(GMPProtocolError) {
        guard let header = frames.first else {
            throw GMPProtocolError(.protocolMissingFrame, frame: 0, "a message needs a header frame")
        }
        if frames.count > limits.maxFrames {
            throw GMPProtocolError(.protocolTooManyFrames, "\(frames.count) frames, at most \(limits.maxFrames) allowed")
        }
        for (index, frame) in frames.enumerated() where frame.count > limits.maxFrameBytes {
            throw GMPProtocolError(.protocolFrameTooLarge, frame: index, "\(frame.count) bytes, at most \(limits.maxFrameBytes) allowed")
        }
        let command = try Self.command(ofHeader: header)
        if let sender, !command.senders.contains(sender) {
            throw GMPProtocolError(.protocolUnexpectedCommand, frame: 0, "\(command.name) is not sent by the \(sender.rawValue)")
        }
        if header.count != command.headerLength {
            throw GMPProtocolError(
                .protocolMalformedFrame, frame: 0,
                "\(command.name) header must be \(command.headerLength) bytes, got \(header.count)"
            )
        }
        try Self.checkFrameCount(frames.count, of: command, limits: limits)
        self = try Self.decodeFields(command, frames: frames)
    }

    /// Reads the command of a header frame after checking its length, signature and version;
    /// the first four steps of the validation order. A broker uses it to answer a message it
    /// cannot decode with the right ERROR.
    public static func command(ofHeader header: [UInt8]) throws(GMPProtocolError) -> GMPCommand {
        if header.count < GMPProtocol.prefixLength {
            throw GMPProtocolError(.protocolMalformedFrame, frame: 0, "header frame is \(header.count) bytes, at least 5 needed")
        }
        if header[0] != GMPProtocol.signature[0] || header[1] != GMPProtocol.signature[1] || header[2] != GMPProtocol.signature[2] {
            throw GMPProtocolError(.protocolBadMagic, frame: 0, "header frame does not start with \"GMP\"")
        }
        if !GMPProtocol.supportedVersions.contains(header[3]) {
            let supported = GMPProtocol.supportedVersions.map(String.init).joined(separator: ",")
            throw GMPProtocolError(.protocolUnsupportedVersion, frame: 0, "version \(header[3]) is not supported; supported: \(supported)")
        }
        guard let command = GMPCommand(rawValue: header[4]) else {
            throw GMPProtocolError(.protocolUnknownCommand, frame: 0, "unknown command byte \(header[4])")
        }
        return command
    }

    private static func checkFrameCount(_ count: Int, of command: GMPCommand, limits: GMPLimits) throws(GMPProtocolError) {
        let fieldFrames = count - 1
        switch command {
        case .heartbeat, .accepted, .credit:
            try expect(fieldFrames, atLeast: 0, atMost: 0, command)
        case .ack:
            try expect(fieldFrames, atLeast: 0, atMost: 1, command)
        case .bye:
            try expect(fieldFrames, atLeast: 1, atMost: 1, command)
        case .error, .deliver, .nack:
            try expect(fieldFrames, atLeast: 2, atMost: 2, command)
        case .rejected:
            try expect(fieldFrames, atLeast: 4, atMost: 4, command)
        case .hello:
            try expect(fieldFrames, atLeast: 3, atMost: 3 + limits.maxSubscriptions, command)
        case .welcome:
            try expect(fieldFrames, atLeast: 1, atMost: 1 + limits.maxSubscriptions, command)
        case .publish:
            if fieldFrames == 0 {
                throw GMPProtocolError(.protocolEmptyBatch, "PUBLISH carries no event")
            }
            if fieldFrames % 2 != 0 {
                throw GMPProtocolError(.protocolMissingFrame, frame: count, "PUBLISH needs a tag frame and an event frame per event")
            }
            if fieldFrames / 2 > limits.maxEventsPerPublish {
                throw GMPProtocolError(
                    .protocolBatchTooLarge, "\(fieldFrames / 2) events, at most \(limits.maxEventsPerPublish) per PUBLISH allowed"
                )
            }
        }
    }

    private static func expect(_ fieldFrames: Int, atLeast minimum: Int, atMost maximum: Int, _ command: GMPCommand) throws(GMPProtocolError) {
        if fieldFrames < minimum {
            throw GMPProtocolError(.protocolMissingFrame, frame: fieldFrames + 1, "\(command.name) needs at least \(minimum + 1) frames")
        }
        if fieldFrames > maximum {
            throw GMPProtocolError(.protocolTooManyFrames, frame: maximum + 1, "\(command.name) allows at most \(maximum + 1) frames")
        }
    }

    private static func decodeFields(_ command: GMPCommand, frames: [[UInt8]]) throws(GMPProtocolError) -> GMPMessage {
        var header = HeaderReader(frames[0])
        switch command {
        case .hello:
            return .hello(
                Hello(
                    agency: try TextField.identifier.decode(frames[1], field: "agency", frame: 1),
                    adapterName: try TextField.identifier.decode(frames[2], field: "adapter name", frame: 2),
                    adapterVersion: try TextField.label.decode(frames[3], field: "adapter version", frame: 3),
                    subscriptions: try decodeSubscriptions(frames, from: 4)
                ))
        case .welcome:
            let welcome = Welcome(
                sessionID: header.read(),
                heartbeatIntervalMilliseconds: header.read(),
                heartbeatLiveness: header.read(),
                maxFrameBytes: header.read(),
                maxEventBytes: header.read(),
                maxEventsPerPublish: header.read(),
                maxCredit: header.read(),
                leaseMilliseconds: header.read(),
                brokerID: "",
                subscriptions: []
            )
            try welcome.validateNumbers()
            var complete = welcome
            complete.brokerID = try TextField.label.decode(frames[1], field: "broker id", frame: 1)
            complete.subscriptions = try decodeSubscriptions(frames, from: 2)
            return .welcome(complete)
        case .heartbeat:
            return .heartbeat
        case .bye:
            return .bye(Bye(reason: try decodeReason(frames[1], frame: 1)))
        case .error:
            return .error(
                SessionError(
                    reason: try decodeReason(frames[1], frame: 1),
                    detail: try TextField.prose(maxBytes: GMPProtocol.maxMessageBytes).decode(frames[2], field: "detail", frame: 2)
                ))
        case .publish:
            var events = [Publish.Event]()
            events.reserveCapacity((frames.count - 1) / 2)
            var index = 1
            while index < frames.count {
                let tag = try NumberFrame.decode(frames[index], field: "tag", frame: index)
                events.append(Publish.Event(tag: tag, event: frames[index + 1]))
                index += 2
            }
            return .publish(Publish(events: events))
        case .accepted:
            let tag: UInt64 = header.read()
            let sequence: UInt64 = header.read()
            let flags: UInt8 = header.read()
            if flags & ~Accepted.duplicateFlag != 0 {
                throw GMPProtocolError(.protocolInvalidField, frame: 0, "ACCEPTED flags \(flags) set bits other than bit 0")
            }
            return .accepted(Accepted(tag: tag, sequence: sequence, duplicate: flags & Accepted.duplicateFlag != 0))
        case .rejected:
            return .rejected(
                Rejected(
                    tag: header.read(),
                    reason: try decodeReason(frames[1], frame: 1),
                    specificCode: try TextField.optionalIdentifier.decode(frames[2], field: "specific code", frame: 2),
                    message: try TextField.prose(maxBytes: GMPProtocol.maxMessageBytes).decode(frames[3], field: "message", frame: 3),
                    location: try TextField.prose(maxBytes: GMPProtocol.maxLocationBytes).decode(frames[4], field: "location", frame: 4)
                ))
        case .deliver:
            var deliver = Deliver(
                deliveryID: header.read(),
                sequence: header.read(),
                attempt: header.read(),
                leaseMilliseconds: header.read(),
                subscription: "",
                event: []
            )
            try deliver.validateNumbers()
            deliver.subscription = try TextField.identifier.decode(frames[1], field: "subscription", frame: 1)
            deliver.event = frames[2]
            return .deliver(deliver)
        case .ack:
            let first: UInt64 = header.read()
            guard frames.count > 1 else { return .ack(Ack(deliveryID: first)) }
            return .ack(Ack(first: first, more: try NumberFrame.decodeList(frames[1], field: "ACK further delivery ids", frame: 1)))
        case .nack:
            let deliveryID: UInt64 = header.read()
            let dispositionByte: UInt8 = header.read()
            let delay: UInt32 = header.read()
            let disposition: Nack.Disposition
            switch dispositionByte {
            case Nack.Disposition.retryByte:
                disposition = .retry(delayMilliseconds: delay)
            case Nack.Disposition.permanentByte where delay == 0:
                disposition = .permanent
            case Nack.Disposition.permanentByte:
                throw GMPProtocolError(.protocolInvalidField, frame: 0, "a permanent NACK must have delay 0, got \(delay)")
            default:
                throw GMPProtocolError(.protocolInvalidField, frame: 0, "unknown NACK disposition \(dispositionByte)")
            }
            return .nack(
                Nack(
                    deliveryID: deliveryID,
                    disposition: disposition,
                    reason: try TextField.identifier.decode(frames[1], field: "reason", frame: 1),
                    message: try TextField.prose(maxBytes: GMPProtocol.maxMessageBytes).decode(frames[2], field: "message", frame: 2)
                ))
        case .credit:
            return .credit(Credit(credit: header.read()))
        }
    }

    private static func decodeSubscriptions(_ frames: [[UInt8]], from start: Int) throws(GMPProtocolError) -> [String] {
        var subscriptions = [String]()
        subscriptions.reserveCapacity(frames.count - start)
        for index in start..<frames.count {
            subscriptions.append(try TextField.identifier.decode(frames[index], field: "subscription", frame: index))
        }
        return subscriptions
    }

    /// A reason code frame: an identifier; a code this registry does not know decodes to
    /// ``ReasonCode/unrecognized`` (newer peers may add codes).
    private static func decodeReason(_ bytes: [UInt8], frame: Int) throws(GMPProtocolError) -> ReasonCode {
        let text = try TextField.identifier.decode(bytes, field: "reason", frame: frame)
        return ReasonCode(rawValue: text) ?? .unrecognized
    }
}
