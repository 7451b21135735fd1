import Admin
import ArgumentParser
import Foundation

/// The options every command that talks to `gerbangd`'s admin endpoint shares: where it is,
/// which operator key to prove, the broker's public key, and the output format.
struct AdminConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The admin endpoint of gerbangd (env GERBANG_ADMIN_ENDPOINT).", valueName: "endpoint"))
    var endpoint = ProcessInfo.processInfo.environment["GERBANG_ADMIN_ENDPOINT"] ?? "tcp://127.0.0.1:5561"

    @Option(help: ArgumentHelp("The operator's CURVE secret key file (env GERBANG_OPERATOR_KEY).", valueName: "file"))
    var key = ProcessInfo.processInfo.environment["GERBANG_OPERATOR_KEY"] ?? "data/curve/operators/admin.key"

    @Option(help: ArgumentHelp("The broker's CURVE public key: 40 characters of Z85, or a file holding them (env GERBANG_SERVER_KEY).",
                               valueName: "key-or-file"))
    var serverKey = ProcessInfo.processInfo.environment["GERBANG_SERVER_KEY"] ?? "data/curve/broker.pub"

    @Option(name: [.short, .long], help: "Output: table (for people) or json (for scripts).")
    var output: OutputFormat = .table

    @Option(help: ArgumentHelp("How long to wait for the broker's answer, milliseconds.", valueName: "ms"))
    var timeout: Int32 = 5_000

    /// Connects, or prints why not and exits with status 2.
    func connect(command: String, receiveQueue: Int32 = 1_000) throws -> AdminClient {
        do {
            let credentials = try OperatorCredentials.load(endpoint: endpoint, keyPath: key, serverKey: serverKey)
            return try AdminClient(credentials: credentials, timeoutMilliseconds: timeout, receiveQueue: receiveQueue)
        } catch {
            throw AdminCLI.fail(command, error)
        }
    }

    /// One request and its response, or the failure printed and the matching exit status.
    func request(_ request: AdminRequest, command: String) throws -> AdminReply {
        let client = try connect(command: command)
        do {
            return try client.request(request)
        } catch {
            throw AdminCLI.fail(command, error)
        }
    }
}
