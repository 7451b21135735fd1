import Dispatch
import Foundation

/// SIGTERM and SIGINT (graceful stop) and SIGHUP (reload) handlers as dispatch sources (the
/// default actions are ignored so that the process can stop gracefully). Keep the value alive as long as the handlers should run.
/// Not `Sendable`: created and kept by the command's task.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    private init(sources: [any DispatchSourceSignal]) { self.sources = sources }

    /// Installs the handlers; they run on a dispatch queue (`stop` with the signal number).
    static func install(
        stop: @escaping @Sendable (Int32) -> Void, reload: @escaping @Sendable () -> Void
    ) -> StopSignals {
        let queue = DispatchQueue(label: "gerbangd.signals")
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGTERM, SIGINT, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { number == SIGHUP ? reload() : stop(number) }
            source.resume()
            sources.append(source)
        }
        return StopSignals(sources: sources)
    }
}
