import Foundation
import PostgresNIO
import Store

/// `LISTEN gerbang_ready` on a connection of its own: every transaction of any node that made
/// deliveries ready sends one notification naming their subscriptions (`*`: any), and this node
/// wakes its sessions of those subscriptions. When the connection fails (the server restarted,
/// the network dropped) it is opened again after a wait that doubles from 100 ms up to the
/// caller's maximum; notifications sent meanwhile are lost, which the broker's periodic claims
/// (`delivery.tick-ms`) make up for.
extension PostgresStore: ReadyDeliveryNotifier {
    public func watchReadyDeliveries(maxReconnectWait: Duration,
                                     onReady: @escaping @Sendable ([SubscriptionID]) -> Void) async {
        var wait = Duration.milliseconds(100)
        while !Task.isCancelled {
            do throws(StoreError) {
                let connection = try await connector.connect()
                wait = .milliseconds(100)
                await listen(on: connection, onReady: onReady)
                try? await connection.close()
            } catch {
                logger.warning("cannot connect the ready-deliveries listener",
                               metadata: ["reason": "\(error.reason.rawValue)", "retryMs": "\(Timestamp.milliseconds(wait))"])
            }
            guard !Task.isCancelled else { return }
            // Whatever became ready while no notification could arrive: every session claims again.
            onReady([SubscriptionID("*")])
            try? await Task.sleep(for: wait)
            wait = min(wait * 2, maxReconnectWait)
        }
    }

    /// Passes on the notifications of one connection until it fails or the task is cancelled
    /// (which ends the sequence).
    private func listen(on connection: PostgresConnection, onReady: @escaping @Sendable ([SubscriptionID]) -> Void) async {
        logger.debug("listening for ready deliveries", metadata: ["channel": "\(Self.readyChannel)"])
        do {
            try await connection.listen(on: Self.readyChannel) { notifications in
                for try await notification in notifications {
                    onReady(Self.subscriptions(inReadyPayload: notification.payload))
                }
            }
        } catch {
            if !Task.isCancelled {
                logger.warning("the ready-deliveries listener lost its connection", metadata: ["error": "\(error)"])
            }
        }
    }

    /// The subscriptions of a `gerbang_ready` payload (comma-separated ids; `*` stands for any).
    static func subscriptions(inReadyPayload payload: String) -> [SubscriptionID] {
        payload.split(separator: ",").map { SubscriptionID(String($0)) }
    }
}
