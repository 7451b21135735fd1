import GMP
import ZeroMQ

extension BenchmarkRun {
    /// Connects w1's clients and returns the run that drives them: the two subscribers the
    /// shipped routes give `population.death.registered` (kemensos/bansos at
    /// `subscriberBrokers.0`, bpjs-kesehatan/kepesertaan at `subscriberBrokers.1`), each on its own
    /// thread with `--credit` and room for `capacity` events (`limit`: how far their logs may
    /// grow), and the dukcapil/w1 publisher at `broker` (CURVE, HELLO). ``close()`` ends them.
    static func connect(
        settings: Settings,
        broker: BrokerChild,
        subscriberBrokers: (BrokerChild, BrokerChild),
        events: BenchmarkEvents,
        capacity: Int,
        limit: Int? = nil,
        context: Context
    ) throws -> BenchmarkRun {
        let subscribers = [
            try SubscriberThread(agency: "kemensos", adapter: "bansos", credit: settings.credit, capacity: capacity,
                                 limit: limit, context: context, broker: subscriberBrokers.0),
            try SubscriberThread(agency: "bpjs-kesehatan", adapter: "kepesertaan", credit: settings.credit,
                                 capacity: capacity, limit: limit, context: context, broker: subscriberBrokers.1),
        ]
        do {
            let connection = try AdapterConnection(context: context, endpoint: broker.endpoint,
                                                   brokerPublicKey: broker.publicKey,
                                                   secretKeyPath: broker.curveSecretKeyPath(of: "dukcapil"))
            try connection.hello(agency: "dukcapil", adapter: "w1")
            return BenchmarkRun(settings: settings, broker: broker, events: events,
                                publisher: Publisher(connection: connection, capacity: capacity, batch: settings.batch),
                                subscribers: subscribers)
        } catch {
            for subscriber in subscribers { subscriber.stop() }
            throw error
        }
    }

    /// Says BYE for the publisher and stops the subscriber threads.
    func close() {
        try? publisher.connection.send(.bye(.init(reason: .sessionClosed)))
        for subscriber in subscribers { subscriber.stop() }
    }
}
