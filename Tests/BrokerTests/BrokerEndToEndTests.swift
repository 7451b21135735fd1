import Foundation
import GMP
import GerbangTesting
import Testing
import ZeroMQ

/// End-to-end: a real `gerbangd` process, real CURVE DEALER clients, signed events.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct BrokerEndToEndTests {
    @Test("one ACK message settles several deliveries; an id not in flight in it is ignored")
    func oneAckSettlesSeveralDeliveries() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil", adapter: "siak")
            let events = try (0..<5).map { _ in try TestEvents.signed(broker: broker) }
            try publisher.send(.publish(.init(events: events.enumerated().map { .init(tag: UInt64($0.offset), event: $0.element) })))
            for _ in events {
                guard case .accepted = try publisher.receive() else { throw BrokerTestError("not accepted:\n\(broker.log)") }
            }
            let subscriber = try AdapterClient(broker: broker, agency: "kemensos")
            try subscriber.hello(agency: "kemensos")
            try subscriber.send(.credit(.init(credit: 10)))
            var ids: [UInt64] = []
            while ids.count < events.count {
                guard case .deliver(let deliver) = try subscriber.receive() else { throw BrokerTestError("no DELIVER") }
                ids.append(deliver.deliveryID)
            }
            // Two frames on the wire: the header with the first id, frame 1 with the other five.
            let ack = try #require(GMPMessage.Ack(deliveryIDs: ids + [UInt64.max]))
            #expect(try GMPMessage.ack(ack).encode().map(\.count) == [13, 40])
            try subscriber.send(.ack(ack))

            let port = try #require(broker.metricsPort)
            var metrics = ""
            for _ in 0..<50 {
                metrics = try HTTPGet.response(port: port, path: "/metrics")
                if metrics.contains("gerbang_queue_depth{subscription=\"kemensos-population\",state=\"inflight\"} 0\n") { break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            #expect(metrics.contains("gerbang_acknowledged_total 5\n"), "\(metrics)")
            #expect(metrics.contains("gerbang_queue_depth{subscription=\"kemensos-population\",state=\"inflight\"} 0\n"))
            #expect(metrics.contains("gerbang_queue_depth{subscription=\"kemensos-population\",state=\"ready\"} 0\n"))
            // The session goes on: nothing is delivered again, a HEARTBEAT is still answered normally.
            try subscriber.socket.set(.receiveTimeoutMilliseconds, 700)
            #expect(throws: ZMQError.self) { _ = try subscriber.receive() }
            #expect(broker.terminate() == 0)
        }
    }

    @Test func publishIsAcceptedDeliveredAndAcknowledged() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            let welcome = try publisher.hello(agency: "dukcapil", adapter: "siak")
            #expect(welcome.subscriptions.isEmpty)
            #expect(welcome.maxEventBytes == 262_144)

            let event = try TestEvents.signed(broker: broker)
            try publisher.send(.publish(.init(events: [.init(tag: 7, event: event)])))
            guard case .accepted(let accepted) = try publisher.receive() else { throw BrokerTestError("not accepted:\n\(broker.log)") }
            #expect(accepted.tag == 7)
            #expect(!accepted.duplicate)

            // The same (source, id) again: ACCEPTED with the duplicate flag and the same sequence.
            try publisher.send(.publish(.init(events: [.init(tag: 8, event: event)])))
            guard case .accepted(let duplicate) = try publisher.receive() else { throw BrokerTestError("duplicate not accepted") }
            #expect(duplicate.duplicate)
            #expect(duplicate.sequence == accepted.sequence)

            let subscriber = try AdapterClient(broker: broker, agency: "kemensos")
            let granted = try subscriber.hello(agency: "kemensos")
            #expect(granted.subscriptions == ["kemensos-population"])
            try subscriber.send(.credit(.init(credit: 10)))
            guard case .deliver(let deliver) = try subscriber.receive() else { throw BrokerTestError("no DELIVER") }
            #expect(deliver.event == event)
            #expect(deliver.attempt == 1)
            #expect(deliver.sequence == accepted.sequence)
            #expect(deliver.subscription == "kemensos-population")
            try subscriber.send(.ack(.init(deliveryID: deliver.deliveryID)))

            // Nothing else is delivered: the duplicate was not stored twice, the ACK settled it.
            try subscriber.socket.set(.receiveTimeoutMilliseconds, 700)
            #expect(throws: ZMQError.self) { _ = try subscriber.receive() }

            // The metrics count what happened (the ACK is settled by now: the receive above waited).
            let port = try #require(broker.metricsPort)
            let metrics = try HTTPGet.response(port: port, path: "/metrics")
            #expect(metrics.hasPrefix("HTTP/1.0 200"))
            #expect(metrics.contains("gerbang_published_total 2\n"))
            #expect(metrics.contains("gerbang_accepted_total{duplicate=\"false\"} 1\n"))
            #expect(metrics.contains("gerbang_accepted_total{duplicate=\"true\"} 1\n"))
            #expect(metrics.contains("gerbang_delivered_total 1\n"))
            #expect(metrics.contains("gerbang_acknowledged_total 1\n"))
            #expect(metrics.contains("gerbang_queue_depth{subscription=\"kemensos-population\",state=\"ready\"} 0\n"))
            #expect(metrics.contains("gerbang_publish_deliver_seconds_count 1\n"))
            #expect(try HTTPGet.response(port: port, path: "/other").hasPrefix("HTTP/1.0 404"))
            #expect(broker.terminate() == 0)
        }
    }

    /// A PUBLISH larger than one chunk of the pipeline (`BrokerLoop.publishChunkSize`): every
    /// event is answered once; an event repeated within the PUBLISH is stored once (the other is
    /// its duplicate), rejections in between are answered, and every stored event is delivered
    /// exactly once, in acceptance order.
    @Test func aLargePublishIsAnsweredEventByEvent() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            var events: [GMPMessage.Publish.Event] = []
            var distinct: [[UInt8]] = []
            for tag in UInt64(1)...40 {
                let event: [UInt8]
                switch tag {
                case 9, 30: event = try TestEvents.tampered(broker: broker)
                case 20, 37: event = distinct[Int(tag) % 7]
                default:
                    event = try TestEvents.signed(broker: broker)
                    distinct.append(event)
                }
                events.append(.init(tag: tag, event: event))
            }
            try publisher.send(.publish(.init(events: events)))
            var accepted: [UInt64: GMPMessage.Accepted] = [:]
            var rejected: [UInt64: GMPMessage.Rejected] = [:]
            for _ in 0..<40 {
                switch try publisher.receive() {
                case .accepted(let answer):
                    #expect(accepted.updateValue(answer, forKey: answer.tag) == nil, "tag \(answer.tag) answered twice")
                case .rejected(let answer):
                    #expect(rejected.updateValue(answer, forKey: answer.tag) == nil, "tag \(answer.tag) answered twice")
                default:
                    throw BrokerTestError("unexpected answer")
                }
            }
            #expect(Set(rejected.keys) == [9, 30])
            #expect(rejected.values.allSatisfy { $0.reason == .signatureInvalid })
            #expect(accepted.count == 38)
            let originals = accepted.values.filter { !$0.duplicate }
            #expect(originals.count == 36)
            #expect(Set(originals.map(\.sequence)).count == 36)
            // Tag 20 repeats the event of tag 7, tag 37 the one of tag 3. They are in other chunks,
            // which run concurrently: either of a pair may be stored first, the other is its
            // duplicate with the same sequence.
            for (original, repeated) in [(UInt64(7), UInt64(20)), (3, 37)] {
                let pair = [accepted[original], accepted[repeated]].compactMap { $0 }
                #expect(pair.count == 2 && pair.filter(\.duplicate).count == 1 && pair[0].sequence == pair[1].sequence,
                        "tags \(original) and \(repeated): \(pair)")
            }

            let subscriber = try AdapterClient(broker: broker, agency: "kemensos")
            try subscriber.hello(agency: "kemensos")
            try subscriber.send(.credit(.init(credit: 100)))
            var delivered: [UInt64] = []
            for _ in 0..<36 {
                guard case .deliver(let deliver) = try subscriber.receive() else { throw BrokerTestError("no DELIVER") }
                delivered.append(deliver.sequence)
                try subscriber.send(.ack(.init(deliveryID: deliver.deliveryID)))
            }
            #expect(Set(delivered) == Set(originals.map(\.sequence)))
            #expect(delivered == delivered.sorted(), "delivered in acceptance order")
            try subscriber.socket.set(.receiveTimeoutMilliseconds, 700)
            #expect(throws: ZMQError.self) { _ = try subscriber.receive() }

            let port = try #require(broker.metricsPort)
            let metrics = try HTTPGet.response(port: port, path: "/metrics")
            #expect(metrics.contains("gerbang_accepted_total{duplicate=\"false\"} 36\n"))
            #expect(metrics.contains("gerbang_accepted_total{duplicate=\"true\"} 2\n"))
            #expect(broker.terminate() == 0)
        }
    }

    @Test func rejectionsCarryTheirReasonCodes() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            let tampered = try TestEvents.tampered(broker: broker)
            let kemensosSigned = try TestEvents.signed(type: "socialaid.beneficiary.enrolled", agency: "kemensos", broker: broker)
            let oversize = [UInt8](repeating: 0x20, count: 262_145)
            try publisher.send(.publish(.init(events: [
                .init(tag: 1, event: tampered),
                .init(tag: 2, event: Array("{\"a\":1,\"a\":2}".utf8)),
                .init(tag: 3, event: kemensosSigned),
                .init(tag: 4, event: oversize),
            ])))
            var answers: [UInt64: GMPMessage.Rejected] = [:]
            for _ in 0..<4 {
                guard case .rejected(let rejected) = try publisher.receive() else { throw BrokerTestError("not rejected") }
                answers[rejected.tag] = rejected
            }
            #expect(answers[1]?.reason == .signatureInvalid)
            #expect(answers[1]?.specificCode == "trust.bad-signature")
            #expect(answers[2]?.reason == .eventMalformed)
            #expect(answers[2]?.specificCode == "json.duplicate-key")
            // Signed by kemensos but sent on dukcapil's connection.
            #expect(answers[3]?.reason == .signatureAgencyMismatch)
            #expect(answers[4]?.reason == .eventTooLarge)

            // A schema violation, signed correctly: the instance path is the location.
            let invalid = try TestEvents.signed(broker: broker) {
                $0.replacingOccurrences(of: "\"registeredOn\": \"2026-11-19\"", with: "\"registeredOn\": \"19-11-2026\"")
            }
            try publisher.send(.publish(.init(events: [.init(tag: 5, event: invalid)])))
            guard case .rejected(let violation) = try publisher.receive() else { throw BrokerTestError("schema violation accepted") }
            #expect(violation.reason == .schemaViolation)
            #expect(violation.location == "/data/registeredOn")
            #expect(violation.specificCode.hasPrefix("schema.keyword."))

            // A time far ahead of the broker's clock (default skew 300 s).
            let future = try TestEvents.signed(broker: broker) {
                $0.replacingOccurrences(of: "\"time\": \"2026-11-19T09:42:17+07:00\"", with: "\"time\": \"2099-01-01T00:00:00+07:00\"")
            }
            try publisher.send(.publish(.init(events: [.init(tag: 6, event: future)])))
            guard case .rejected(let skew) = try publisher.receive() else { throw BrokerTestError("future event accepted") }
            #expect(skew.reason == .eventClockSkew)
            #expect(skew.location == "/time")

            // kemensos may publish its own socialaid events; bank-bri may publish nothing.
            let kemensos = try AdapterClient(broker: broker, agency: "kemensos")
            try kemensos.hello(agency: "kemensos", adapter: "siks")
            let enrolled = try TestEvents.signed(type: "socialaid.beneficiary.enrolled", agency: "kemensos", broker: broker)
            try kemensos.send(.publish(.init(events: [.init(tag: 9, event: enrolled)])))
            let answer = try kemensos.receive()
            guard case .accepted = answer else { throw BrokerTestError("kemensos socialaid event: \(answer)\n\(broker.log)") }
            let bank = try AdapterClient(broker: broker, agency: "bank-bri")
            try bank.hello(agency: "bank-bri")
            let settled = try TestEvents.signed(type: "socialaid.disbursement.settled", agency: "bank-bri", broker: broker)
            try bank.send(.publish(.init(events: [.init(tag: 10, event: settled)])))
            guard case .rejected(let notPermitted) = try bank.receive() else { throw BrokerTestError("bank-bri was permitted") }
            #expect(notPermitted.reason == .routeNotPermitted)
            #expect(broker.terminate() == 0)
        }
    }

    @Test func sessionErrors() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let client = try AdapterClient(broker: broker, agency: "dukcapil")
            try client.send(.credit(.init(credit: 1)))
            guard case .error(let helloRequired) = try client.receive() else { throw BrokerTestError("no ERROR") }
            #expect(helloRequired.reason == .protocolHelloRequired)

            let other = try AdapterClient(broker: broker, agency: "dukcapil")
            try other.send(.hello(.init(agency: "kemensos", adapterName: "main", adapterVersion: "1")))
            guard case .error(let mismatch) = try other.receive() else { throw BrokerTestError("no ERROR") }
            #expect(mismatch.reason == .authAgencyMismatch)

            let third = try AdapterClient(broker: broker, agency: "kemensos")
            try third.send(.hello(.init(agency: "kemensos", adapterName: "main", adapterVersion: "1", subscriptions: ["nope"])))
            guard case .error(let unknown) = try third.receive() else { throw BrokerTestError("no ERROR") }
            #expect(unknown.reason == .routeUnknownSubscription)

            let fourth = try AdapterClient(broker: broker, agency: "bank-bri")
            try fourth.sendRaw([[0x47, 0x4D, 0x50, 0x02, 0x01]])
            guard case .error(let version) = try fourth.receive() else { throw BrokerTestError("no ERROR") }
            #expect(version.reason == .protocolUnsupportedVersion)

            let fifth = try AdapterClient(broker: broker, agency: "bank-bri")
            try fifth.sendRaw([[0x47, 0x4D, 0x50, 0x01, 0x7F]])
            guard case .error(let command) = try fifth.receive() else { throw BrokerTestError("no ERROR") }
            #expect(command.reason == .protocolUnknownCommand)

            // Decoder failures, each on its own connection (ERROR ends the session; one ERROR per second).
            let malformed: [([[UInt8]], ReasonCode)] = [
                ([[0x58, 0x4D, 0x50, 0x01, 0x03]], .protocolBadMagic),
                ([[0x47, 0x4D, 0x50, 0x01, 0x03, 0x00]], .protocolMalformedFrame),
                ([[0x47, 0x4D, 0x50, 0x01, 0x10]], .protocolEmptyBatch),
                ([[0x47, 0x4D, 0x50, 0x01, 0x10], [0, 0, 0, 0, 0, 0, 0, 1]], .protocolMissingFrame),
                ([[0x47, 0x4D, 0x50, 0x01, 0x20] + [UInt8](repeating: 0, count: 24), [0x61], [0x62]], .protocolUnexpectedCommand),
            ]
            for (frames, reason) in malformed {
                let peer = try AdapterClient(broker: broker, agency: "bank-bri")
                try peer.sendRaw(frames)
                guard case .error(let error) = try peer.receive() else { throw BrokerTestError("no ERROR for \(reason)") }
                #expect(error.reason == reason)
            }
            #expect(broker.terminate() == 0)
        }
    }

    @Test func unknownCurveKeyIsRefusedAtTheHandshake() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let client = try AdapterClient.stranger(broker: broker)
            try client.send(.hello(.init(agency: "dukcapil", adapterName: "main", adapterVersion: "1")))
            #expect(throws: ZMQError.self) { _ = try client.receive() }
            #expect(broker.terminate() == 0)
        }
    }

    @Test func nackRetriesThenDeadLetters() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            try publisher.send(.publish(.init(events: [.init(tag: 1, event: try TestEvents.signed(broker: broker))])))
            guard case .accepted = try publisher.receive() else { throw BrokerTestError("not accepted") }
            let subscriber = try AdapterClient(broker: broker, agency: "kemensos")
            try subscriber.hello(agency: "kemensos")
            try subscriber.send(.credit(.init(credit: 5)))
            // max-attempts 3: attempts 1, 2, 3 are delivered, then the event is dead.
            for expected in 1...3 {
                guard case .deliver(let deliver) = try subscriber.receive() else { throw BrokerTestError("no DELIVER") }
                #expect(deliver.attempt == UInt32(expected))
                try subscriber.send(.nack(.init(deliveryID: deliver.deliveryID, disposition: .retry(delayMilliseconds: 0),
                                                reason: "test.retry")))
            }
            try subscriber.socket.set(.receiveTimeoutMilliseconds, 1_000)
            #expect(throws: ZMQError.self) { _ = try subscriber.receive() }
            #expect(broker.terminate() == 0)
        }
    }

    @Test func acceptedEventSurvivesKill9() async throws {
        try await IOThread.run {
            let first = try BrokerProcess()
            let publisher = try AdapterClient(broker: first, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            let event = try TestEvents.signed(broker: first)
            try publisher.send(.publish(.init(events: [.init(tag: 1, event: event)])))
            guard case .accepted(let accepted) = try publisher.receive() else { throw BrokerTestError("not accepted") }
            first.kill9()
            first.removesDirectory = false  // the restarted broker owns it now
            let second = try BrokerProcess(directory: first.directory)
            second.removesDirectory = true
            let subscriber = try AdapterClient(broker: second, agency: "kemensos")
            try subscriber.hello(agency: "kemensos")
            try subscriber.send(.credit(.init(credit: 10)))
            guard case .deliver(let deliver) = try subscriber.receive() else { throw BrokerTestError("no DELIVER:\n\(second.log)") }
            #expect(deliver.sequence == accepted.sequence)
            #expect(deliver.event == event)
            try subscriber.send(.ack(.init(deliveryID: deliver.deliveryID)))
            #expect(second.terminate() == 0)
        }
    }

    @Test func disconnectReturnsInFlightDeliveries() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            try publisher.send(.publish(.init(events: [.init(tag: 1, event: try TestEvents.signed(broker: broker))])))
            guard case .accepted = try publisher.receive() else { throw BrokerTestError("not accepted") }
            let first = try AdapterClient(broker: broker, agency: "kemensos")
            try first.hello(agency: "kemensos")
            try first.send(.credit(.init(credit: 1)))
            guard case .deliver(let original) = try first.receive() else { throw BrokerTestError("no DELIVER") }
            try first.send(.bye(.init(reason: .sessionClosed)))
            let second = try AdapterClient(broker: broker, agency: "kemensos")
            try second.hello(agency: "kemensos")
            try second.send(.credit(.init(credit: 1)))
            guard case .deliver(let again) = try second.receive() else { throw BrokerTestError("no redelivery") }
            #expect(again.deliveryID == original.deliveryID)
            #expect(again.attempt == 2)
            #expect(broker.terminate() == 0)
        }
    }

    @Test func fanOutDeliversEveryEventOnceToEachSubscriberInOrder() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            let count = 20
            var sequences: [UInt64] = []
            for tag in 0..<count {
                let event = try TestEvents.signed(broker: broker)
                try publisher.send(.publish(.init(events: [.init(tag: UInt64(tag), event: event)])))
                guard case .accepted(let accepted) = try publisher.receive() else { throw BrokerTestError("not accepted") }
                sequences.append(accepted.sequence)
            }
            for (agency, adapter) in [("kemensos", "main"), ("bpjs-kesehatan", "kepesertaan")] {
                let subscriber = try AdapterClient(broker: broker, agency: agency)
                try subscriber.hello(agency: agency, adapter: adapter)
                try subscriber.send(.credit(.init(credit: 100)))
                var received: [UInt64] = []
                while received.count < count {
                    guard case .deliver(let deliver) = try subscriber.receive() else { throw BrokerTestError("no DELIVER") }
                    #expect(deliver.attempt == 1)
                    received.append(deliver.sequence)
                    try subscriber.send(.ack(.init(deliveryID: deliver.deliveryID)))
                }
                #expect(received == sequences, "\(agency) got the events once each, in acceptance order")
                try subscriber.socket.set(.receiveTimeoutMilliseconds, 500)
                #expect(throws: ZMQError.self) { _ = try subscriber.receive() }
            }
            #expect(broker.terminate() == 0)
        }
    }

    @Test func agencyAboveItsRateIsRejected() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess(extraConfiguration: "limits: {agency-publish-rate: 1, agency-publish-burst: 2}")
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            let events = try (0..<3).map { tag in GMPMessage.Publish.Event(tag: UInt64(tag), event: try TestEvents.signed(broker: broker)) }
            let reasons = try publisher.publishCollectingVerdicts(events)
            #expect(reasons == [0: "accepted", 1: "accepted", 2: "flow.rate-limited"])
            #expect(broker.terminate() == 0)
        }
    }

    @Test func retriesFollowTheScheduleWhileTheOtherSubscriberIsUnaffected() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            try publisher.send(.publish(.init(events: [.init(tag: 1, event: try TestEvents.signed(broker: broker))])))
            guard case .accepted(let accepted) = try publisher.receive() else { throw BrokerTestError("not accepted") }

            let healthy = try AdapterClient(broker: broker, agency: "bpjs-kesehatan")
            try healthy.hello(agency: "bpjs-kesehatan", adapter: "kepesertaan")
            try healthy.send(.credit(.init(credit: 10)))
            let failing = try AdapterClient(broker: broker, agency: "kemensos")
            try failing.hello(agency: "kemensos")
            try failing.send(.credit(.init(credit: 10)))

            // Attempt 1 NACKed asking for 150 ms (below the route's 200 ms cap); attempt 2 NACKed with the route's backoff
            // (full jitter, at most min(200 ms, 50 ms × 2) = 100 ms); attempt 3 is the last (max 3).
            guard case .deliver(let first) = try failing.receive() else { throw BrokerTestError("no DELIVER") }
            #expect(first.attempt == 1)
            var nackedAt = Date()
            try failing.send(.nack(.init(deliveryID: first.deliveryID, disposition: .retry(delayMilliseconds: 150), reason: "test.busy")))
            guard case .deliver(let second) = try failing.receive() else { throw BrokerTestError("no retry") }
            let firstGap = Date().timeIntervalSince(nackedAt)
            #expect(second.attempt == 2)
            #expect(firstGap >= 0.14, "the requested delay is honoured")
            #expect(firstGap < 0.15 + 2.0, "and not much exceeded (tolerance for a loaded CI machine)")
            nackedAt = Date()
            try failing.send(.nack(.init(deliveryID: second.deliveryID, disposition: .retry(delayMilliseconds: 0), reason: "test.busy")))
            guard case .deliver(let third) = try failing.receive() else { throw BrokerTestError("no retry") }
            #expect(third.attempt == 3)
            #expect(Date().timeIntervalSince(nackedAt) < 0.1 + 2.0, "backoff ceiling plus tolerance")
            try failing.send(.nack(.init(deliveryID: third.deliveryID, disposition: .retry(delayMilliseconds: 0), reason: "test.busy")))
            try failing.socket.set(.receiveTimeoutMilliseconds, 800)
            #expect(throws: ZMQError.self, "dead after the maximum attempts") { _ = try failing.receive() }

            guard case .deliver(let other) = try healthy.receive() else { throw BrokerTestError("other subscriber starved") }
            #expect(other.sequence == accepted.sequence)
            #expect(other.attempt == 1)
            #expect(other.subscription == "bpjs-deaths")
            try healthy.send(.ack(.init(deliveryID: other.deliveryID)))

            let port = try #require(broker.metricsPort)
            let metrics = try HTTPGet.response(port: port, path: "/metrics")
            #expect(metrics.contains("gerbang_retried_total 2\n"))
            #expect(metrics.contains("gerbang_dead_lettered_total 1\n"))
            #expect(metrics.contains("gerbang_queue_depth{subscription=\"kemensos-population\",state=\"dead\"} 1\n"))
            #expect(broker.terminate() == 0)
        }
    }

    @Test func pipelineFullIsOverloaded() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess(extraConfiguration: "limits: {max-pending-publishes: 1}")
            let publisher = try AdapterClient(broker: broker, agency: "dukcapil")
            try publisher.hello(agency: "dukcapil")
            let events = try (0..<3).map { tag in GMPMessage.Publish.Event(tag: UInt64(tag), event: try TestEvents.signed(broker: broker)) }
            let reasons = try publisher.publishCollectingVerdicts(events)
            #expect(reasons == [0: "accepted", 1: "flow.overloaded", 2: "flow.overloaded"])
            #expect(broker.terminate() == 0)
        }
    }
}
