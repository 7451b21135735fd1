#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A subscriber in its own process: `python3` with pyzmq (CURVE) and the GMP/1 reference codec
/// of `Tests/python/gmp_reference.py`. It says HELLO as `<agency>/<adapter>`, gives `credit`,
/// acknowledges the first `acknowledgeFirst` deliveries and holds every later one
/// unacknowledged, heartbeats, and prints one line per DELIVER (`deliver <sequence> <attempt>
/// <acked|held>`) to a file, so that the test can `kill -9` it in the middle of a batch.
/// Not `Sendable`: owned by the test's thread.
final class SubscriberProcess {
    let process = Process()
    private let outputURL: URL

    static let script = """
        import sys, time, zmq
        sys.path.insert(0, sys.argv[1])
        import gmp_reference as gmp
        endpoint, server_key, secret_path, agency, adapter, credit, ack_first = sys.argv[2:9]
        secret = open(secret_path).read().strip().encode()
        context = zmq.Context()
        socket = context.socket(zmq.DEALER)
        socket.curve_secretkey = secret
        socket.curve_publickey = zmq.curve_public(secret)
        socket.curve_serverkey = server_key.encode()
        socket.linger = 0
        socket.connect(endpoint)
        socket.send_multipart(gmp.encode("HELLO", {"agency": agency, "adapter_name": adapter,
                                                   "adapter_version": "1.0.0", "subscriptions": []}))
        name, fields = gmp.decode(socket.recv_multipart(), sender="broker")
        if name != "WELCOME":
            print("no welcome", name, fields, flush=True)
            sys.exit(2)
        socket.send_multipart(gmp.encode("CREDIT", {"credit": int(credit)}))
        print("welcome", flush=True)
        delivered = 0
        last_heartbeat = time.monotonic()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if socket.poll(100):
                name, fields = gmp.decode(socket.recv_multipart(), sender="broker")
                if name == "DELIVER":
                    delivered += 1
                    acked = delivered <= int(ack_first)
                    if acked:
                        socket.send_multipart(gmp.encode("ACK", {"delivery_id": fields["delivery_id"]}))
                    print("deliver", fields["sequence"], fields["attempt"], "acked" if acked else "held", flush=True)
            if time.monotonic() - last_heartbeat > 0.3:
                socket.send_multipart(gmp.encode("HEARTBEAT"))
                last_heartbeat = time.monotonic()
        """

    /// One DELIVER the process printed.
    struct Delivery: Hashable {
        let sequence: UInt64
        let attempt: UInt32
        let acknowledged: Bool
    }

    init(broker: BrokerProcess, agency: String, adapter: String, credit: Int, acknowledgeFirst: Int) throws {
        outputURL = broker.directory.appendingPathComponent("subscriber-\(UUID().uuidString.prefix(8)).out")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", Self.script, BrokerProcess.repositoryRoot.appendingPathComponent("Tests/python").path,
            broker.endpoint, broker.publicKey, broker.dataDirectory.appendingPathComponent("curve/agencies/\(agency).key").path,
            agency, adapter, "\(credit)", "\(acknowledgeFirst)",
        ]
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: outputURL)
        try process.run()
    }

    /// What the process printed so far.
    var output: String { (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "" }

    /// The DELIVERs it printed so far.
    var deliveries: [Delivery] {
        output.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 4, parts[0] == "deliver", let sequence = UInt64(parts[1]), let attempt = UInt32(parts[2]) else {
                return nil
            }
            return Delivery(sequence: sequence, attempt: attempt, acknowledged: parts[3] == "acked")
        }
    }

    /// SIGKILL, and wait for the process to be gone.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { kill9() }
    }
}
