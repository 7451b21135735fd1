import Foundation
import GMP
import Testing
import ZeroMQ

/// `gerbang tail` and `gerbang queues --watch` in a real terminal (tmux, 80 columns): the
/// rendered screen is read back with `capture-pane`.
@Suite(.serialized) struct AdminTerminalTests {
    /// A tmux server of its own (socket name), one session of 80×24 running `command`.
    final class Terminal {
        let socket = "gerbang-test-\(UUID().uuidString.prefix(8))"

        /// Starts the tmux server with the session. Through `system(3)`: the server that tmux
        /// forks inherits the descriptors Foundation's `Process` watches, so `Process` would
        /// never see the client end.
        init(command: String) throws {
            let quoted = command.replacingOccurrences(of: "\"", with: "\\\"")
            let status = system("env -u TMUX tmux -L \(socket) new-session -d -x 80 -y 24 -s main \"\(quoted)\" </dev/null >/dev/null 2>&1")
            guard status == 0 else { throw BrokerTestError("tmux new-session failed with status \(status)") }
        }

        /// Runs a tmux command; its output goes to a file (the tmux server that `new-session`
        /// forks would keep a pipe open forever).
        @discardableResult
        func tmux(_ arguments: [String]) throws -> String {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString.prefix(8))")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: output) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["tmux", "-L", socket] + arguments
            process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" }
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = try FileHandle(forWritingTo: output)
            try process.run()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            guard !process.isRunning, process.terminationStatus == 0 else {
                let running = process.isRunning
                process.terminate()
                let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
                throw BrokerTestError("tmux \(arguments.first ?? "") failed (running: \(running), status: \(running ? 0 : process.terminationStatus)): \(text)")
            }
            return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        }

        /// The visible screen, trailing blank lines removed.
        func screen() throws -> [String] {
            var lines = try tmux(["capture-pane", "-p", "-t", "main"]).components(separatedBy: "\n")
            while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
            return lines
        }

        /// Polls the screen (bounded) until `condition` holds.
        func waitForScreen(_ condition: ([String]) -> Bool) throws -> [String] {
            var last: [String] = []
            for _ in 0..<100 {
                last = try screen()
                if condition(last) { return last }
                usleep(100_000)
            }
            throw BrokerTestError("the screen never showed the expected lines:\n\(last.joined(separator: "\n"))")
        }

        deinit { _ = system("env -u TMUX tmux -L \(socket) kill-server </dev/null >/dev/null 2>&1") }
    }

    static func command(_ broker: BrokerProcess, _ arguments: [String]) -> String {
        let binary = BrokerProcess.binDirectory.appendingPathComponent("gerbang").path
        let connection = ["--endpoint", broker.adminEndpoint,
                          "--key", broker.dataDirectory.appendingPathComponent("curve/operators/vera.key").path,
                          "--server-key", broker.dataDirectory.appendingPathComponent("curve/broker.pub").path]
        return ([binary] + arguments + connection).map { "'\($0)'" }.joined(separator: " ")
    }

    @Test func tailAndQueuesWatchRenderAt80Columns() async throws {
        try await IOThread.run {
            let broker = try BrokerProcess()
            let tail = try Terminal(command: Self.command(broker, ["tail", "--stop-after", "60s"]))
            let queues = try Terminal(command: Self.command(broker, ["queues", "--watch", "--interval", "0.3"]))
            usleep(1_500_000)
            try AdminTailTests.publishScenario(broker)

            let tailScreen = try tail.waitForScreen { $0.filter { !$0.isEmpty }.count >= 7 }
            #expect(tailScreen.allSatisfy { $0.count <= 80 })
            let rendered = tailScreen.filter { !$0.isEmpty }
            #expect(rendered.count == 7, "\(rendered.joined(separator: "\n"))")
            // Lines longer than the terminal end in `…` at column 80.
            let text = rendered.joined(separator: "\n")
            #expect(rendered.contains { $0.contains(" accepted      population.death.registered dukcapil #") && $0.contains(" 3374****") }, "\(text)")
            #expect(rendered.contains { $0.contains(" delivered     population.birth.registered dukcapil #") && $0.contains("→ kemensos-p") })
            #expect(rendered.contains { $0.contains(" rejected      population.death.registered dukcapil signature.inval") })
            #expect(rendered.contains { $0.count == 80 && $0.hasSuffix("…") })
            #expect(!rendered.joined().contains(AdminTailTests.nik))
            // Each line starts with a clock time.
            #expect(rendered.allSatisfy { $0.range(of: #"^\d\d:\d\d:\d\d\.\d\d\d "#, options: .regularExpression) != nil })

            let queueScreen = try queues.waitForScreen { screen in
                screen.contains { $0.hasPrefix("kemensos-population") && $0.hasSuffix("0") }
            }
            #expect(queueScreen.allSatisfy { $0.count <= 80 })
            #expect(queueScreen.first?.hasPrefix("gerbang queues  every 0.3s") == true, "\(queueScreen.joined(separator: "\n"))")
            #expect(queueScreen.filter { $0.hasPrefix("SUBSCRIPTION") }.count == 1)
            let header = queueScreen.first(where: { $0.hasPrefix("SUBSCRIPTION") }) ?? "(none)"
            #expect(header.hasSuffix("DEAD  OLDEST  DELIVERED/S"), "\(queueScreen.joined(separator: "\n"))")
            let row = queueScreen.first(where: { $0.hasPrefix("kemensos-population") }) ?? ""
            let cells = row.split(separator: " ")
            #expect(cells.count == 7)
            #expect(cells.dropFirst().prefix(4) == ["0", "0", "0", "0"])
            // Columns line up: the right edge of each number matches its header's right edge.
            #expect(header.count == row.count, "\(header)|\(row)")
        }
    }
}
